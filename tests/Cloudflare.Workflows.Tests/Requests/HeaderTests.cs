using System.CodeDom.Compiler;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Cloudflare.Workflows.Tests.Requests;

public sealed class HeaderTests
{
    [Fact]
    public async Task Every_request_sends_the_api_token_as_a_bearer_token_and_no_api_key_headers()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        var request = handler.Single;
        Assert.Equal("Bearer " + TestClient.ApiToken, request.Header("Authorization"));
        Assert.Null(request.Header("X-Auth-Email"));
        Assert.Null(request.Header("X-Auth-Key"));
    }

    [Fact]
    public async Task Api_email_and_key_are_sent_as_X_Auth_headers_without_authorization()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.ApiToken = null;
            o.ApiEmail = "user@example.com";
            o.ApiKey = "144c9defac04969c7bfad8efaa8ea194";
        });
        handler.RespondOk(Envelopes.Created("x"));

        await client.Instances.CreateAsync("orders", new InstanceCreateRequest());

        var request = handler.Single;
        Assert.Equal("user@example.com", request.Header("X-Auth-Email"));
        Assert.Equal("144c9defac04969c7bfad8efaa8ea194", request.Header("X-Auth-Key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task Every_request_accepts_json()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[]"));
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.ListAsync("orders");
        await client.Instances.SendEventAsync("orders", "order-1", "approve");

        Assert.All(handler.Requests, r => Assert.Equal("application/json", r.Header("Accept")));
    }

    [Fact]
    public async Task User_agent_names_the_sdk_with_its_version_and_the_generator_with_its_version()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        var generatorVersion = typeof(WorkflowsClient).GetCustomAttribute<GeneratedCodeAttribute>()!.Version!;
        Assert.Matches(@"^\d+\.\d+\.\d+", generatorVersion);
        var sdkVersion = typeof(WorkflowsClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var userAgent = handler.Single.Header("User-Agent");
        Assert.NotNull(userAgent);
        Assert.StartsWith($"Cloudflare.Workflows/{sdkVersion} Cloudflare.OpenApi.Generator/{generatorVersion} (.NET {Environment.Version.ToString(3)}; ", userAgent);
        Assert.EndsWith(")", userAgent);
    }

    [Fact]
    public async Task User_agent_starts_with_the_application_id_when_one_is_set()
    {
        var (client, handler) = TestClient.Create(o => o.ApplicationId = "billing-service/2.3");
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Matches(new Regex(@"^billing-service/2\.3 Cloudflare\.Workflows/\S+ Cloudflare\.OpenApi\.Generator/"), handler.Single.Header("User-Agent"));
    }

    [Fact]
    public async Task Policies_see_every_attempt_and_can_add_headers()
    {
        var policy = new CountingPolicy();
        var (client, handler) = TestClient.Create(o =>
        {
            o.Policies.Add(policy);
            o.MaxRetries = 1;
        });
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "busy")));
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(2, policy.Calls);
        Assert.Equal(new[] { "1", "2" }, handler.Requests.Select(r => r.Header("X-Attempt")));
        Assert.All(handler.Requests, r => Assert.Equal("Bearer " + TestClient.ApiToken, r.Header("Authorization")));
    }

    [Fact]
    public async Task Options_changed_after_construction_have_no_effect()
    {
        var options = TestClient.Options();
        var handler = new RecordingHandler();
        var client = new WorkflowsClient(options, new HttpClient(handler));
        options.ApiToken = "changed";
        options.AccountId = "changed";
        options.BaseUri = new Uri("https://example.invalid/");
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/order-1", handler.Single.AbsoluteUri);
        Assert.Equal("Bearer " + TestClient.ApiToken, handler.Single.Header("Authorization"));
    }

    private sealed class CountingPolicy : CloudflarePipelinePolicy
    {
        private int _calls;

        public int Calls => _calls;

        public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CloudflarePipelineNext next, CancellationToken cancellationToken)
        {
            var attempt = Interlocked.Increment(ref _calls);
            request.Headers.Add("X-Attempt", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return next(request, cancellationToken);
        }
    }
}
