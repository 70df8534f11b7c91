using System.Net.Http.Headers;

namespace Cloudflare.Workflows.Tests.Errors;

/// <summary>Which failures are retried, how often, and that a create is never sent twice unless the server refused it.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task Rate_limited_request_with_Retry_After_0_succeeds_after_one_retry()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 2);
        handler.Respond(
            HttpStatusCode.TooManyRequests,
            Envelopes.Failure((971, "Please wait")),
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero));
        handler.RespondOk(Envelopes.Details("complete"));

        var details = await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(InstanceStatus.Complete, details.Status);
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/order-1", r.AbsoluteUri));
    }

    [Fact]
    public async Task Create_with_an_id_is_retried_on_500_like_an_idempotent_call()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 3);
        handler.RespondAlways(HttpStatusCode.InternalServerError, Envelopes.Failure((10000, "Internal error")));

        var ex = await Assert.ThrowsAsync<CloudflareServerException>(
            () => client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-1" }));

        Assert.Equal(4, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Contains("\"instance_id\":\"order-1\"", r.BodyText, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
    }

    [Fact]
    public async Task A_caller_can_mark_a_create_not_idempotent_for_one_call()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 3);
        handler.RespondAlways(HttpStatusCode.InternalServerError, Envelopes.Failure((10000, "Internal error")));

        await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.CreateAsync(
            "orders", new InstanceCreateRequest { InstanceId = "order-1" }, new CloudflareRequestOptions { Idempotency = CloudflareIdempotency.NotIdempotent }));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendEvent_is_not_retried_on_503_because_the_event_may_have_been_delivered()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 3);
        handler.RespondAlways(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));

        await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.SendEventAsync("orders", "order-1", "approve"));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task SendEvent_is_retried_on_429_because_the_server_did_not_act()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 3);
        handler.Respond(HttpStatusCode.TooManyRequests, Envelopes.Failure((10000, "slow down")));
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.SendEventAsync("orders", "order-1", "approve");

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task SendEvent_marked_idempotent_by_the_caller_is_retried_on_503()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 3);
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.SendEventAsync("orders", "order-1", "approve", requestOptions: new CloudflareRequestOptions { Idempotency = CloudflareIdempotency.Idempotent });

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Restart_is_not_retried_on_503_but_pause_is()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 1);
        handler.RespondAlways(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));

        await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.ChangeStatusAsync("orders", "order-1", InstanceAction.Restart));
        Assert.Single(handler.Requests);

        await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.ChangeStatusAsync("orders", "order-1", InstanceAction.Pause));
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Create_retries_on_503_and_sends_the_same_instance_id()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 2);
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        handler.RespondOk(Envelopes.Created("order-1"));

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-1", Params = JsonAssert.Parse("""{"a":1}""") });

        Assert.Equal("order-1", created.Id);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].Body, handler.Requests[1].Body);
        JsonAssert.Equal("""{"instance_id":"order-1","params":{"a":1}}""", handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task Event_and_status_change_are_retried_on_429_with_the_same_body()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 1);
        handler.Respond(HttpStatusCode.TooManyRequests, Envelopes.Failure((971, "slow down")));
        handler.RespondOk(Envelopes.Success("{}"));
        handler.Respond(HttpStatusCode.TooManyRequests, Envelopes.Failure((971, "slow down")));
        handler.RespondOk(Envelopes.Success("""{"status":"paused"}"""));

        await client.Instances.SendEventAsync("orders", "order-1", "approve", JsonAssert.Parse("""{"ok":true}"""));
        var change = await client.Instances.ChangeStatusAsync("orders", "order-1", InstanceAction.Pause);

        Assert.Equal(new[] { "POST", "POST", "PATCH", "PATCH" }, handler.Requests.Select(r => r.Method));
        Assert.All(handler.Requests.Take(2), r => JsonAssert.Equal("""{"ok":true}""", r.BodyText));
        Assert.All(handler.Requests.Skip(2), r => JsonAssert.Equal("""{"status":"pause"}""", r.BodyText));
        Assert.Equal(InstanceStatus.Paused, change.Status);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Restart_and_event_are_not_retried_on_transient_errors_other_than_429(HttpStatusCode status)
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 3);
        handler.RespondAlways(status, Envelopes.Failure((10000, "transient")));

        await Assert.ThrowsAnyAsync<CloudflareApiException>(() => client.Instances.ChangeStatusAsync("orders", "order-1", InstanceAction.Restart));
        await Assert.ThrowsAnyAsync<CloudflareApiException>(() => client.Instances.SendEventAsync("orders", "order-1", "approve"));

        Assert.Equal(new[] { "PATCH", "POST" }, handler.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Get_on_503_is_retried_up_to_MaxRetries_then_throws()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 3);
        handler.RespondAlways(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));

        var ex = await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(10000, Assert.Single(ex.ErrorCodes));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Get_is_retried_on_transient_errors_and_succeeds(HttpStatusCode status)
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 1);
        handler.Respond(status, Envelopes.Failure((10000, "transient")));
        handler.RespondOk(Envelopes.Details());

        var details = await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(InstanceStatus.Running, details.Status);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task Client_errors_are_never_retried(HttpStatusCode status)
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 3);
        handler.RespondAlways(status, Envelopes.Failure((1, "no")));

        await Assert.ThrowsAnyAsync<CloudflareApiException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task MaxRetries_0_turns_retries_off()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 0);
        handler.RespondAlways(HttpStatusCode.TooManyRequests, Envelopes.Failure((971, "slow down")), configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.Zero));

        await Assert.ThrowsAsync<CloudflareRateLimitException>(() => client.Instances.ListAsync("orders"));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Retry_After_is_capped_by_MaxRetryDelay()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.MaxRetries = 1;
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(10);
            o.Timeout = TimeSpan.FromSeconds(30);
        });
        handler.Respond(
            HttpStatusCode.TooManyRequests,
            Envelopes.Failure((971, "slow down")),
            configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1)));
        handler.RespondOk(Envelopes.Details());

        // Without the cap this would wait an hour; the token turns a hang into a clear failure.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var details = await client.Instances.GetAsync("orders", "order-1", cancellationToken: cts.Token);

        Assert.Equal(InstanceStatus.Running, details.Status);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Get_is_retried_after_a_transport_failure()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 1);
        handler.RespondWith((_, _) => throw new HttpRequestException("Connection refused"));
        handler.RespondOk(Envelopes.Details());

        var details = await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(InstanceStatus.Running, details.Status);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Create_with_an_id_is_retried_after_a_reset_with_the_same_id()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 3);
        handler.RespondWith((_, _) => throw new HttpRequestException("Connection reset"));
        handler.RespondOk(Envelopes.Created("order-1"));

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-1" });

        Assert.Equal("order-1", created.Id);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_transport_failure_surfaces_as_a_connection_exception_in_the_sdk_hierarchy()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 0);
        handler.RespondWith((_, _) => throw new HttpRequestException("Connection reset"));

        var ex = await Assert.ThrowsAsync<CloudflareConnectionException>(() => client.Instances.SendEventAsync("orders", "order-1", "approve"));

        Assert.IsAssignableFrom<CloudflareException>(ex);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Equal("POST", ex.Method);
        Assert.Equal(1, ex.Attempts);
    }
}
