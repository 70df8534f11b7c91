using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Cloudflare.Workflows.Hosting.Tests.Sample;

/// <summary>
/// Starts src/Workflows.SampleApp (WebApplicationFactory, its real Program) against the fake Cloudflare API on a
/// loopback port and drives requests through it: DI, configuration, the resilience handler, the request log and the
/// meter, end to end.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class SampleAppTests
{
    private static WebApplicationFactory<Program> Start(FakeCloudflareApi api, CapturingLoggerProvider logs, bool withToken = true) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Cloudflare:BaseUri", api.BaseUri.ToString());
            web.UseSetting("Cloudflare:AccountId", Clients.AccountId);
            web.UseSetting("Cloudflare:RetryDelay", "00:00:00.001");
            web.UseSetting("Cloudflare:MaxRetryDelay", "00:00:00.005");
            if (withToken)
            {
                web.UseSetting("Cloudflare:ApiToken", Clients.Token);
            }

            web.ConfigureLogging(logging => logging.AddProvider(logs));
        });

    [Fact]
    public async Task Starting_an_approval_goes_through_the_sdk_to_the_api_and_is_logged_and_measured()
    {
        using var environment = new EnvironmentScope();
        await using var api = await FakeCloudflareApi.StartAsync();
        api.Then(FakeCloudflareApi.Error(503)).Then(FakeCloudflareApi.Envelope(200, """{"id":"order-42","status":"queued"}"""));
        using var metrics = new MetricsCollector(api.Port);
        var logs = new CapturingLoggerProvider();
        await using var app = Start(api, logs);
        using var http = app.CreateClient();

        using var response = await http.PostAsync("/orders/order-42/approval?amount=12.5", content: null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("order-42", body.GetProperty("instanceId").GetString());
        Assert.Equal("queued", body.GetProperty("status").GetString());

        // The API got the create twice (503 retried by the SDK: the handler's retry is off), with the same id and the token.
        Assert.Equal(2, api.Received.Count);
        Assert.All(api.Received, r =>
        {
            Assert.Equal("POST", r.Method);
            Assert.Equal($"/client/v4/accounts/{Clients.AccountId}/workflows/approval/instances", r.Path);
            Assert.Equal("Bearer " + Clients.Token, r.Headers["Authorization"]);
            Assert.StartsWith("workflows-sample/1.0 ", r.Headers["User-Agent"]);
            Assert.Contains("\"instance_id\":\"order-42\"", r.Body);
            Assert.Contains("\"params\":12.5", r.Body);
        });

        var requestLog = logs.Of(CloudflareClientTelemetry.LoggerCategory);
        Assert.Equal(["RequestFailed", "RequestRetrying", "RequestCompleted"], requestLog.Select(e => e.EventId.Name));
        Assert.All(requestLog, e => Assert.Equal(Clients.CreateTemplate, e.State["PathTemplate"]));
        Assert.Empty(logs.Of("Cloudflare.OpenApi.Hosting")); // one retry layer: no nested-retry warning
        Assert.All(logs.Entries, e => Assert.All(Clients.Secrets, s => Assert.DoesNotContain(s, e.AllText)));

        Assert.Equal([503, 200], metrics.Of("http.client.request.duration").Select(m => (int)m.Tags["http.response.status_code"]!));
        Assert.Equal(1, metrics.Of(CloudflareClientTelemetry.RequestRetries).Sum(m => m.Value));
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_of_the_sample()
    {
        using var environment = new EnvironmentScope();
        await using var api = await FakeCloudflareApi.StartAsync();
        api.Default = FakeCloudflareApi.Error(404);
        await using var app = Start(api, new CapturingLoggerProvider());
        using var http = app.CreateClient();

        using var response = await http.GetAsync("/orders/nope/approval");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"/client/v4/accounts/{Clients.AccountId}/workflows/approval/instances/nope", Assert.Single(api.Received).Path);
    }

    [Fact]
    public async Task Without_a_token_the_sample_refuses_to_start_and_names_the_key()
    {
        using var environment = new EnvironmentScope();
        await using var api = await FakeCloudflareApi.StartAsync();
        await using var app = Start(api, new CapturingLoggerProvider(), withToken: false);

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Cloudflare:ApiToken", failure.ToString());
        Assert.Empty(api.Received);
    }
}
