using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cloudflare.Workflows.Hosting.Tests.Hosting;

/// <summary>CLOUDFLARE_* fill in what configuration and code leave unset, and nothing else.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentFallbackTests
{
    [Fact]
    public async Task Token_account_and_base_url_come_from_the_environment()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        using var environment = new EnvironmentScope(
            ("CLOUDFLARE_API_TOKEN", Clients.Token), ("CLOUDFLARE_ACCOUNT_ID", "env-account"), ("CLOUDFLARE_BASE_URL", api.BaseUri.ToString()));
        using var host = Hosts.Build(new());

        await host.StartAsync(); // validation passes on the environment alone
        await host.Services.GetRequiredService<WorkflowsClient>().Instances.GetAsync("approval", "order-42");
        await host.StopAsync();

        var request = Assert.Single(api.Received);
        Assert.Equal("/client/v4/accounts/env-account/workflows/approval/instances/order-42", request.Path);
        Assert.Equal("Bearer " + Clients.Token, request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Key_and_email_come_from_the_environment_when_there_is_no_token()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        using var environment = new EnvironmentScope(("CLOUDFLARE_API_KEY", Clients.Key), ("CLOUDFLARE_EMAIL", Clients.Email));
        using var host = Hosts.Build(new() { ["Cloudflare:BaseUri"] = api.BaseUri.ToString(), ["Cloudflare:AccountId"] = Clients.AccountId });

        await host.Services.GetRequiredService<WorkflowsClient>().Instances.GetAsync("approval", "order-42");

        var request = Assert.Single(api.Received);
        Assert.Equal(Clients.Key, request.Headers["X-Auth-Key"]);
        Assert.Equal(Clients.Email, request.Headers["X-Auth-Email"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public void Configuration_wins_over_the_environment_and_credentials_are_never_mixed()
    {
        using var environment = new EnvironmentScope(
            ("CLOUDFLARE_API_TOKEN", "env-token"), ("CLOUDFLARE_EMAIL", "env@example.com"), ("CLOUDFLARE_ACCOUNT_ID", "env-account"), ("CLOUDFLARE_BASE_URL", "http://env.example/"));
        using var host = Hosts.Build(new()
        {
            ["Cloudflare:ApiKey"] = Clients.Key,
            ["Cloudflare:AccountId"] = "config-account",
            ["Cloudflare:BaseUri"] = "http://config.example/",
        });

        var options = host.Services.GetRequiredService<IOptions<WorkflowsClientOptions>>();
        var failure = Assert.Throws<OptionsValidationException>(() => options.Value);

        // A key from configuration is not completed by an e-mail (or replaced by a token) from the environment.
        Assert.Contains("Cloudflare:ApiKey is set but Cloudflare:ApiEmail", failure.Message);
    }

    [Fact]
    public void Configured_values_are_kept_when_the_environment_has_others()
    {
        using var environment = new EnvironmentScope(("CLOUDFLARE_API_TOKEN", "env-token"), ("CLOUDFLARE_ACCOUNT_ID", "env-account"), ("CLOUDFLARE_BASE_URL", "http://env.example/"));
        using var host = Hosts.Build(new()
        {
            ["Cloudflare:ApiToken"] = Clients.Token,
            ["Cloudflare:AccountId"] = "config-account",
            ["Cloudflare:BaseUri"] = "http://config.example/",
        });

        var options = host.Services.GetRequiredService<IOptions<WorkflowsClientOptions>>().Value;

        Assert.Equal(Clients.Token, options.ApiToken);
        Assert.Equal("config-account", options.AccountId);
        Assert.Equal(new Uri("http://config.example/"), options.BaseUri);
    }

    [Fact]
    public void UseEnvironmentCredentials_false_ignores_the_credential_variables()
    {
        using var environment = new EnvironmentScope(("CLOUDFLARE_API_TOKEN", "env-token"));
        using var host = Hosts.Build(new() { ["Cloudflare:AccountId"] = "acc", ["Cloudflare:UseEnvironmentCredentials"] = "false" });

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<WorkflowsClientOptions>>().Value);
        Assert.Contains("No Cloudflare credentials", failure.Message);
    }

    [Fact]
    public void A_base_url_variable_that_is_not_a_uri_names_the_variable()
    {
        using var environment = new EnvironmentScope(("CLOUDFLARE_BASE_URL", "not a url"));
        using var host = Hosts.Build(new() { ["Cloudflare:AccountId"] = "acc", ["Cloudflare:ApiToken"] = Clients.Token });

        var failure = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IOptions<WorkflowsClientOptions>>().Value);
        Assert.Equal("CLOUDFLARE_BASE_URL is not an absolute http(s) URI.", failure.Message);
    }
}
