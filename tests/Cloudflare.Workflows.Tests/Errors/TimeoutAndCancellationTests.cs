namespace Cloudflare.Workflows.Tests.Errors;

public sealed class TimeoutAndCancellationTests
{
    [Fact]
    public async Task An_attempt_that_exceeds_the_timeout_throws_a_timeout_exception_naming_the_per_attempt_limit()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.MaxRetries = 0;
        });
        handler.Hang();

        var ex = await Assert.ThrowsAsync<CloudflareTimeoutException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Single(handler.Requests);
        Assert.Equal(CloudflareTimeoutLimit.PerAttempt, ex.Limit);
        Assert.Equal(TimeSpan.FromMilliseconds(100), ex.Timeout);
        Assert.Equal(
            $"GET {TestClient.AccountBase}/workflows/orders/instances/order-1 timed out: attempt 1 did not complete within the per-attempt timeout of 0.1 s (Timeout).",
            ex.Message);
        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.IsAssignableFrom<CloudflareConnectionException>(ex);
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
    public async Task A_get_that_times_out_on_every_attempt_throws_a_timeout_exception_after_MaxRetries()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 2;
        });
        handler.HangAlways();

        var ex = await Assert.ThrowsAsync<CloudflareTimeoutException>(() => client.Instances.ListAsync("orders"));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, ex.Attempts);
        Assert.Contains("attempt 3 did not complete", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timed_out_event_is_not_retried_because_it_may_have_been_delivered()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(100);
            o.MaxRetries = 3;
        });
        handler.HangAlways();

        await Assert.ThrowsAsync<CloudflareTimeoutException>(() => client.Instances.SendEventAsync("orders", "order-1", "approve"));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_timed_out_create_with_an_id_is_retried_with_the_same_id()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetries = 3;
        });
        handler.Hang();
        handler.RespondOk(Envelopes.Created("order-1"));

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-1" });

        Assert.Equal("order-1", created.Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].BodyText, handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task The_total_timeout_bounds_all_attempts_and_waits_and_names_its_limit()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromMilliseconds(200);
            o.TotalTimeout = TimeSpan.FromMilliseconds(450);
            o.MaxRetries = 10;
            o.RetryDelay = TimeSpan.FromMilliseconds(50);
        });
        handler.HangAlways();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<CloudflareTimeoutException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Equal(CloudflareTimeoutLimit.Total, ex.Limit);
        Assert.Contains("total timeout of 0.45 s (TotalTimeout)", ex.Message, StringComparison.Ordinal);
        Assert.InRange(handler.Requests.Count, 1, 3);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_per_call_total_timeout_overrides_the_clients()
    {
        var (client, handler) = TestClient.Create(o => o.Timeout = TimeSpan.FromSeconds(30));
        handler.HangAlways();

        var ex = await Assert.ThrowsAsync<CloudflareTimeoutException>(
            () => client.Instances.GetAsync("orders", "order-1", requestOptions: new CloudflareRequestOptions { TotalTimeout = TimeSpan.FromMilliseconds(150) }));

        Assert.Equal(CloudflareTimeoutLimit.Total, ex.Limit);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_retry_wait_that_would_pass_the_total_timeout_fails_at_once_with_the_total_limit()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.TotalTimeout = TimeSpan.FromSeconds(2);
            o.MaxRetryDelay = TimeSpan.FromSeconds(60);
        });
        handler.RespondAlways(HttpStatusCode.TooManyRequests, Envelopes.Failure((10000, "slow down")), configure: r => r.Headers.TryAddWithoutValidation("Retry-After", "30"));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<CloudflareTimeoutException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Equal(CloudflareTimeoutLimit.Total, ex.Limit);
        Assert.Single(handler.Requests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1.5), $"took {watch.Elapsed}");
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

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        var (client, handler) = TestClient.Create();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Instances.SendEventAsync("orders", "order-1", "approve", cancellationToken: cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
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

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Instances.GetAsync("orders", "order-1", cancellationToken: cts.Token));

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Single(handler.Requests);
    }
}
