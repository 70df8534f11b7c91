using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Cloudflare.OpenApi.Extensions.DependencyInjection;

/// <summary>
/// Checks a client's options when the host starts (<c>ValidateOnStart</c>), so a missing token fails the deployment
/// instead of the first request. Every message names the option, its configuration key and its environment variable;
/// none quotes a value.
/// </summary>
/// <typeparam name="TOptions">The client's options type.</typeparam>
public class CloudflareClientOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : ApiClientOptions
{
    /// <summary>Creates the validator.</summary>
    /// <param name="keyPrefix">How the messages name an option: <c>Cloudflare:</c> for a configuration section, <c>WorkflowsClientOptions.</c> without one.</param>
    public CloudflareClientOptionsValidator(string keyPrefix)
    {
        KeyPrefix = keyPrefix ?? throw new ArgumentNullException(nameof(keyPrefix));
    }

    /// <summary>How the messages name an option (<c>Cloudflare:</c>).</summary>
    protected string KeyPrefix { get; }

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (options is null)
        {
            return ValidateOptionsResult.Fail("The options are null.");
        }

        var failures = new List<string>();
        Validate(options, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Adds a message to <paramref name="failures"/> for every problem of <paramref name="options"/>.</summary>
    /// <param name="options">The options.</param>
    /// <param name="failures">Where the messages go.</param>
    protected virtual void Validate(TOptions options, List<string> failures)
    {
        if (options is CloudflareClientOptions cloudflare)
        {
            ValidateCredentials(cloudflare, failures);
        }

        if (options.BaseUri is { } baseUri && (!baseUri.IsAbsoluteUri || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{KeyPrefix}BaseUri (or {CloudflareClientConfiguration.BaseUrlVariable}) must be an absolute http(s) URI.");
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            failures.Add($"{KeyPrefix}Timeout must be positive (or Infinite).");
        }

        if (options.MaxRetries < 0)
        {
            failures.Add($"{KeyPrefix}MaxRetries must not be negative (0 turns retries off).");
        }

        if (options.RetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{KeyPrefix}RetryDelay must not be negative.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{KeyPrefix}MaxRetryDelay must not be shorter than {KeyPrefix}RetryDelay.");
        }
    }

    // A credential becomes a header value: a line break (a key file's trailing newline) or another control character
    // would split or corrupt the header block. The message names the option only; the value is a secret.
    private void HeaderSafe(string? value, string option, List<string> failures)
    {
        if (value is null)
        {
            return;
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c == 0x7F || c > 0x7E)
            {
                failures.Add($"{KeyPrefix}{option} contains a line break, a control or a non-ASCII character (a trailing newline from a key file?): it cannot be sent as a header.");
                return;
            }
        }
    }

    /// <summary>Cloudflare's credentials: a token, or a Global API key with its e-mail, each sendable in a header.</summary>
    private void ValidateCredentials(CloudflareClientOptions cloudflare, List<string> failures)
    {
        var hasToken = !string.IsNullOrEmpty(cloudflare.ApiToken);
        var hasKey = !string.IsNullOrEmpty(cloudflare.ApiKey);
        var hasEmail = !string.IsNullOrEmpty(cloudflare.ApiEmail);
        if (!cloudflare.AllowAnonymous && !hasToken && !hasKey && !hasEmail)
        {
            failures.Add(
                $"No Cloudflare credentials: set {KeyPrefix}ApiToken (or the {CloudflareClientConfiguration.ApiTokenVariable} environment variable), " +
                $"or {KeyPrefix}ApiKey and {KeyPrefix}ApiEmail (or {CloudflareClientConfiguration.ApiKeyVariable} and {CloudflareClientConfiguration.EmailVariable}).");
        }
        else if (!hasToken && hasKey != hasEmail)
        {
            failures.Add(hasKey
                ? $"{KeyPrefix}ApiKey is set but {KeyPrefix}ApiEmail (or {CloudflareClientConfiguration.EmailVariable}) is missing: a Global API key needs its account e-mail."
                : $"{KeyPrefix}ApiEmail is set but {KeyPrefix}ApiKey (or {CloudflareClientConfiguration.ApiKeyVariable}) is missing.");
        }

        HeaderSafe(cloudflare.ApiToken, "ApiToken", failures);
        HeaderSafe(cloudflare.ApiKey, "ApiKey", failures);
        HeaderSafe(cloudflare.ApiEmail, "ApiEmail", failures);
    }
}
