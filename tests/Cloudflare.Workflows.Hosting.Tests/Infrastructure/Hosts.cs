using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cloudflare.Workflows.Hosting.Tests.Infrastructure;

/// <summary>Generic hosts with in-memory configuration, the way an app registers the client.</summary>
public static class Hosts
{
    /// <summary>A host with <paramref name="settings"/> under configuration and <c>AddCloudflareWorkflows(GetSection("Cloudflare"))</c>.</summary>
    public static IHost Build(
        Dictionary<string, string?> settings,
        Action<WorkflowsClientOptions>? configure = null,
        Action<IHttpClientBuilder>? http = null,
        CapturingLoggerProvider? logs = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        }

        var client = builder.Services.AddCloudflareWorkflows(builder.Configuration.GetSection("Cloudflare"), configure);
        http?.Invoke(client);
        return builder.Build();
    }

    /// <summary>Settings of a complete client of <paramref name="api"/> with fast retries.</summary>
    public static Dictionary<string, string?> Complete(FakeCloudflareApi api) => new()
    {
        ["Cloudflare:BaseUri"] = api.BaseUri.ToString(),
        ["Cloudflare:ApiToken"] = Clients.Token,
        ["Cloudflare:AccountId"] = Clients.AccountId,
        ["Cloudflare:RetryDelay"] = "00:00:00.001",
        ["Cloudflare:MaxRetryDelay"] = "00:00:00.005",
    };
}
