using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Cloudflare.Workflows.ConsumerTests;

/// <summary>build/aot.sh: NativeAOT publish of tests/Cloudflare.Workflows.AotSmoke for linux-x64, then its binary.</summary>
public sealed class NativeAotTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Aot_sample_publishes_without_trim_or_aot_warnings_and_runs_every_operation()
    {
        // No need to wait for the packed feed: aot.sh builds the sample and the SDK from source into its own
        // artifacts/aot-build (--artifacts-path), so it runs alongside pack.sh without sharing any bin/obj folder.
        var publish = await ProcessRunner.RunAsync("bash", [Repository.PathOf("build", "aot.sh")], Repository.Root, s_publishTimeout);
        output.WriteLine($"[{publish.Duration.TotalSeconds,5:F1} s] build/aot.sh");
        Assert.True(publish.Succeeded, publish.Describe());

        var warnings = Regex.Matches(publish.Output, @"\b(warning|error) IL[23]\d{3}\b.*").Select(m => m.Value).ToList();
        Assert.True(warnings.Count == 0, $"trim/AOT warnings:\n{string.Join("\n", warnings)}");
        Assert.Contains("== trim/AOT warnings: 0", publish.Output, StringComparison.Ordinal);

        var binary = Repository.PathOf("artifacts", "aot", "bin", "Cloudflare.Workflows.AotSmoke");
        Assert.True(File.Exists(binary), $"no binary at {binary}");
        Assert.False(File.Exists(Path.ChangeExtension(binary, ".dll")), "a NativeAOT publish has no managed entry assembly");
        var size = new FileInfo(binary).Length;

        // Run it again here (aot.sh ran it once) to time a warm start and assert its output.
        var stopwatch = Stopwatch.StartNew();
        var run = await ProcessRunner.RunAsync(binary, [], Repository.Root, TimeSpan.FromMinutes(1));
        stopwatch.Stop();
        Assert.True(run.Succeeded, run.Describe());
        SmokeOutput.AssertComplete(run.Output, Repository.Version, "NativeAOT binary");

        output.WriteLine($"binary: {size / 1024.0 / 1024.0:F1} MiB ({size} bytes); run incl. loopback server and 7 requests: {stopwatch.ElapsedMilliseconds} ms");
        output.WriteLine(run.Output);
    }
}
