using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cloudflare.Workflows.Hosting.Tests.Telemetry;

/// <summary>The call's span carries the same attributes as the metrics.</summary>
public sealed class TracingTests
{
    [Fact]
    public async Task The_span_has_the_http_client_attributes_of_its_last_attempt()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        api.Then(FakeCloudflareApi.Error(503)).Then(FakeCloudflareApi.Envelope(200, """{"status":"running"}"""));
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CloudflareClientTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await Clients.For(api).Instances.GetAsync("approval", "order-42");

        var span = Assert.Single(spans, s => Equals(s.GetTagItem("server.port"), api.Port));
        Assert.Equal("Instances_Get", span.OperationName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(Clients.InstanceTemplate, span.GetTagItem("url.template"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(1, span.GetTagItem("http.request.resend_count"));
        Assert.Null(span.GetTagItem("error.type")); // the 503 of the first attempt does not stick to a call that succeeded
    }

    [Fact]
    public async Task A_failed_call_has_error_type_on_its_span()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        api.Default = FakeCloudflareApi.Error(404);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CloudflareClientTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await Assert.ThrowsAsync<CloudflareNotFoundException>(() => Clients.For(api).Instances.GetAsync("approval", "order-42"));

        var span = Assert.Single(spans, s => Equals(s.GetTagItem("server.port"), api.Port));
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
    }
}
