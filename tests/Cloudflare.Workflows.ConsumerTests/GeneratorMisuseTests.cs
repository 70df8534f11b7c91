namespace Cloudflare.Workflows.ConsumerTests;

/// <summary>The generator package's build targets turn two easy mistakes into one clear error each.</summary>
public sealed class GeneratorMisuseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Reference_that_drops_the_runtime_compile_assets_fails_with_OAG101_instead_of_CS0400s()
    {
        // What `dotnet add package` writes for a developmentDependency package; it also hides the runtime's compile assets.
        var build = await BuildConsumerAsync(
            "no-runtime",
            """
            <PackageReference Include="Cloudflare.OpenApi.Generator" Version="$(CloudflarePackageVersion)">
              <IncludeAssets>runtime; build; native; contentfiles; analyzers; buildtransitive</IncludeAssets>
              <PrivateAssets>all</PrivateAssets>
            </PackageReference>
            <OpenApiSpec Include="api.yaml" Namespace="Acme.Flows" ClientName="FlowsClient" />
            """);

        Assert.False(build.Succeeded, build.Describe());
        Assert.Contains("error OAG101: The code generated from OpenApiSpec needs a compile reference to Cloudflare.OpenApi.Runtime", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS0400", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spec_path_that_does_not_exist_fails_with_OAG100()
    {
        var build = await BuildConsumerAsync(
            "missing-spec",
            """
            <PackageReference Include="Cloudflare.OpenApi.Generator" Version="$(CloudflarePackageVersion)" />
            <OpenApiSpec Include="specs/typo.yaml" Namespace="Acme.Flows" ClientName="FlowsClient" />
            """);

        Assert.False(build.Succeeded, build.Describe());
        Assert.Contains("error OAG100: The OpenApiSpec file 'specs/typo.yaml' does not exist", build.Output, StringComparison.Ordinal);
    }

    private async Task<ProcessResult> BuildConsumerAsync(string name, string items)
    {
        var feed = await PackedFeed.GetAsync();
        using var workspace = ConsumerWorkspace.Create(feed, name, output);
        workspace.WriteFile("app/app.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
            {items}
              </ItemGroup>
            </Project>
            """);
        workspace.WriteFile("app/api.yaml", File.ReadAllText(Repository.PathOf("tests", "specs", "workflows-0.1.0.openapi.yaml")));
        workspace.WriteFile("app/Program.cs", "System.Console.WriteLine(typeof(Acme.Flows.FlowsClient));\n");
        return await workspace.BuildAsync("app");
    }
}
