using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cloudflare.Workflows.IntegrationTests.Launcher;

/// <summary>
/// The shared engine started by <see cref="EngineFixture"/> is up and runs the tests/engine workflows,
/// checked with a plain <see cref="HttpClient"/> against the explorer API (no SDK involved).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ExplorerApiSmokeTests
{
    private readonly EngineFixture _fixture;

    public ExplorerApiSmokeTests(EngineFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task Engine_answers_the_explorer_api_on_its_loopback_port()
    {
        using HttpResponseMessage response = await _fixture.ExplorerApi.GetAsync("workflows");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Uri($"http://127.0.0.1:{_fixture.Engine.Port}/cdn-cgi/explorer/api/"), _fixture.Engine.ExplorerApiUri);
        Assert.InRange(_fixture.Engine.StartupTime, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(60));
        using JsonDocument body = await ReadJsonAsync(response);
        Assert.True(body.RootElement.GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Lists_exactly_the_workflows_of_the_engine_project()
    {
        using HttpResponseMessage response = await _fixture.ExplorerApi.GetAsync("workflows");
        using JsonDocument body = await ReadJsonAsync(response);

        // Exact set: the per-run registry keeps workflows of other wrangler processes on this machine out.
        string[] names = body.RootElement.GetProperty("result").EnumerateArray()
            .Select(workflow => workflow.GetProperty("name").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "approval", "quick", "sleepy" }, names);
    }

    [Fact]
    public async Task Quick_instance_completes_with_an_output_that_echoes_its_params()
    {
        string id = EngineFixture.NewInstanceId("quick");
        using HttpResponseMessage created = await _fixture.ExplorerApi.PostAsJsonAsync(
            "workflows/quick/instances", new { id, @params = new { greeting = "hi", n = 3 } });
        using JsonDocument createdBody = await ReadJsonAsync(created);
        Assert.Equal(id, createdBody.RootElement.GetProperty("result").GetProperty("id").GetString());

        JsonElement instance = await Eventually.MatchAsync(
            () => GetInstanceAsync("quick", id),
            result => result.GetProperty("status").GetString() is "complete" or "errored" or "terminated",
            result => result.GetRawText());

        Assert.Equal("complete", instance.GetProperty("status").GetString());
        JsonElement output = instance.GetProperty("output");
        Assert.True(output.GetProperty("done").GetBoolean());
        Assert.Equal("hi", output.GetProperty("echo").GetProperty("greeting").GetString());
        Assert.Equal(3, output.GetProperty("echo").GetProperty("n").GetInt32());
    }

    private async Task<JsonElement> GetInstanceAsync(string workflow, string id)
    {
        using HttpResponseMessage response = await _fixture.ExplorerApi.GetAsync($"workflows/{workflow}/instances/{id}");
        using JsonDocument body = await ReadJsonAsync(response);
        return body.RootElement.GetProperty("result").Clone();
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text);
    }
}
