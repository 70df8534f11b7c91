using System;
using Cloudflare.OpenApi.Extensions.DependencyInjection;
using Cloudflare.Workflows;
using Cloudflare.Workflows.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="WorkflowsClient"/> with dependency injection.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WorkflowsClient"/> as a typed client of <c>IHttpClientFactory</c>, with options from
    /// <paramref name="configuration"/> (the keys of <see cref="CloudflareClientConfiguration.Bind"/> plus
    /// <c>AccountId</c>, and <c>LocalDevelopment</c>: true for <c>wrangler dev</c>'s local engine, as
    /// <see cref="WorkflowsClientOptions.ForLocalDevelopment(System.Uri)"/>), then <paramref name="configure"/>, then <c>CLOUDFLARE_ACCOUNT_ID</c>, <c>CLOUDFLARE_BASE_URL</c>,
    /// <c>CLOUDFLARE_API_TOKEN</c> or <c>CLOUDFLARE_API_KEY</c> + <c>CLOUDFLARE_EMAIL</c> for what is still unset;
    /// validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The client's section, e.g. <c>builder.Configuration.GetSection("Cloudflare")</c>; null to use code and environment only.</param>
    /// <param name="configure">Sets options in code, after the configuration (e.g. <c>o.ApplicationId</c>, <c>o.Policies</c>).</param>
    /// <returns>The builder of the client's <c>HttpClient</c>, for handlers such as <c>AddStandardResilienceHandler()</c>
    /// (see <see cref="OpenApiClientServiceCollectionExtensions.AddOpenApiClient{TClient, TOptions}"/> on keeping one retry layer).</returns>
    public static IHttpClientBuilder AddCloudflareWorkflows(this IServiceCollection services, IConfiguration? configuration = null, Action<WorkflowsClientOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var builder = services.AddOpenApiClient<WorkflowsClient, WorkflowsClientOptions>(
            static (options, http) => new WorkflowsClient(options, http),
            configuration,
            options =>
            {
                if (configuration is not null && !string.IsNullOrWhiteSpace(configuration["AccountId"]))
                {
                    options.AccountId = configuration["AccountId"];
                }

                if (configuration is not null && IsLocalDevelopment(configuration))
                {
                    UseLocalEngine(options);
                }

                configure?.Invoke(options);
            });

        services.PostConfigure<WorkflowsClientOptions>(static options =>
            options.AccountId ??= CloudflareClientConfiguration.GetEnvironmentVariable(CloudflareClientConfiguration.AccountIdVariable));
        var keyPrefix = configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path + ConfigurationPath.KeyDelimiter : nameof(WorkflowsClientOptions) + ".";
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkflowsClientOptions>>(new AccountIdValidator(keyPrefix)));
        return builder;
    }

    // "LocalDevelopment": true in the section points the client at wrangler dev's local engine (BaseUri defaults to
    // http://127.0.0.1:8787/cdn-cgi/explorer/api), exactly as WorkflowsClientOptions.ForLocalDevelopment does in code.
    private static bool IsLocalDevelopment(IConfiguration configuration)
    {
        var text = configuration["LocalDevelopment"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return bool.TryParse(text, out var value)
            ? value
            : throw new InvalidOperationException($"{CloudflareClientConfiguration.KeyOf(configuration, "LocalDevelopment")} must be true or false.");
    }

    private static void UseLocalEngine(WorkflowsClientOptions options)
    {
        var local = options.BaseUri is { } explorerApi ? WorkflowsClientOptions.ForLocalDevelopment(explorerApi) : WorkflowsClientOptions.ForLocalDevelopment();
        options.BaseUri = local.BaseUri;
        options.AccountId ??= local.AccountId;
        options.AllowAnonymous = local.AllowAnonymous;
        options.UseEnvironmentCredentials = local.UseEnvironmentCredentials;
        foreach (var policy in local.Policies)
        {
            options.Policies.Add(policy);
        }
    }

    /// <summary>Registers <see cref="WorkflowsClient"/> with options set in code and the environment only.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>The builder of the client's <c>HttpClient</c>.</returns>
    public static IHttpClientBuilder AddCloudflareWorkflows(this IServiceCollection services, Action<WorkflowsClientOptions> configure) =>
        services.AddCloudflareWorkflows(null, configure ?? throw new ArgumentNullException(nameof(configure)));
}
