namespace Cloudflare.Workflows.ConsumerTests;

/// <summary>
/// <c>&lt;OpenApiSdkOnlyProject&gt;true&lt;/OpenApiSdkOnlyProject&gt;</c> leaves the .NET SDK's analyzer assemblies out of
/// the compile (what takes Cloudflare's full API from 2.9 GB to under 2 GB, SCALE.md) and keeps every generator the
/// project can still use — this one first.
/// </summary>
public sealed class SdkOnlyProjectTests(ITestOutputHelper output)
{
    private static readonly string[] s_leftOut =
    [
        "Microsoft.CodeAnalysis.NetAnalyzers.dll",
        "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll",
        "Microsoft.Interop.LibraryImportGenerator.dll",
        "Microsoft.Interop.ComInterfaceGenerator.dll",
        "Microsoft.Interop.JavaScript.JSImportGenerator.dll",
        "System.Text.RegularExpressions.Generator.dll",
    ];

    [Fact]
    public async Task Sdk_only_project_compiles_without_the_SDK_analyzers_and_keeps_the_generators()
    {
        var feed = await PackedFeed.GetAsync();
        using var workspace = ConsumerWorkspace.Create(feed, "sdk-only", output);
        workspace.WriteFile("sdk/sdk.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Cloudflare.OpenApi.Generator" Version="$(CloudflarePackageVersion)" />
                <OpenApiSpec Include="api.yaml" Namespace="Acme.Flows" ClientName="FlowsClient" />
              </ItemGroup>
            </Project>
            """);
        workspace.WriteFile("sdk/api.yaml", File.ReadAllText(Repository.PathOf("tests", "specs", "workflows-0.1.0.openapi.yaml")));
        // A partial extension of a generated type, and a System.Text.Json source-generated context: both must still compile.
        workspace.WriteFile("sdk/Extensions.cs", """
            namespace Acme.Flows;

            public partial class FlowsClient
            {
                public static string Describe() => nameof(FlowsClient);
            }

            [System.Text.Json.Serialization.JsonSerializable(typeof(int[]))]
            internal sealed partial class ExtraJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
            """);

        // The compiler's command line is logged at normal verbosity; --no-incremental makes the second compile run too.
        var sdkOnly = await workspace.BuildAsync("sdk", "-v:n", "--no-incremental", "-p:OpenApiSdkOnlyProject=true");
        Assert.True(sdkOnly.Succeeded, sdkOnly.Describe());
        var sdkOnlyAnalyzers = AnalyzersOf(sdkOnly.Output);
        Assert.Contains(sdkOnlyAnalyzers, a => a.EndsWith("/Cloudflare.OpenApi.Generator.dll", StringComparison.Ordinal));
        Assert.Contains(sdkOnlyAnalyzers, a => a.EndsWith("/System.Text.Json.SourceGeneration.dll", StringComparison.Ordinal));
        foreach (var name in s_leftOut)
        {
            Assert.DoesNotContain(sdkOnlyAnalyzers, a => a.EndsWith("/" + name, StringComparison.Ordinal));
        }

        Assert.Contains("OpenApiSdkOnlyProject: left out of the compile: ", sdkOnly.Output, StringComparison.Ordinal);

        // The same project without the property passes every one of them: the list above is what the SDK adds.
        var normal = await workspace.BuildAsync("sdk", "-v:n", "--no-incremental");
        Assert.True(normal.Succeeded, normal.Describe());
        var normalAnalyzers = AnalyzersOf(normal.Output);
        foreach (var name in s_leftOut)
        {
            Assert.Contains(normalAnalyzers, a => a.EndsWith("/" + name, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("OpenApiSdkOnlyProject: left out", normal.Output, StringComparison.Ordinal);
    }

    /// <summary>The <c>/analyzer:</c> paths of the one <c>csc</c> command line in a build log.</summary>
    private static List<string> AnalyzersOf(string buildOutput)
    {
        var commandLines = buildOutput.Split('\n').Where(l => l.Contains("/analyzer:", StringComparison.Ordinal)).ToList();
        Assert.Single(commandLines);
        return commandLines[0]
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(a => a.StartsWith("/analyzer:", StringComparison.Ordinal))
            .Select(a => a["/analyzer:".Length..].Trim('"').Replace('\\', '/'))
            .ToList();
    }
}
