using System.Diagnostics;
using System.Text.Json.Serialization;
using Cloudflare.OpenApi.Infrastructure;

namespace Cloudflare.Workflows.Tests.Conveniences;

/// <summary>The hand-written helpers over the generated operations, and request tracing.</summary>
public sealed class ConvenienceTests
{
    [Fact]
    public async Task SendEvent_with_a_source_generated_type_info_sends_the_serialized_payload()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.SendEventAsync("orders", "order-1", "approve", new Approval("alice", 3), TestJsonContext.Default.Approval);

        var request = handler.Single;
        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/order-1/events/approve", request.AbsoluteUri);
        JsonAssert.Equal("""{"approvedBy":"alice","n":3}""", request.BodyText);
    }

    [Fact]
    public async Task SendEvent_with_a_null_type_info_throws_before_sending()
    {
        var (client, handler) = TestClient.Create();

        var ex = await Assert.ThrowsAsync<ArgumentNullException>(
            () => client.Instances.SendEventAsync("orders", "order-1", "approve", new Approval("alice", 3), null!));

        Assert.Equal("typeInfo", ex.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task WaitFor_polls_until_the_instance_reaches_a_terminal_status()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details("queued"));
        handler.RespondOk(Envelopes.Details("running"));
        handler.RespondOk(Envelopes.Details("paused"));
        handler.RespondOk(Envelopes.Details("errored"));

        var details = await client.Instances.WaitForAsync("orders", "order-1", pollInterval: TimeSpan.FromMilliseconds(1));

        Assert.Equal(InstanceStatus.Errored, details.Status);
        Assert.Equal(4, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/order-1", r.AbsoluteUri));
    }

    [Fact]
    public async Task WaitFor_stops_as_soon_as_a_custom_condition_holds()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"status":"running","step_count":1}"""));
        handler.RespondOk(Envelopes.Success("""{"status":"running","step_count":2}"""));

        var details = await client.Instances.WaitForAsync("orders", "order-1", d => d.StepCount >= 2, TimeSpan.FromMilliseconds(1));

        Assert.Equal(2, details.StepCount);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task WaitFor_rejects_a_non_positive_poll_interval()
    {
        var (client, handler) = TestClient.Create();

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Instances.WaitForAsync("orders", "order-1", pollInterval: TimeSpan.Zero));

        Assert.Equal("pollInterval", ex.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task WaitFor_ends_with_OperationCanceledException_when_the_token_fires()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details("running"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.Instances.WaitForAsync("orders", "order-1", pollInterval: TimeSpan.FromMinutes(5), cancellationToken: cts.Token));

        Assert.Single(handler.Requests);
    }

    [Theory]
    [InlineData("complete", true)]
    [InlineData("errored", true)]
    [InlineData("terminated", true)]
    [InlineData("running", false)]
    [InlineData("paused", false)]
    [InlineData("queued", false)]
    [InlineData("waiting", false)]
    [InlineData("waitingForPause", false)]
    [InlineData("hibernating", false)]
    public void IsTerminal_is_true_only_for_complete_errored_and_terminated(string status, bool terminal)
    {
        Assert.Equal(terminal, new InstanceStatus(status).IsTerminal);
    }

    [Fact]
    public async Task Each_call_is_traced_with_the_operation_name_method_url_status_and_ray_id()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CloudflarePipeline.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details(), r => r.Headers.Add("cf-ray", "ray-traced-1"));

        await client.Instances.GetAsync("traced-workflow", "order-1", order: SortDirection.Desc);

        Activity activity;
        lock (activities)
        {
            activity = Assert.Single(activities, a => (a.GetTagItem("url.full") as string)?.Contains("traced-workflow", StringComparison.Ordinal) == true);
        }

        Assert.Equal("Instances_Get", activity.OperationName);
        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        Assert.Equal(TestClient.AccountBase + "/workflows/traced-workflow/instances/order-1", activity.GetTagItem("url.full"));
        Assert.Equal(200, activity.GetTagItem("http.response.status_code"));
        Assert.Equal("ray-traced-1", activity.GetTagItem("cloudflare.ray_id"));
    }
}

public sealed record Approval([property: JsonPropertyName("approvedBy")] string ApprovedBy, [property: JsonPropertyName("n")] int N);

[JsonSerializable(typeof(Approval))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
