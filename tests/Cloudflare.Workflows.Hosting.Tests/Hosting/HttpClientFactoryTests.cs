using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Microsoft.Extensions.Logging;

namespace Cloudflare.Workflows.Hosting.Tests.Hosting;

/// <summary>The client is a typed client of IHttpClientFactory: handlers chain onto it; nested retries are reported.</summary>
public sealed class HttpClientFactoryTests
{
    [Fact]
    public async Task A_handler_added_to_the_builder_sees_every_request()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        var seen = new List<string>();
        using var host = Hosts.Build(Hosts.Complete(api), http: b => b.AddHttpMessageHandler(() => new RecordingHandler(seen)));

        var client = host.Services.GetRequiredService<WorkflowsClient>();
        await client.Instances.GetAsync("approval", "order-42");
        await client.Instances.CreateAsync("approval", new InstanceCreateRequest { InstanceId = "order-43" });

        Assert.Equal(["GET", "POST"], seen);
    }

    [Fact]
    public async Task A_resilience_handler_retry_under_the_sdk_retries_is_warned_about_once()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        api.Default = FakeCloudflareApi.Error(503);
        var logs = new CapturingLoggerProvider();
        using var host = Hosts.Build(Hosts.Complete(api), logs: logs, http: b => b.AddResilienceHandler("test", pipeline =>
            pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(1), BackoffType = Polly.DelayBackoffType.Constant, UseJitter = false })));

        var client = host.Services.GetRequiredService<WorkflowsClient>();
        await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.GetAsync("approval", "order-42"));
        await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.GetAsync("approval", "order-42"));

        // 3 SDK attempts × 3 handler attempts per call: the multiplication the warning is about.
        Assert.Equal(18, api.Received.Count);
        var warning = Assert.Single(logs.Of("Cloudflare.OpenApi.Hosting"));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("NestedRetries", warning.EventId.Name);
        Assert.Contains("MaxRetries = 2", warning.Message);
    }

    [Fact]
    public async Task The_sample_setup_with_the_handler_retry_off_sends_only_the_sdk_attempts_and_warns_nothing()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        api.Default = FakeCloudflareApi.Error(503);
        var logs = new CapturingLoggerProvider();
        using var host = Hosts.Build(Hosts.Complete(api), logs: logs, http: b => b.AddStandardResilienceHandler(o => o.Retry.ShouldHandle = static _ => ValueTask.FromResult(false)));

        await Assert.ThrowsAsync<CloudflareServerException>(() => host.Services.GetRequiredService<WorkflowsClient>().Instances.GetAsync("approval", "order-42"));

        Assert.Equal(3, api.Received.Count);
        Assert.Empty(logs.Of("Cloudflare.OpenApi.Hosting"));
    }

    [Fact]
    public async Task With_sdk_retries_off_the_handler_may_retry_without_a_warning()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        api.Default = FakeCloudflareApi.Error(503);
        var logs = new CapturingLoggerProvider();
        var settings = Hosts.Complete(api);
        settings["Cloudflare:MaxRetries"] = "0";
        using var host = Hosts.Build(settings, logs: logs, http: b => b.AddResilienceHandler("test", pipeline =>
            pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromMilliseconds(1), BackoffType = Polly.DelayBackoffType.Constant, UseJitter = false })));

        await Assert.ThrowsAsync<CloudflareServerException>(() => host.Services.GetRequiredService<WorkflowsClient>().Instances.GetAsync("approval", "order-42"));

        Assert.Equal(3, api.Received.Count);
        Assert.Empty(logs.Of("Cloudflare.OpenApi.Hosting"));
    }

    [Fact]
    public async Task The_host_meter_factory_makes_the_meter()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        using var metrics = new MetricsCollector(api.Port);
        using var host = Hosts.Build(Hosts.Complete(api));

        await host.Services.GetRequiredService<WorkflowsClient>().Instances.GetAsync("approval", "order-42");

        var duration = Assert.Single(metrics.Of("http.client.request.duration"));
        Assert.Same(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), duration.MeterScope);
    }

    private sealed class RecordingHandler(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen)
            {
                seen.Add(request.Method.Method);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
