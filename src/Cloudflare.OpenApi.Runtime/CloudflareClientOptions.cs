using System;

namespace Cloudflare.OpenApi;

/// <summary>
/// Options of a Cloudflare API client: <see cref="ApiClientOptions"/> plus Cloudflare's credentials (an API token, or
/// the Global API key with its e-mail), filled in from <c>CLOUDFLARE_API_TOKEN</c>, <c>CLOUDFLARE_EMAIL</c> and
/// <c>CLOUDFLARE_API_KEY</c> when none is set. Generated clients of Cloudflare specs derive their options from it.
/// </summary>
public class CloudflareClientOptions : ApiClientOptions
{
    /// <summary>An API token, sent as <c>Authorization: Bearer …</c>. Defaults to <c>CLOUDFLARE_API_TOKEN</c> when no credential is set.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The account e-mail for Global API key auth (<c>X-Auth-Email</c>). Defaults to <c>CLOUDFLARE_EMAIL</c>.</summary>
    public string? ApiEmail { get; set; }

    /// <summary>The Global API key (<c>X-Auth-Key</c>). Defaults to <c>CLOUDFLARE_API_KEY</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Whether the environment variables fill in credentials that are not set. Default true.</summary>
    public bool UseEnvironmentCredentials { get; set; } = true;

    /// <inheritdoc/>
    protected internal override CloudflarePipelinePolicy? CreateCredentialPolicy()
    {
        var token = ApiToken;
        var email = ApiEmail;
        var key = ApiKey;
        string tokenName = nameof(ApiToken), emailName = nameof(ApiEmail), keyName = nameof(ApiKey);
        if (UseEnvironmentCredentials && token is null && email is null && key is null)
        {
            token = Environment.GetEnvironmentVariable("CLOUDFLARE_API_TOKEN");
            email = Environment.GetEnvironmentVariable("CLOUDFLARE_EMAIL");
            key = Environment.GetEnvironmentVariable("CLOUDFLARE_API_KEY");
            (tokenName, emailName, keyName) = ("CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY");
        }

        if (!string.IsNullOrEmpty(token))
        {
            HeaderValues.EnsureCredential(token, tokenName);
            return new CloudflareApiTokenPolicy(token!);
        }

        if (!string.IsNullOrEmpty(email) || !string.IsNullOrEmpty(key))
        {
            if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(key))
            {
                throw new ArgumentException(
                    $"API key authentication needs both ApiEmail and ApiKey; {(string.IsNullOrEmpty(email) ? "ApiEmail" : "ApiKey")} is missing.",
                    "options");
            }

            HeaderValues.EnsureCredential(email, emailName);
            HeaderValues.EnsureCredential(key, keyName);
            return new CloudflareApiKeyPolicy(email!, key!);
        }

        if (!AllowAnonymous)
        {
            throw new ArgumentException(
                "No credentials: set ApiToken (or CLOUDFLARE_API_TOKEN), or ApiEmail and ApiKey (or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY).",
                "options");
        }

        return null;
    }
}
