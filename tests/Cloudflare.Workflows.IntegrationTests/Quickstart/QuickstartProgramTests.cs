using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Cloudflare.Workflows.IntegrationTests.Launcher;

namespace Cloudflare.Workflows.IntegrationTests.Quickstart;

/// <summary>
/// The built quickstart program run as a child process, the way a user runs it: it starts its own engine (so this
/// class is outside the shared-engine collection and runs beside it), exits 0 on success, and stops the engine
/// also when interrupted.
/// </summary>
[Collection(OwnEngineCollection.Name)]
public sealed partial class QuickstartProgramTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Without_arguments_it_starts_the_engine_completes_the_instance_exits_0_and_leaves_nothing_running()
    {
        using var run = QuickstartProcess.Start();

        int exitCode = await run.WaitForExitAsync(ProcessTimeout);

        string output = run.Output;
        Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{output}");
        Assert.Contains("Starting the local Workflows engine (wrangler dev) from " + EngineFixture.EngineProjectDirectory, output, StringComparison.Ordinal);
        Assert.Contains("Instance finished with status: complete", output, StringComparison.Ordinal);
        Assert.Contains("Engine stopped in ", output, StringComparison.Ordinal);
        await AssertEngineGoneAsync(output);
    }

    [Fact]
    public async Task Ctrl_C_while_the_instance_runs_stops_the_engine_and_exits_130()
    {
        // The instance waits for the approval event, which the quickstart holds back for 5 minutes: whatever the
        // machine's load, it is still running when the signal lands.
        using var run = QuickstartProcess.Start("--approve-after", "300");
        await run.WaitForOutputAsync("sending it in 300 s", ProcessTimeout);

        run.Interrupt();
        int exitCode = await run.WaitForExitAsync(ProcessTimeout);

        string output = run.Output;
        Assert.True(exitCode == 130, $"exit code {exitCode}{Environment.NewLine}{output}");
        Assert.Contains("Stopping the local engine...", output, StringComparison.Ordinal);
        Assert.Contains("Interrupted.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Instance finished", output, StringComparison.Ordinal);
        await AssertEngineGoneAsync(output);
    }

    [Fact]
    public async Task With_the_port_of_a_stopped_engine_it_exits_1_with_a_clear_message()
    {
        int port = FreePort();
        using var run = QuickstartProcess.Start("--port", port.ToString());

        int exitCode = await run.WaitForExitAsync(ProcessTimeout);

        Assert.True(exitCode == 1, $"exit code {exitCode}{Environment.NewLine}{run.Output}");
        Assert.Contains($"Using the Workflows engine already running on 127.0.0.1:{port}", run.Output, StringComparison.Ordinal);
        Assert.Contains("Could not reach the Workflows engine", run.Output, StringComparison.Ordinal);
        Assert.Contains("With --port, is wrangler dev running on that port?", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "Unknown argument '--bogus'.")]
    [InlineData("--port", "--port needs a value.")]
    [InlineData("--port x", "--port expects a TCP port (1-65535), not 'x'.")]
    [InlineData("--port 1 --engine-dir .", "--port connects to a running engine and --engine-dir starts one: give one of them.")]
    [InlineData("--approve-after -1", "--approve-after expects a number of seconds, not '-1'.")]
    public async Task Bad_arguments_exit_2_with_the_reason_and_the_usage(string arguments, string reason)
    {
        using var run = QuickstartProcess.Start(arguments.Split(' '));

        int exitCode = await run.WaitForExitAsync(ProcessTimeout);

        Assert.Equal(2, exitCode);
        Assert.Contains(reason, run.Output, StringComparison.Ordinal);
        Assert.Contains("Usage: dotnet run --project src/Workflows.Quickstart", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The port the quickstart's engine used is closed again, and no process runs from that run's state folder.</summary>
    private static async Task AssertEngineGoneAsync(string output)
    {
        Match started = EngineStartedLine().Match(output);
        Assert.True(started.Success, "the quickstart did not print where its engine ran:" + Environment.NewLine + output);
        string port = started.Groups["port"].Value;
        string stateDirectory = started.Groups["state"].Value.Trim();
        Assert.False(Directory.Exists(stateDirectory), stateDirectory);
        Assert.DoesNotContain(LinuxProcesses.Snapshot(), process => process.CommandLine.Contains(stateDirectory, StringComparison.Ordinal));
        using var probe = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        HttpRequestException refused = await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync($"http://127.0.0.1:{port}/"));
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\[engine\] starting wrangler dev on 127\.0\.0\.1:(?<port>\d+), state in (?<state>.+)")]
    private static partial Regex EngineStartedLine();

    /// <summary>The quickstart (copied next to the tests by the project reference) under <c>dotnet</c>, with its output collected.</summary>
    private sealed class QuickstartProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private QuickstartProcess(Process process)
        {
            _process = process;
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static QuickstartProcess Start(params string[] arguments)
        {
            // Through `env --default-signal=INT` (which execs dotnet in its own process): a process started from a
            // background job of a non-interactive shell (`cmd &`, nohup, some CI runners) inherits SIGINT *ignored*, and
            // .NET then rightly never raises Console.CancelKeyPress — the quickstart ran on to its end or its --timeout.
            // A user's terminal Ctrl+C always arrives with the default disposition; so does this test's signal now.
            var startInfo = new ProcessStartInfo("env")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            startInfo.ArgumentList.Add("--default-signal=INT");
            startInfo.ArgumentList.Add("dotnet");
            startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Workflows.Quickstart.dll"));
            foreach (string argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            var run = new QuickstartProcess(new Process { StartInfo = startInfo });
            run._process.OutputDataReceived += (_, e) => run.Append(e.Data);
            run._process.ErrorDataReceived += (_, e) => run.Append(e.Data);
            run._process.Start();
            run._process.BeginOutputReadLine();
            run._process.BeginErrorReadLine();
            return run;
        }

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var deadline = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The quickstart did not exit within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            }

            return _process.ExitCode;
        }

        public async Task WaitForOutputAsync(string fragment, TimeSpan timeout)
        {
            await Eventually.MatchAsync(
                () => Task.FromResult(Output),
                output => output.Contains(fragment, StringComparison.Ordinal) || _process.HasExited,
                output => output,
                timeout);
            Assert.False(_process.HasExited, $"The quickstart exited before printing '{fragment}':{Environment.NewLine}{Output}");
        }

        /// <summary>
        /// SIGINT to the quickstart alone, as Ctrl+C would send it (a terminal also signals wrangler; the quickstart must
        /// cope with either). Straight from libc rather than by spawning <c>kill</c>, which takes seconds on a loaded machine.
        /// </summary>
        public void Interrupt() =>
            Assert.True(kill(_process.Id, SIGINT) == 0, $"kill({_process.Id}, SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");

        private const int SIGINT = 2;

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int sig);

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
