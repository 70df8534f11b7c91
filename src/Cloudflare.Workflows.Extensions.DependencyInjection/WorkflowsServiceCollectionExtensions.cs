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
    /// <c>AccountId</c>), then <paramref name="configure"/>, then <c>CLOUDFLARE_ACCOUNT_ID</c>, <c>CLOUDFLARE_BASE_URL</c>,
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

                configure?.Invoke(options);
            });

        services.PostConfigure<WorkflowsClientOptions>(static options =>
            options.AccountId ??= CloudflareClientConfiguration.GetEnvironmentVariable(CloudflareClientConfiguration.AccountIdVariable));
        var keyPrefix = configuration is IConfigurationSection { Path.Length: > 0 } section ? section.Path + ConfigurationPath.KeyDelimiter : nameof(WorkflowsClientOptions) + ".";
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkflowsClientOptions>>(new AccountIdValidator(keyPrefix)));
        return builder;
    }

    /// <summary>Registers <see cref="WorkflowsClient"/> with options set in code and the environment only.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>The builder of the client's <c>HttpClient</c>.</returns>
    public static IHttpClientBuilder AddCloudflareWorkflows(this IServiceCollection services, Action<WorkflowsClientOptions> configure) =>
        services.AddCloudflareWorkflows(null, configure ?? throw new ArgumentNullException(nameof(configure)));
}
