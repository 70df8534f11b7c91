using System.Net;
using System.Net.Sockets;
using Cloudflare.Workflows.Testing;

namespace Cloudflare.Workflows.IntegrationTests.Launcher;

/// <summary>
/// Start and stop behaviour of <see cref="LocalWorkflowsEngine"/> and <see cref="EngineFixture"/>. These tests
/// start engines of their own (on other free ports) instead of using the shared one.
/// </summary>
[Collection(OwnEngineCollection.Name)]
public sealed class LocalWorkflowsEngineLifecycleTests
{
    [Fact]
    public async Task Disposing_the_fixture_stops_the_whole_process_tree_frees_the_port_and_deletes_the_state()
    {
        var fixture = new EngineFixture(new Xunit.Sdk.NullMessageSink());
        await fixture.InitializeAsync();
        LocalWorkflowsEngine engine = fixture.Engine;
        IReadOnlyList<LinuxProcesses.Entry> tree = LinuxProcesses.TreeOf(engine.ProcessId);
        using (HttpResponseMessage beforeStop = await fixture.ExplorerApi.GetAsync("workflows"))
        {
            Assert.Equal(HttpStatusCode.OK, beforeStop.StatusCode);
        }

        // wrangler -> node cli.js -> esbuild + 2 x workerd: if this were not seen, the check below would prove nothing.
        Assert.Contains(tree, process => process.CommandLine.Contains("workerd", StringComparison.Ordinal));
        Assert.True(Directory.Exists(engine.StateDirectory));

        await fixture.DisposeAsync();

        Assert.Empty(LinuxProcesses.StillRunning(tree));
        Assert.False(Directory.Exists(engine.StateDirectory), engine.StateDirectory);
        Assert.NotNull(engine.ShutdownTime);
        using var probe = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        HttpRequestException refused = await Assert.ThrowsAsync<HttpRequestException>(() => probe.GetAsync(engine.ExplorerApiUri));
        Assert.Equal(HttpRequestError.ConnectionError, refused.HttpRequestError);
    }

    [Fact]
    public async Task Start_fails_with_the_wrangler_log_tail_when_the_requested_port_is_taken()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        LocalWorkflowsEngineOptions options = new(EngineFixture.EngineProjectDirectory) { Port = port };

        LocalWorkflowsEngineException failure = await Assert.ThrowsAsync<LocalWorkflowsEngineException>(
            () => LocalWorkflowsEngine.StartAsync(options));

        Assert.Contains("wrangler dev exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Address already in use", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(LinuxProcesses.Snapshot(), process => process.CommandLine.Contains($"127.0.0.1:{port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_stops_engines_left_behind_by_a_dead_test_host_and_keeps_those_of_a_live_one()
    {
        string project = CreateProjectWithoutDependencies();
        using var orphan = System.Diagnostics.Process.Start("sleep", "300");
        using var survivor = System.Diagnostics.Process.Start("sleep", "300");
        try
        {
            // owner.txt as written by the launcher: "<role> <pid> <start time> <name>". A host whose start time does
            // not match is a dead host whose PID was reused; the current process is a live one.
            int self = Environment.ProcessId;
            string staleRun = WriteRun(project, "run-stale", ("host", self, LinuxProcesses.StartTimeOf(self) + 1), ("wrangler", orphan.Id, LinuxProcesses.StartTimeOf(orphan.Id)));
            string liveRun = WriteRun(project, "run-live", ("host", self, LinuxProcesses.StartTimeOf(self)), ("wrangler", survivor.Id, LinuxProcesses.StartTimeOf(survivor.Id)));
            var options = new LocalWorkflowsEngineOptions(project) { InstallDependencies = false };

            LocalWorkflowsEngineException failure = await Assert.ThrowsAsync<LocalWorkflowsEngineException>(() => LocalWorkflowsEngine.StartAsync(options));

            Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(10)), "the stale run's process is still running");
            Assert.False(Directory.Exists(staleRun));
            Assert.Contains("cleaned up stale run", failure.Log, StringComparison.Ordinal);
            Assert.False(survivor.HasExited);
            Assert.True(Directory.Exists(liveRun));
        }
        finally
        {
            orphan.Kill();
            survivor.Kill();
            Directory.Delete(project, recursive: true);
        }
    }

    [Fact]
    public async Task Start_names_the_missing_package_json_when_pointed_at_the_wrong_folder()
    {
        string folder = Directory.CreateTempSubdirectory("engine-empty-").FullName;
        try
        {
            LocalWorkflowsEngineException failure = await Assert.ThrowsAsync<LocalWorkflowsEngineException>(
                () => LocalWorkflowsEngine.StartAsync(new LocalWorkflowsEngineOptions(folder)));

            Assert.Contains("has no package.json", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Start_asks_for_npm_ci_when_dependencies_are_missing_and_installing_is_off()
    {
        string folder = CreateProjectWithoutDependencies();
        try
        {
            var options = new LocalWorkflowsEngineOptions(folder) { InstallDependencies = false };

            LocalWorkflowsEngineException failure = await Assert.ThrowsAsync<LocalWorkflowsEngineException>(
                () => LocalWorkflowsEngine.StartAsync(options));

            Assert.Contains("run 'npm ci' in", failure.Message, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(folder, "node_modules")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string CreateProjectWithoutDependencies()
    {
        string folder = Directory.CreateTempSubdirectory("engine-no-modules-").FullName;
        File.Copy(Path.Combine(EngineFixture.EngineProjectDirectory, "package.json"), Path.Combine(folder, "package.json"));
        File.Copy(Path.Combine(EngineFixture.EngineProjectDirectory, "wrangler.jsonc"), Path.Combine(folder, "wrangler.jsonc"));
        return folder;
    }

    private static string WriteRun(string project, string name, params (string Role, int Pid, ulong StartTime)[] processes)
    {
        string run = Path.Combine(project, ".state", name);
        Directory.CreateDirectory(Path.Combine(run, "persist"));
        File.WriteAllLines(Path.Combine(run, "owner.txt"), processes.Select(p => $"{p.Role} {p.Pid} {p.StartTime} sleep"));
        return run;
    }
}
