using System.Text.Json;

namespace Cloudflare.Workflows.ConsumerTests;

/// <summary>A user's console app that takes Cloudflare.Workflows from the feed and calls a loopback Workflows API.</summary>
public sealed class SdkPackageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task App_on_the_sdk_package_calls_the_api_and_gets_the_runtime_but_not_the_generator()
    {
        var feed = await PackedFeed.GetAsync();
        using var workspace = ConsumerWorkspace.Create(feed, "sdk", output);
        workspace.CopyFiles(Repository.ConsumerTemplate("SdkConsumer"), "app");
        workspace.CopyFiles(Repository.PathOf("tests", "Cloudflare.Workflows.AotSmoke"), "app", "*.cs");

        var build = await workspace.BuildAsync("app");
        Assert.True(build.Succeeded, build.Describe());

        var run = await workspace.RunAppAsync("app", "SdkConsumer");
        Assert.True(run.Succeeded, run.Describe());
        output.WriteLine(run.Output);
        SmokeOutput.AssertComplete(run.Output, feed.Version, "SDK package consumer");

        // The runtime arrived transitively from the feed; nothing of the generator (or NSwag, YamlDotNet…) did.
        using var assets = JsonDocument.Parse(workspace.ReadFile("app/obj/project.assets.json"));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains($"Cloudflare.Workflows/{feed.Version}", libraries);
        Assert.Contains($"Cloudflare.OpenApi.Runtime/{feed.Version}", libraries);
        Assert.DoesNotContain(libraries, l => l.StartsWith("Cloudflare.OpenApi.Generator/", StringComparison.Ordinal)
            || l.StartsWith("NSwag", StringComparison.Ordinal) || l.StartsWith("YamlDotNet", StringComparison.Ordinal) || l.StartsWith("Newtonsoft", StringComparison.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(workspace.PackagesFolder, "cloudflare.workflows", feed.Version)), "the SDK was not restored into the workspace's own package folder");
    }
}
