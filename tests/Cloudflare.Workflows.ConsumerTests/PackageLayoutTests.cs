using System.Text;
using System.Text.RegularExpressions;

namespace Cloudflare.Workflows.ConsumerTests;

/// <summary>What build/pack.sh puts into each package (the listings are in build/PACKAGING.md).</summary>
public sealed partial class PackageLayoutTests(ITestOutputHelper output)
{
    private static readonly string[] s_frameworks = ["net8.0", "net10.0"];

    [Fact]
    public async Task Runtime_package_ships_both_frameworks_with_xml_docs_readme_and_symbols()
    {
        var feed = await FeedAsync();
        var package = Nupkg.Open(feed.PackagePath("Cloudflare.OpenApi.Runtime"));

        foreach (var framework in s_frameworks)
        {
            Assert.Contains($"lib/{framework}/Cloudflare.OpenApi.Runtime.dll", package.Entries);
            Assert.Contains($"lib/{framework}/Cloudflare.OpenApi.Runtime.xml", package.Entries);
        }

        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.Contains("README.md", package.Entries);
        // ILogger is the runtime's one dependency (request logging without DI); metrics and tracing are in the BCL.
        Assert.Equal(
            s_frameworks.Select(f => (f, "Microsoft.Extensions.Logging.Abstractions")).Order(),
            package.Dependencies.Select(d => (d.Framework, d.Id)).Order());
        Assert.Contains("T:Cloudflare.OpenApi.CloudflareClientOptions", package.ReadText("lib/net10.0/Cloudflare.OpenApi.Runtime.xml"), StringComparison.Ordinal);

        var symbols = Nupkg.Open(feed.SymbolPackagePath("Cloudflare.OpenApi.Runtime"));
        Assert.Equal(s_frameworks.Select(f => $"lib/{f}/Cloudflare.OpenApi.Runtime.pdb").Order(StringComparer.Ordinal), symbols.Entries.Where(e => e.EndsWith(".pdb", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Cloudflare.OpenApi.Extensions.DependencyInjection", new[] { "Cloudflare.OpenApi.Runtime", "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Http", "Microsoft.Extensions.Options" })]
    [InlineData("Cloudflare.Workflows.Extensions.DependencyInjection", new[] { "Cloudflare.OpenApi.Extensions.DependencyInjection", "Cloudflare.Workflows" })]
    public async Task Hosting_packages_ship_both_frameworks_and_depend_on_what_they_register_with(string id, string[] dependencies)
    {
        var feed = await FeedAsync();
        var package = Nupkg.Open(feed.PackagePath(id));

        foreach (var framework in s_frameworks)
        {
            Assert.Contains($"lib/{framework}/{id}.dll", package.Entries);
            Assert.Contains($"lib/{framework}/{id}.xml", package.Entries);
        }

        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.Equal(
            s_frameworks.SelectMany(f => dependencies.Select(d => (f, d))).Order(),
            package.Dependencies.Select(d => (d.Framework, d.Id)).Order());
        // The packages of this repository are pinned to the same version.
        Assert.All(package.Dependencies.Where(d => d.Id.StartsWith("Cloudflare.", StringComparison.Ordinal)), d => Assert.Equal(feed.Version, d.Version));
    }

    [Fact]
    public async Task Sdk_package_holds_the_compiled_client_and_depends_on_the_runtime_only()
    {
        var feed = await FeedAsync();
        var package = Nupkg.Open(feed.PackagePath("Cloudflare.Workflows"));

        foreach (var framework in s_frameworks)
        {
            Assert.Contains($"lib/{framework}/Cloudflare.Workflows.dll", package.Entries);
            Assert.Contains($"lib/{framework}/Cloudflare.Workflows.xml", package.Entries);
            // Generated at compile time from the spec, with the generator's version in [GeneratedCode].
            Assert.True(Contains(package.Dlls[$"lib/{framework}/Cloudflare.Workflows.dll"], "Cloudflare.OpenApi.Generator"), "no [GeneratedCode] tool name in the SDK assembly");
        }

        Assert.Contains("M:Cloudflare.Workflows.InstancesClient.GetAsync(", package.ReadText("lib/net10.0/Cloudflare.Workflows.xml"), StringComparison.Ordinal);
        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.Contains("new WorkflowsClient(", package.ReadText("README.md"), StringComparison.Ordinal);
        Assert.DoesNotContain(package.Entries, e => e.StartsWith("analyzers/", StringComparison.Ordinal));

        // The generator (and NSwag, YamlDotNet, …) is compile-time only: never a dependency of the SDK.
        Assert.Equal(
            s_frameworks.Select(f => (f, "Cloudflare.OpenApi.Runtime", feed.Version)).Order(),
            package.Dependencies.Select(d => (d.Framework, d.Id, d.Version)).Order());

        var symbols = Nupkg.Open(feed.SymbolPackagePath("Cloudflare.Workflows"));
        Assert.Equal(s_frameworks.Select(f => $"lib/{f}/Cloudflare.Workflows.pdb").Order(StringComparer.Ordinal), symbols.Entries.Where(e => e.EndsWith(".pdb", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Generator_package_carries_every_dll_it_loads_under_analyzers_and_only_the_runtime_as_dependency()
    {
        var feed = await FeedAsync();
        var package = Nupkg.Open(feed.PackagePath("Cloudflare.OpenApi.Generator"));

        string[] analyzerDlls =
        [
            "Cloudflare.OpenApi.Generator", "NJsonSchema", "NJsonSchema.Annotations", "NSwag.Core", "Namotion.Reflection", "Newtonsoft.Json", "YamlDotNet",
        ];
        Assert.Equal(
            analyzerDlls.Select(n => $"analyzers/dotnet/cs/{n}.dll").Order(StringComparer.Ordinal),
            package.Entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)));
        Assert.DoesNotContain(package.Entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));

        // The packed props/targets are this commit's files, in build/ and buildTransitive/.
        foreach (var folder in new[] { "build", "buildTransitive" })
        {
            foreach (var extension in new[] { "props", "targets" })
            {
                var source = File.ReadAllText(Repository.PathOf("generator", "Cloudflare.OpenApi.Generator", "build", $"Cloudflare.OpenApi.Generator.{extension}"));
                Assert.Equal(source, package.ReadText($"{folder}/Cloudflare.OpenApi.Generator.{extension}"));
            }
        }

        // The generated code compiles against the runtime (same version); the generator's own dependencies stay inside.
        Assert.Equal(
            s_frameworks.Select(f => (f, "Cloudflare.OpenApi.Runtime", feed.Version)).Order(),
            package.Dependencies.Select(d => (d.Framework, d.Id, d.Version)).Order());
        Assert.NotEqual("true", package.Metadata("developmentDependency"));
        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.False(File.Exists(feed.SymbolPackagePath("Cloudflare.OpenApi.Generator")), "the generator package has no lib/, so no symbols package");
    }

    [Fact]
    public async Task Every_package_carries_the_version_from_Directory_Build_props()
    {
        var feed = await FeedAsync();
        foreach (var id in new[] { "Cloudflare.OpenApi.Generator", "Cloudflare.OpenApi.Runtime", "Cloudflare.Workflows" })
        {
            Assert.Equal(Repository.Version, Nupkg.Open(feed.PackagePath(id)).Metadata("version"));
        }

        // Nothing of another version sneaks into the feed (pack.sh empties it first).
        Assert.All(Directory.GetFiles(feed.Directory), file => Assert.Matches($@"\.{Regex.Escape(Repository.Version)}\.s?nupkg$", file));
    }

    [Fact]
    public async Task Runtime_and_sdk_are_trimmable_and_pack_without_any_warning()
    {
        var feed = await FeedAsync();

        // IsAotCompatible implies IsTrimmable, which stamps [AssemblyMetadata("IsTrimmable", "True")] into the assembly.
        foreach (var id in new[] { "Cloudflare.OpenApi.Runtime", "Cloudflare.Workflows" })
        {
            var package = Nupkg.Open(feed.PackagePath(id));
            foreach (var framework in s_frameworks)
            {
                Assert.True(Contains(package.Dlls[$"lib/{framework}/{id}.dll"], "IsTrimmable"), $"{id} ({framework}) is not marked trimmable");
            }
        }

        // IsAotCompatible turns on the trim, AOT and single-file analyzers: any IL2xxx/IL3xxx would show (as an error,
        // since warnings are errors here). The pack log must not show any warning at all.
        var warnings = WarningPattern().Matches(feed.Pack.Output).Select(m => m.Value).ToList();
        output.WriteLine($"pack.sh took {feed.Pack.Duration.TotalSeconds:F1} s; warnings: {warnings.Count}");
        Assert.True(warnings.Count == 0, $"pack.sh printed warnings:\n{string.Join("\n", warnings)}\n\n{feed.Pack.Describe()}");
        Assert.DoesNotMatch(@"\bIL[23]\d{3}\b", feed.Pack.Output);
    }

    private async Task<PackedFeed> FeedAsync()
    {
        var feed = await PackedFeed.GetAsync();
        output.WriteLine($"feed: {feed.Directory} (pack.sh {feed.Pack.Duration.TotalSeconds:F1} s)");
        return feed;
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [GeneratedRegex(@"^.*\b(warning|error) [A-Z]+\d+\b.*$", RegexOptions.Multiline)]
    private static partial Regex WarningPattern();
}
