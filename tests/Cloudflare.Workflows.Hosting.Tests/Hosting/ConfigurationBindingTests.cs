using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cloudflare.Workflows.Hosting.Tests.Hosting;

/// <summary>Every option binds from its key, the code delegate wins over configuration, and the client uses the result.</summary>
public sealed class ConfigurationBindingTests
{
    [Fact]
    public async Task Every_key_of_the_section_is_bound()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Cloudflare:BaseUrl"] = api.BaseUri.ToString(),
            ["Cloudflare:ApiKey"] = Clients.Key,
            ["Cloudflare:ApiEmail"] = Clients.Email,
            ["Cloudflare:AccountId"] = Clients.AccountId,
            ["Cloudflare:Timeout"] = "00:00:07",
            ["Cloudflare:MaxRetries"] = "5",
            ["Cloudflare:RetryDelay"] = "00:00:00.250",
            ["Cloudflare:MaxRetryDelay"] = "00:00:09",
            ["Cloudflare:ApplicationId"] = "billing/2.1",
            ["Cloudflare:UseEnvironmentCredentials"] = "false",
        };
        using var host = Hosts.Build(settings);

        var options = host.Services.GetRequiredService<IOptions<WorkflowsClientOptions>>().Value;

        Assert.Equal(api.BaseUri, options.BaseUri);
        Assert.Equal(Clients.Key, options.ApiKey);
        Assert.Equal(Clients.Email, options.ApiEmail);
        Assert.Null(options.ApiToken);
        Assert.Equal(Clients.AccountId, options.AccountId);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(5, options.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.RetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(9), options.MaxRetryDelay);
        Assert.Equal("billing/2.1", options.ApplicationId);
        Assert.False(options.UseEnvironmentCredentials);
        Assert.NotNull(options.LoggerFactory); // the host's
        Assert.NotNull(options.MeterFactory);
    }

    [Fact]
    public async Task The_injected_client_sends_with_the_bound_options()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        var settings = Hosts.Complete(api);
        settings["Cloudflare:ApplicationId"] = "billing/2.1";
        using var host = Hosts.Build(settings);

        await host.Services.GetRequiredService<WorkflowsClient>().Instances.GetAsync("approval", "order-42");

        var request = Assert.Single(api.Received);
        Assert.Equal($"/client/v4/accounts/{Clients.AccountId}/workflows/approval/instances/order-42", request.Path);
        Assert.Equal("Bearer " + Clients.Token, request.Headers["Authorization"]);
        Assert.StartsWith("billing/2.1 Cloudflare.Workflows/", request.Headers["User-Agent"]);
    }

    [Fact]
    public async Task The_code_delegate_runs_after_the_configuration()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        var settings = Hosts.Complete(api);
        settings["Cloudflare:MaxRetries"] = "5";
        using var host = Hosts.Build(settings, o => o.MaxRetries = 1);

        Assert.Equal(1, host.Services.GetRequiredService<IOptions<WorkflowsClientOptions>>().Value.MaxRetries);
    }

    [Fact]
    public async Task Policies_from_code_reach_the_client()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        var policy = new CountingPolicy();
        using var host = Hosts.Build(Hosts.Complete(api), o => o.Policies.Add(policy));

        await host.Services.GetRequiredService<WorkflowsClient>().Instances.GetAsync("approval", "order-42");

        Assert.Equal(1, policy.Count);
    }

    [Fact]
    public async Task LocalDevelopment_true_talks_to_the_local_engine_without_credentials()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        api.Default = FakeCloudflareApi.Envelope(200, """{"status":"running","steps":[]}""");
        using var host = Hosts.Build(new() { ["Cloudflare:LocalDevelopment"] = "true", ["Cloudflare:BaseUri"] = api.BaseUri.ToString() });

        await host.StartAsync(); // no token, no account id: the local engine needs neither
        var details = await host.Services.GetRequiredService<WorkflowsClient>().Instances.GetAsync("approval", "order-42");
        await host.StopAsync();

        Assert.Equal(InstanceStatus.Running, details.Status);
        var request = Assert.Single(api.Received);
        Assert.Equal("/client/v4/workflows/approval/instances/order-42", request.Path); // the explorer API's shape
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public void LocalDevelopment_that_is_not_a_boolean_names_its_key()
    {
        using var host = Hosts.Build(new() { ["Cloudflare:LocalDevelopment"] = "yes", ["Cloudflare:ApiToken"] = Clients.Token, ["Cloudflare:AccountId"] = "acc" });

        var failure = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IOptions<WorkflowsClientOptions>>().Value);
        Assert.Equal("Cloudflare:LocalDevelopment must be true or false.", failure.Message);
    }

    private sealed class CountingPolicy : CloudflarePipelinePolicy
    {
        public int Count;

        public override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CloudflarePipelineNext next, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            return next(request, cancellationToken);
        }
    }
}
