using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Cloudflare.OpenApi.Extensions.DependencyInjection;

/// <summary>
/// Reads <see cref="CloudflareClientOptions"/> from configuration and from the <c>CLOUDFLARE_*</c> environment
/// variables. Written out by hand, key by key, rather than through the reflection-based <c>ConfigurationBinder</c>:
/// it stays trim and NativeAOT clean, a bad value names the key it came from, and <c>Policies</c>, the factories and
/// other non-settings are never touched by configuration.
/// </summary>
public static class CloudflareClientConfiguration
{
    /// <summary>The API token (<c>Authorization: Bearer</c>).</summary>
    public const string ApiTokenVariable = "CLOUDFLARE_API_TOKEN";

    /// <summary>The Global API key (<c>X-Auth-Key</c>), used with <see cref="EmailVariable"/>.</summary>
    public const string ApiKeyVariable = "CLOUDFLARE_API_KEY";

    /// <summary>The account e-mail of the Global API key (<c>X-Auth-Email</c>).</summary>
    public const string EmailVariable = "CLOUDFLARE_EMAIL";

    /// <summary>The account id (client parameter <c>account_id</c>).</summary>
    public const string AccountIdVariable = "CLOUDFLARE_ACCOUNT_ID";

    /// <summary>The base URL (e.g. a proxy or a mock); the spec's server when unset.</summary>
    public const string BaseUrlVariable = "CLOUDFLARE_BASE_URL";

    /// <summary>
    /// Copies the keys present in <paramref name="configuration"/> onto <paramref name="options"/>: <c>BaseUri</c>
    /// (or <c>BaseUrl</c>), <c>ApiToken</c>, <c>ApiKey</c>, <c>ApiEmail</c>, <c>Timeout</c>, <c>MaxRetries</c>,
    /// <c>RetryDelay</c>, <c>MaxRetryDelay</c>, <c>ApplicationId</c>, <c>AllowAnonymous</c>,
    /// <c>UseEnvironmentCredentials</c> (the credential keys only for <see cref="CloudflareClientOptions"/>; a plain
    /// API's credential properties are set in code). Keys that are absent leave the option as it was.
    /// </summary>
    /// <param name="configuration">The section of the client (e.g. <c>Cloudflare</c>).</param>
    /// <param name="options">The options to fill in.</param>
    /// <exception cref="InvalidOperationException">A value cannot be read; the message names its key, never its value.</exception>
    public static void Bind(IConfiguration configuration, ApiClientOptions options)
    {
        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if ((Read(configuration, "BaseUri") ?? Read(configuration, "BaseUrl")) is { } baseUri)
        {
            options.BaseUri = ParseUri(baseUri, KeyOf(configuration, configuration["BaseUri"] is null ? "BaseUrl" : "BaseUri"));
        }

        if (options is CloudflareClientOptions cloudflare)
        {
            cloudflare.ApiToken = Read(configuration, "ApiToken") ?? cloudflare.ApiToken;
            cloudflare.ApiKey = Read(configuration, "ApiKey") ?? cloudflare.ApiKey;
            cloudflare.ApiEmail = Read(configuration, "ApiEmail") ?? cloudflare.ApiEmail;
            cloudflare.UseEnvironmentCredentials = ReadBool(configuration, "UseEnvironmentCredentials") ?? cloudflare.UseEnvironmentCredentials;
        }

        options.ApplicationId = Read(configuration, "ApplicationId") ?? options.ApplicationId;
        options.Timeout = ReadTimeSpan(configuration, "Timeout") ?? options.Timeout;
        options.RetryDelay = ReadTimeSpan(configuration, "RetryDelay") ?? options.RetryDelay;
        options.MaxRetryDelay = ReadTimeSpan(configuration, "MaxRetryDelay") ?? options.MaxRetryDelay;
        if (Read(configuration, "MaxRetries") is { } maxRetries)
        {
            options.MaxRetries = int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Invalid(configuration, "MaxRetries", "an integer");
        }

        options.AllowAnonymous = ReadBool(configuration, "AllowAnonymous") ?? options.AllowAnonymous;
    }

    /// <summary>
    /// Fills in from the environment what is still unset: <see cref="BaseUrlVariable"/> when <c>BaseUri</c> is null,
    /// and, when no credential at all is set and <c>UseEnvironmentCredentials</c> is on, <see cref="ApiTokenVariable"/>
    /// or <see cref="ApiKeyVariable"/> + <see cref="EmailVariable"/>. Credentials are taken as a set, never mixed
    /// with one from configuration.
    /// </summary>
    /// <param name="options">The options to complete.</param>
    /// <exception cref="InvalidOperationException"><see cref="BaseUrlVariable"/> is not an absolute URI.</exception>
    public static void ApplyEnvironment(ApiClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options is not CloudflareClientOptions cloudflare)
        {
            return; // a plain API's client: the CLOUDFLARE_* variables are not its own
        }

        if (cloudflare.BaseUri is null && GetEnvironmentVariable(BaseUrlVariable) is { } baseUrl)
        {
            cloudflare.BaseUri = ParseUri(baseUrl, BaseUrlVariable);
        }

        if (cloudflare.UseEnvironmentCredentials && !cloudflare.AllowAnonymous && cloudflare.ApiToken is null && cloudflare.ApiKey is null && cloudflare.ApiEmail is null)
        {
            cloudflare.ApiToken = GetEnvironmentVariable(ApiTokenVariable);
            if (cloudflare.ApiToken is null)
            {
                cloudflare.ApiKey = GetEnvironmentVariable(ApiKeyVariable);
                cloudflare.ApiEmail = GetEnvironmentVariable(EmailVariable);
            }
        }
    }

    /// <summary>An environment variable, or null when it is unset or blank.</summary>
    /// <param name="name">The variable (e.g. <see cref="AccountIdVariable"/>).</param>
    /// <returns>Its value, or null.</returns>
    public static string? GetEnvironmentVariable(string name)
    {
        var value = System.Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static string? Read(IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    private static TimeSpan? ReadTimeSpan(IConfiguration configuration, string key)
    {
        if (Read(configuration, key) is not { } text)
        {
            return null;
        }

        if (text.Equals("Infinite", StringComparison.OrdinalIgnoreCase))
        {
            return System.Threading.Timeout.InfiniteTimeSpan;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(configuration, key, "a time span such as 00:00:30");
    }

    private static bool? ReadBool(IConfiguration configuration, string key)
    {
        if (Read(configuration, key) is not { } text)
        {
            return null;
        }

        return bool.TryParse(text, out var value) ? value : throw Invalid(configuration, key, "true or false");
    }

    private static Uri ParseUri(string text, string source) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"{source} is not an absolute http(s) URI.");

    private static InvalidOperationException Invalid(IConfiguration configuration, string key, string expected) =>
        new($"{KeyOf(configuration, key)} must be {expected}.");

    /// <summary>The full configuration key (<c>Cloudflare:Timeout</c>) of <paramref name="key"/>, for messages.</summary>
    /// <param name="configuration">The section.</param>
    /// <param name="key">The key in it.</param>
    /// <returns>The key with the section's path.</returns>
    public static string KeyOf(IConfiguration configuration, string key) =>
        configuration is IConfigurationSection { Path: { Length: > 0 } path } ? path + ConfigurationPath.KeyDelimiter + key : key;
}
