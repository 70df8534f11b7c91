using System.Diagnostics;

namespace Cloudflare.Workflows.ConsumerTests.Infrastructure;

/// <summary>The packages of this commit, packed once per test run by <c>build/pack.sh</c>.</summary>
/// <param name="Directory">This run's private copy of artifacts/feed (a later pack cannot change it under the tests).</param>
/// <param name="Version">The version every package carries.</param>
/// <param name="Pack">The pack.sh run (its output lists the packages).</param>
public sealed record PackedFeed(string Directory, string Version, ProcessResult Pack)
{
    private static readonly TimeSpan s_packTimeout = TimeSpan.FromMinutes(8);
    private static readonly Lazy<Task<PackedFeed>> s_feed = new(() => Task.Run(PackAsync));

    /// <summary>The temp folder of this test run: the feed copy and every consumer workspace live below it.</summary>
    public static string RunDirectory { get; } = Path.Combine(Path.GetTempPath(), "cf-consumer-tests", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");

    /// <summary>
    /// Packs on first use and hands every later caller the same result. Never reuses a feed from an earlier run: that
    /// could hold packages of another commit.
    /// </summary>
    public static Task<PackedFeed> GetAsync() => s_feed.Value;

    public string PackagePath(string id) => Path.Combine(Directory, $"{id}.{Version}.nupkg");

    public string SymbolPackagePath(string id) => Path.Combine(Directory, $"{id}.{Version}.snupkg");

    private static async Task<PackedFeed> PackAsync()
    {
        DeleteStaleRuns();
        var pack = await ProcessRunner.RunAsync("bash", [Repository.PathOf("build", "pack.sh")], Repository.Root, s_packTimeout);
        if (!pack.Succeeded)
        {
            throw new InvalidOperationException("build/pack.sh failed:\n" + pack.Describe());
        }

        var copy = Path.Combine(RunDirectory, "feed");
        System.IO.Directory.CreateDirectory(copy);
        foreach (var file in System.IO.Directory.EnumerateFiles(Repository.PathOf("artifacts", "feed")))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        Trace.WriteLine($"pack.sh: {pack.Duration.TotalSeconds:F1} s");
        return new PackedFeed(copy, Repository.Version, pack);
    }

    /// <summary>Removes what earlier runs left in the temp folder (their feed copies; crashed runs' workspaces).</summary>
    private static void DeleteStaleRuns()
    {
        var parent = Path.GetDirectoryName(RunDirectory)!;
        if (!System.IO.Directory.Exists(parent))
        {
            return;
        }

        foreach (var run in System.IO.Directory.EnumerateDirectories(parent))
        {
            if (run != RunDirectory && System.IO.Directory.GetLastWriteTimeUtc(run) < DateTime.UtcNow.AddHours(-2))
            {
                try
                {
                    System.IO.Directory.Delete(run, recursive: true);
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
