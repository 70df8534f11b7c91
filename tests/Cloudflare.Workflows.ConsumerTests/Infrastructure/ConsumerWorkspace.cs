namespace Cloudflare.Workflows.ConsumerTests.Infrastructure;

/// <summary>
/// A folder outside the repository where consumer projects are created the way a user would: a nuget.config that
/// takes <c>Cloudflare.*</c> only from the packed feed and everything else from nuget.org, and a globalPackagesFolder
/// of its own, so no package cached by an earlier run (or by the repository's builds) can stand in for this commit's.
/// </summary>
public sealed class ConsumerWorkspace : IDisposable
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(6);
    private readonly ITestOutputHelper? _log;

    private ConsumerWorkspace(string root, PackedFeed feed, ITestOutputHelper? log)
    {
        Root = root;
        Feed = feed;
        _log = log;
    }

    public string Root { get; }

    public PackedFeed Feed { get; }

    /// <summary>Where this workspace's restores put packages.</summary>
    public string PackagesFolder => Path.Combine(Root, ".packages");

    /// <summary>Creates an empty workspace below this run's folder.</summary>
    public static ConsumerWorkspace Create(PackedFeed feed, string name, ITestOutputHelper? log = null)
    {
        var root = Path.Combine(PackedFeed.RunDirectory, $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(root);
        var workspace = new ConsumerWorkspace(root, feed, log);
        workspace.WriteFile("nuget.config", NuGetConfig(feed.Directory, workspace.PackagesFolder));
        // Fences against any Directory.Build.* or central package management above the temp folder; the version
        // property is the only thing the consumer projects take from here.
        workspace.WriteFile("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <CloudflarePackageVersion>{feed.Version}</CloudflarePackageVersion>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>
            """);
        workspace.WriteFile("Directory.Build.targets", "<Project />");
        return workspace;
    }

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public void WriteFile(string relativePath, string content)
    {
        var path = PathOf(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string ReadFile(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public void DeleteFile(string relativePath) => File.Delete(PathOf(relativePath));

    /// <summary>Copies every file of <paramref name="sourceDirectory"/> (not its subfolders) into <paramref name="relativeDirectory"/>.</summary>
    public void CopyFiles(string sourceDirectory, string relativeDirectory, string searchPattern = "*")
    {
        var target = PathOf(relativeDirectory);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(sourceDirectory, searchPattern))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    /// <summary>Runs <c>dotnet</c> in <paramref name="relativeDirectory"/> and logs the duration.</summary>
    public async Task<ProcessResult> DotNetAsync(string relativeDirectory, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("dotnet", arguments, PathOf(relativeDirectory), s_commandTimeout);
        _log?.WriteLine($"[{result.Duration.TotalSeconds,5:F1} s] dotnet {string.Join(" ", arguments)} ({relativeDirectory}) -> {(result.TimedOut ? "timeout" : result.ExitCode.ToString())}");
        return result;
    }

    /// <summary><c>dotnet build</c> as a user runs it, plus the flags that keep a test run hermetic and quick.</summary>
    public Task<ProcessResult> BuildAsync(string relativeDirectory, params string[] extraArguments) =>
        DotNetAsync(relativeDirectory, ["build", "--nologo", "-v:minimal", "-nodeReuse:false", "-p:UseSharedCompilation=false", .. extraArguments]);

    /// <summary>
    /// Runs a built app with the muxer (<c>dotnet bin/…/App.dll</c>): what <c>dotnet run --no-build</c> ends up doing,
    /// without evaluating the project again first (seconds on a busy 2-core machine).
    /// </summary>
    public Task<ProcessResult> RunAppAsync(string relativeDirectory, string assemblyName, string targetFramework = "net10.0") =>
        DotNetAsync(relativeDirectory, Path.Combine("bin", "Debug", targetFramework, assemblyName + ".dll"));

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("KEEP_CONSUMER_WORKSPACES") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is cleaned by the OS eventually.
        }
    }

    private static string NuGetConfig(string feedDirectory, string packagesFolder)
    {
        // The consumer projects need no nuget.org package for net10.0 (the targeting pack ships with the SDK); the
        // net8.0 build of the SDK consumer needs Microsoft.NETCore.App.Ref 8.0.x. The repository's package cache may
        // serve those as a fallback folder (no download), but only while it holds no Cloudflare.* package: a fallback
        // folder wins over every source, so a stale Cloudflare package there would shadow the feed.
        var repositoryCache = Repository.PathOf(".nuget", "packages");
        var fallback = Directory.Exists(repositoryCache) && !Directory.EnumerateDirectories(repositoryCache, "cloudflare.*").Any()
            ? $"""<fallbackPackageFolders><add key="repository-cache" value="{repositoryCache}" /></fallbackPackageFolders>"""
            : string.Empty;
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{packagesFolder}" />
              </config>
              <packageSources>
                <clear />
                <add key="local-feed" value="{feedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local-feed">
                  <package pattern="Cloudflare.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
              {fallback}
            </configuration>
            """;
    }
}
