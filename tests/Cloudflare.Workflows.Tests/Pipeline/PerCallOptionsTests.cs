namespace Cloudflare.Workflows.Tests.Pipeline;

public sealed class PerCallOptionsTests
{
    [Fact]
    public async Task The_raw_response_gives_status_headers_ray_id_and_body_beside_the_typed_result()
    {
        var (client, handler) = TestClient.Create();
        var json = Envelopes.Details("paused");
        handler.RespondOk(json, r => r.Headers.TryAddWithoutValidation("cf-ray", "8f1e2d3c4b5a6978-AMS"));
        var requestOptions = new CloudflareRequestOptions();

        var details = await client.Instances.GetAsync("orders", "order-1", requestOptions: requestOptions);

        Assert.Equal(InstanceStatus.Paused, details.Status);
        var raw = Assert.IsType<CloudflareRawResponse>(requestOptions.Response);
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("8f1e2d3c4b5a6978-AMS", raw.RayId);
        Assert.StartsWith("application/json", raw.GetHeader("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(json, raw.ToString());
        Assert.Equal(1, raw.Attempts);
    }

    [Fact]
    public async Task The_raw_response_of_a_failed_call_is_the_last_attempts()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 1);
        handler.RespondAlways(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        var requestOptions = new CloudflareRequestOptions();

        await Assert.ThrowsAsync<CloudflareServerException>(() => client.Instances.GetAsync("orders", "order-1", requestOptions: requestOptions));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, requestOptions.Response!.StatusCode);
        Assert.Equal(2, requestOptions.Response.Attempts);
    }

    [Fact]
    public async Task Per_call_headers_are_sent_on_every_attempt()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 1);
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        handler.RespondOk(Envelopes.Details());
        var requestOptions = new CloudflareRequestOptions();
        requestOptions.Headers["X-Trace"] = "abc";

        await client.Instances.GetAsync("orders", "order-1", requestOptions: requestOptions);

        Assert.All(handler.Requests, r => Assert.Equal("abc", r.Header("X-Trace")));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Per_call_max_retries_overrides_the_clients()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 5);
        handler.RespondAlways(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));

        await Assert.ThrowsAsync<CloudflareServerException>(
            () => client.Instances.GetAsync("orders", "order-1", requestOptions: new CloudflareRequestOptions { MaxRetries = 0 }));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Per_call_timeout_overrides_the_clients()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(30);
            o.MaxRetries = 0;
        });
        handler.HangAlways();

        var ex = await Assert.ThrowsAsync<CloudflareTimeoutException>(
            () => client.Instances.GetAsync("orders", "order-1", requestOptions: new CloudflareRequestOptions { Timeout = TimeSpan.FromMilliseconds(100) }));

        Assert.Equal(CloudflareTimeoutLimit.PerAttempt, ex.Limit);
        Assert.Equal(TimeSpan.FromMilliseconds(100), ex.Timeout);
    }
}
