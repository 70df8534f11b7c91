using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cloudflare.Workflows.Hosting.Tests.Hosting;

/// <summary>Incomplete options stop the host at start-up (ValidateOnStart), with a message that names the key.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class OptionsValidationTests
{
    private static async Task<string> StartFailureAsync(Dictionary<string, string?> settings)
    {
        using var environment = new EnvironmentScope(); // no CLOUDFLARE_* variable may fill the gap
        using var host = Hosts.Build(settings);
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        return failure.Message;
    }

    [Fact]
    public async Task No_credentials_fail_the_start_naming_the_token_key_and_variables()
    {
        var message = await StartFailureAsync(new() { ["Cloudflare:AccountId"] = "acc" });

        Assert.Contains("Cloudflare:ApiToken", message);
        Assert.Contains("CLOUDFLARE_API_TOKEN", message);
        Assert.Contains("Cloudflare:ApiKey and Cloudflare:ApiEmail", message);
    }

    [Fact]
    public async Task The_failure_is_an_OptionsValidationException_at_start_not_at_first_use()
    {
        using var environment = new EnvironmentScope();
        using var host = Hosts.Build(new() { ["Cloudflare:AccountId"] = "acc" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(typeof(WorkflowsClientOptions), failure.OptionsType);
    }

    [Fact]
    public async Task A_missing_account_id_fails_the_start()
    {
        var message = await StartFailureAsync(new() { ["Cloudflare:ApiToken"] = Clients.Token });

        Assert.Contains("Cloudflare:AccountId", message);
        Assert.Contains("CLOUDFLARE_ACCOUNT_ID", message);
    }

    [Fact]
    public async Task An_api_key_without_its_email_fails_the_start()
    {
        var message = await StartFailureAsync(new() { ["Cloudflare:AccountId"] = "acc", ["Cloudflare:ApiKey"] = Clients.Key });

        Assert.Contains("Cloudflare:ApiKey is set but Cloudflare:ApiEmail", message);
        Assert.DoesNotContain(Clients.Key, message);
    }

    [Fact]
    public async Task A_token_with_a_trailing_newline_fails_the_start_without_quoting_it()
    {
        var message = await StartFailureAsync(new() { ["Cloudflare:AccountId"] = "acc", ["Cloudflare:ApiToken"] = Clients.Token + "\n" });

        Assert.Contains("Cloudflare:ApiToken contains a line break", message);
        Assert.DoesNotContain(Clients.Token, message);
    }

    [Fact]
    public async Task Several_problems_are_reported_together()
    {
        var message = await StartFailureAsync(new() { ["Cloudflare:MaxRetries"] = "-1", ["Cloudflare:Timeout"] = "-00:00:01" });

        Assert.Contains("Cloudflare:ApiToken", message);
        Assert.Contains("Cloudflare:AccountId", message);
        Assert.Contains("Cloudflare:MaxRetries must not be negative", message);
        Assert.Contains("Cloudflare:Timeout must be positive", message);
    }

    [Fact]
    public async Task A_value_that_is_not_a_time_span_names_its_key()
    {
        var message = await StartFailureAsync(new() { ["Cloudflare:AccountId"] = "acc", ["Cloudflare:ApiToken"] = Clients.Token, ["Cloudflare:Timeout"] = "soon" });

        Assert.Contains("Cloudflare:Timeout must be a time span", message);
    }

    [Fact]
    public async Task A_base_url_that_is_not_http_fails_the_start()
    {
        var message = await StartFailureAsync(new() { ["Cloudflare:AccountId"] = "acc", ["Cloudflare:ApiToken"] = Clients.Token, ["Cloudflare:BaseUri"] = "ftp://example.com/" });

        Assert.Contains("Cloudflare:BaseUri is not an absolute http(s) URI", message);
    }

    [Fact]
    public async Task Without_a_configuration_section_the_messages_name_the_options_property()
    {
        using var environment = new EnvironmentScope();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddCloudflareWorkflows(o => o.AccountId = "acc");
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("WorkflowsClientOptions.ApiToken", failure.Message);
    }

    [Fact]
    public async Task Complete_options_start()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        using var environment = new EnvironmentScope();
        using var host = Hosts.Build(Hosts.Complete(api));

        await host.StartAsync();
        await host.StopAsync();
    }
}
