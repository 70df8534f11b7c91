using Hosting.Plain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Cloudflare.Workflows.Hosting.Tests.Hosting;

/// <summary>
/// AddOpenApiClient with a client of a plain API (Specs/credentials.yaml, Conventions="plain"): its options bind from
/// configuration, its own credentials are sent, and Cloudflare's variables are not its business.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class PlainClientTests
{
    [Fact]
    public async Task A_plain_API_client_binds_configuration_and_sends_its_own_credentials_not_Cloudflare_ones()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        api.Default = FakeCloudflareApi.Envelope(200, """["a"]""");
        using var environment = new EnvironmentScope(("CLOUDFLARE_API_TOKEN", Clients.Token), ("CLOUDFLARE_BASE_URL", "http://127.0.0.1:9/"));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Plain:BaseUri"] = api.BaseUri.ToString(), ["Plain:MaxRetries"] = "0" });
        builder.Services.AddOpenApiClient<PlainClient, PlainClientOptions>((o, http) => new PlainClient(o, http), builder.Configuration.GetSection("Plain"), o => o.Key = "k-1");
        using var host = builder.Build();

        await host.StartAsync(); // no Cloudflare credential is required of it
        var orders = await host.Services.GetRequiredService<PlainClient>().Orders.ListAsync("open");
        await host.StopAsync();

        // The body is read as the spec declares it: the envelope's fields, not its unwrapped result.
        Assert.True(orders.Success);
        Assert.Equal(new[] { "a" }, orders.Result);
        var request = Assert.Single(api.Received);
        Assert.Equal(api.BaseUri.AbsolutePath.TrimEnd('/') + "/orders?status=open", request.Path); // the configured base URI, not CLOUDFLARE_BASE_URL
        Assert.Equal("k-1", request.Headers["X-Api-Key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"));
        Assert.Equal(0, host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlainClientOptions>>().Value.MaxRetries);
    }
}
