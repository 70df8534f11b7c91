namespace Cloudflare.Workflows.Tests.Errors;

public sealed class TimeoutAndCancellationTests
{
    [Fact]
    public async Task An_attempt_that_exceeds_the_timeout_throws_TimeoutException()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.MaxRetries = 0;
        });
        handler.Hang();

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Single(handler.Requests);
        Assert.Equal($"GET {TestClient.AccountBase}/workflows/orders/instances/order-1 did not complete within 0.1 s (attempt 1).", ex.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
    }

    [Fact]
    public async Task A_timed_out_get_is_retried_and_can_succeed()
    {
        // Long enough that the immediate second answer never times out on a loaded machine.
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(500);
            o.MaxRetries = 1;
        });
        handler.Hang();
        handler.RespondOk(Envelopes.Details("paused"));

        var details = await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(InstanceStatus.Paused, details.Status);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_get_that_times_out_on_every_attempt_throws_TimeoutException_after_MaxRetries()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 2;
        });
        handler.HangAlways();

        var ex = await Assert.ThrowsAsync<TimeoutException>(() => client.Instances.ListAsync("orders"));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Contains("(attempt 3)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timed_out_create_is_not_retried()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.MaxRetries = 3;
        });
        handler.HangAlways();

        await Assert.ThrowsAsync<TimeoutException>(() => client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-1" }));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws_OperationCanceledException_not_TimeoutException()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(30);
            o.MaxRetries = 3;
        });
        handler.HangAlways();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Instances.GetAsync("orders", "order-1", cancellationToken: cts.Token));

        Assert.IsNotType<TimeoutException>(ex);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var (client, handler) = TestClient.Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Instances.SendEventAsync("orders", "order-1", "approve", cancellationToken: cts.Token));

        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Cancellation_during_the_retry_delay_stops_retrying()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.MaxRetries = 5;
            o.RetryDelay = TimeSpan.FromSeconds(30);
            o.MaxRetryDelay = TimeSpan.FromSeconds(30);
        });
        handler.RespondAlways(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Instances.GetAsync("orders", "order-1", cancellationToken: cts.Token));

        Assert.Single(handler.Requests);
    }
}
