using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Cloudflare.OpenApi;

/// <summary>Sends an API token as <c>Authorization: Bearer …</c> on every attempt.</summary>
public sealed class CloudflareApiTokenPolicy : CloudflareSynchronousPolicy
{
    private readonly AuthenticationHeaderValue _header;

    /// <summary>Creates the policy.</summary>
    /// <param name="apiToken">The token.</param>
    /// <exception cref="ArgumentException">The token is empty or has a character that cannot be sent in a header (a line break, a space).</exception>
    public CloudflareApiTokenPolicy(string apiToken)
    {
        HeaderValues.EnsureCredential(apiToken, nameof(CloudflareClientOptions.ApiToken));
        _header = new AuthenticationHeaderValue("Bearer", apiToken);
    }

    /// <inheritdoc/>
    public override void OnSendingRequest(HttpRequestMessage request) => request.Headers.Authorization = _header;
}

/// <summary>Sends Global API key credentials as <c>X-Auth-Email</c> and <c>X-Auth-Key</c> on every attempt.</summary>
public sealed class CloudflareApiKeyPolicy : CloudflareSynchronousPolicy
{
    private readonly string _email;
    private readonly string _key;

    /// <summary>Creates the policy.</summary>
    /// <exception cref="ArgumentException">A value is empty or has a character that cannot be sent in a header.</exception>
    public CloudflareApiKeyPolicy(string apiEmail, string apiKey)
    {
        HeaderValues.EnsureCredential(apiEmail, nameof(CloudflareClientOptions.ApiEmail));
        HeaderValues.EnsureCredential(apiKey, nameof(CloudflareClientOptions.ApiKey));
        _email = apiEmail;
        _key = apiKey;
    }

    /// <inheritdoc/>
    public override void OnSendingRequest(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("X-Auth-Email", _email);
        request.Headers.TryAddWithoutValidation("X-Auth-Key", _key);
    }
}

/// <summary>Sends the SDK's <c>User-Agent</c> on every attempt.</summary>
public sealed class CloudflareUserAgentPolicy : CloudflareSynchronousPolicy
{
    /// <summary>Creates the policy.</summary>
    /// <param name="userAgent">The whole header value.</param>
    public CloudflareUserAgentPolicy(string userAgent)
    {
        UserAgent = userAgent;
    }

    /// <summary>The header value.</summary>
    public string UserAgent { get; }

    /// <inheritdoc/>
    public override void OnSendingRequest(HttpRequestMessage request) => request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
}
