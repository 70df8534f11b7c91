using System.Net.Http.Headers;

namespace Cloudflare.Workflows.Tests.Pipeline;

public sealed class PipelineExtensionTests
{
    [Fact]
    public async Task A_replaced_retry_policy_decides_what_is_retried_and_how_long_to_wait()
    {
        var policy = new RetryOn404Policy();
        var (client, handler) = TestClient.Create(o =>
        {
            o.MaxRetries = 2;
            o.RetryPolicy = policy;
        });
        handler.Respond(HttpStatusCode.NotFound, Envelopes.Failure((10007, "not yet")));
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(new[] { 1 }, policy.DelaysAsked);
    }

    [Fact]
    public async Task A_per_call_policy_runs_once_per_call_around_all_attempts()
    {
        var counter = new CountingCallPolicy();
        var (client, handler) = TestClient.Create(o =>
        {
            o.MaxRetries = 2;
            o.CallPolicies.Add(counter);
        });
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(1, counter.Calls);
        Assert.Equal("Instances_Get", counter.LastOperation);
        Assert.Equal(HttpStatusCode.OK, counter.LastStatus);
        Assert.Equal(2, counter.LastAttempts);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task A_per_try_policy_sees_every_attempt_with_the_sdk_headers_already_set()
    {
        var seen = new List<string?>();
        var (client, handler) = TestClient.Create(o =>
        {
            o.MaxRetries = 1;
            o.Policies.Add(new PeekPolicy(r => seen.Add(r.Headers.Authorization?.Scheme + " " + r.Headers.UserAgent.ToString().Split(' ')[0])));
        });
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.StartsWith("Bearer Cloudflare.Workflows/", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_authentication_policy_replaces_the_credential_headers()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.ApiToken = null;
            o.AuthenticationPolicy = new RotatingTokenPolicy();
        });
        handler.RespondOk(Envelopes.Details());
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");
        await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal("Bearer rotated-1", handler.Requests[0].Header("Authorization"));
        Assert.Equal("Bearer rotated-2", handler.Requests[1].Header("Authorization"));
    }

    private sealed class RetryOn404Policy() : CloudflareRetryPolicy(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5))
    {
        public List<int> DelaysAsked { get; } = new();

        public override bool ShouldRetry(in CloudflareRetryContext context) => context.StatusCode == HttpStatusCode.NotFound || base.ShouldRetry(context);

        public override TimeSpan GetNextDelay(in CloudflareRetryContext context)
        {
            DelaysAsked.Add(context.Attempt);
            return TimeSpan.Zero;
        }
    }

    private sealed class CountingCallPolicy : CloudflareCallPolicy
    {
        public int Calls { get; private set; }

        public string? LastOperation { get; private set; }

        public HttpStatusCode? LastStatus { get; private set; }

        public int LastAttempts { get; private set; }

        public override async ValueTask<CloudflarePipelineResponse> ProcessAsync(CloudflarePipelineCall call, CloudflareCallNext next)
        {
            Calls++;
            LastOperation = call.OperationName;
            var response = await next(call);
            LastStatus = response.StatusCode;
            LastAttempts = call.Attempts;
            return response;
        }
    }

    private sealed class PeekPolicy(Action<HttpRequestMessage> peek) : CloudflarePipelinePolicy
    {
        public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CloudflarePipelineNext next, CancellationToken cancellationToken)
        {
            peek(request);
            return next(request, cancellationToken);
        }
    }

    private sealed class RotatingTokenPolicy : CloudflareSynchronousPolicy
    {
        private int _n;

        public override void OnSendingRequest(HttpRequestMessage request) =>
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "rotated-" + Interlocked.Increment(ref _n));
    }
}
