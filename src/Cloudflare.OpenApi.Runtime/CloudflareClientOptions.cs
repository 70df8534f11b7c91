using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Cloudflare.OpenApi;

/// <summary>
/// Settings shared by every generated Cloudflare client: where to send requests, how to authenticate, and how long
/// and how often to try. Generated clients derive their own options type (with client parameters such as the
/// account id) from this one.
/// </summary>
public class CloudflareClientOptions
{
    /// <summary>The base URI; the spec's first server (e.g. <c>https://api.cloudflare.com/client/v4</c>) when null.</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>An API token, sent as <c>Authorization: Bearer …</c>. Defaults to <c>CLOUDFLARE_API_TOKEN</c> when no credential is set.</summary>
    public string? ApiToken { get; set; }

    /// <summary>The account e-mail for Global API key auth (<c>X-Auth-Email</c>). Defaults to <c>CLOUDFLARE_EMAIL</c>.</summary>
    public string? ApiEmail { get; set; }

    /// <summary>The Global API key (<c>X-Auth-Key</c>). Defaults to <c>CLOUDFLARE_API_KEY</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt may take before it is abandoned (and retried when that is safe). Default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times a failed attempt is retried (0 turns retries off). Default 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's base delay; later ones double, with full jitter. Default 0.5 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts, also for a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Appended to the <c>User-Agent</c> header to identify your application.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Policies that see every attempt before it is sent (in order), for logging, header changes or request rewriting.</summary>
    public IList<CloudflarePipelinePolicy> Policies { get; } = new List<CloudflarePipelinePolicy>();

    /// <summary>Whether the environment variables fill in credentials that are not set. Default true.</summary>
    public bool UseEnvironmentCredentials { get; set; } = true;

    /// <summary>Whether requests carry no credentials at all (a local engine needs none). Default false.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// Where the request log goes (category <see cref="CloudflareClientTelemetry.LoggerCategory"/>): one entry per attempt
    /// with method, path template, status, attempt and duration, never a credential or an expanded path. None when null.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Makes the <see cref="CloudflareClientTelemetry.MeterName"/> meter (DI passes its own so each service provider has its
    /// meters); the process-wide meter of that name when null.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }
}
