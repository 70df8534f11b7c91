using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Cloudflare.OpenApi.Generator.Tests.Corpus;

namespace Cloudflare.Workflows.ConsumerTests;

/// <summary>
/// The corpus through the packed generator package, as a user gets it: one consumer project (restored from the local
/// feed) with every corpus spec that is not a known failure as its own <c>&lt;OpenApiSpec&gt;</c> item (own namespace),
/// built once with <c>dotnet build</c>. Zero errors; every warning is one its spec's catalog entry allows. Known
/// failures cannot share the build (they would fail it); the in-process CorpusTests hold them to still failing.
/// Cloudflare's full API is measured separately (Corpus/SCALE.md).
/// </summary>
public sealed partial class CorpusPackageTests(ITestOutputHelper output)
{
    private const string App = "corpus";

    [Fact]
    public async Task Every_passing_corpus_spec_builds_through_the_package_with_only_its_allowed_warnings()
    {
        var specs = CorpusCatalog.All.Where(s => s.KnownFailure is null && s.File != CorpusCatalog.CloudflareFull).ToList();
        var feed = await PackedFeed.GetAsync();
        using var workspace = ConsumerWorkspace.Create(feed, "corpus", output);
        var items = new StringBuilder();
        foreach (var spec in specs)
        {
            workspace.WriteFile($"{App}/specs/{spec.SpecFileName}", ReadSpec(spec));
            var parameters = spec.ClientParameters is null ? string.Empty : $" ClientParameters=\"{spec.ClientParameters}\"";
            items.Append($"    <OpenApiSpec Include=\"specs/{spec.SpecFileName}\" Namespace=\"{spec.Namespace}\"{parameters} />\n");
        }

        workspace.WriteFile($"{App}/Corpus.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <!-- A generator that cannot load must fail the build instead of leaving "type not found" errors. -->
                <WarningsAsErrors>$(WarningsAsErrors);CS8785;CS8784;CS8032;CS9057</WarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cloudflare.OpenApi.Generator" Version="$(CloudflarePackageVersion)" />
            {items}  </ItemGroup>
            </Project>
            """);

        var build = await workspace.BuildAsync(App);
        output.WriteLine($"[{build.Duration.TotalSeconds,5:F1} s] one build of {specs.Count} corpus specs through the package");

        Assert.True(build.Succeeded, "the corpus consumer does not build:\n" + build.Describe());
        var unexpected = new List<string>();
        foreach (Match warning in Warning().Matches(build.Output))
        {
            var file = Path.GetFileName(warning.Groups["file"].Value);
            var spec = specs.FirstOrDefault(s => s.SpecFileName == file);
            if (spec is null || !spec.ExpectedWarnings.Any(w => w.Id == warning.Groups["id"].Value))
            {
                unexpected.Add(warning.Value.Trim());
            }
        }

        Assert.True(unexpected.Count == 0, $"warnings no catalog entry allows:\n{string.Join("\n", unexpected.Distinct().Take(30))}");
        foreach (var spec in specs.Where(s => s.ExpectedWarnings.Count > 0))
        {
            foreach (var expected in spec.ExpectedWarnings)
            {
                Assert.True(
                    Warning().Matches(build.Output).Any(m => Path.GetFileName(m.Groups["file"].Value) == spec.SpecFileName && m.Groups["id"].Value == expected.Id),
                    $"{spec.File}: {expected.Id} is listed as expected but the package build did not report it ({expected.Reason})");
            }
        }
    }

    private static string ReadSpec(CorpusSpec spec)
    {
        var path = Repository.PathOf("tests", "Cloudflare.OpenApi.Generator.Tests", "Corpus", spec.File);
        if (!spec.File.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllText(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    // "<path>(line,col): warning ID: message [project]" as MSBuild prints it.
    [GeneratedRegex(@"(?<file>[^\s:(]+)\(\d+,\d+\): warning (?<id>[A-Z]+\d+):[^\n]*")]
    private static partial Regex Warning();
}
