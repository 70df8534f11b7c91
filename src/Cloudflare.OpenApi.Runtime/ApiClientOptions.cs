using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Cloudflare.OpenApi;

/// <summary>
/// Settings shared by every generated client: where to send requests, how long and how often to try, what to accept,
/// and the policies that extend the pipeline. A generated client's options derive from this (a plain API: with one
/// property per security scheme of its spec) or from <see cref="CloudflareClientOptions"/> (Cloudflare's credentials).
/// The client copies what it needs when it is created: later changes have no effect on it.
/// </summary>
public class ApiClientOptions
{
    /// <summary>The default <see cref="MaxResponseSize"/>: 64 MiB.</summary>
    public const long DefaultMaxResponseSize = 64L * 1024 * 1024;

    /// <summary>The base URI; the spec's first server (e.g. <c>https://api.cloudflare.com/client/v4</c>) when null.</summary>
    public Uri? BaseUri { get; set; }

    /// <summary>
    /// Replaces the credentials: a policy that sets them on every attempt (e.g. a token that rotates). When set, the
    /// credential properties and the environment are not used.
    /// </summary>
    public CloudflarePipelinePolicy? AuthenticationPolicy { get; set; }

    /// <summary>How long one attempt may take (sending, waiting and reading the body) before it is abandoned and retried when that is safe. Default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a whole call may take: every attempt, every wait between them, and reading the body. Default 3 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How many times a failed attempt is retried (0 turns retries off). Default 2. Which failures are retried: <see cref="CloudflareRetryPolicy"/>.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's base delay; later ones double, with jitter. Default 0.5 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between attempts, also for a server's <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Decides which failures are retried and how long to wait; a <see cref="CloudflareRetryPolicy"/> over <see cref="RetryDelay"/> and <see cref="MaxRetryDelay"/> when null.</summary>
    public CloudflareRetryPolicy? RetryPolicy { get; set; }

    /// <summary>The largest response body read, in bytes; a bigger one fails with <see cref="CloudflareResponseTooLargeException"/> as soon as that is known. Default 64 MiB.</summary>
    public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>The most pages one enumeration of every page (<c>…AllAsync</c>) fetches before it fails with <see cref="CloudflarePagingException"/>. Default 10,000.</summary>
    public int MaxPages { get; set; } = 10_000;

    /// <summary>
    /// Whether a response that breaks the declared schema fails the call. Off (the default): a value of the wrong JSON
    /// kind becomes null (or raw JSON where the member holds any JSON), a missing required property its default, and
    /// each such case is reported to <see cref="ReadIssueHandler"/>. On: the first such case throws. For tests.
    /// </summary>
    public bool StrictReading { get; set; }

    /// <summary>Called (on the calling thread, while the response is read) for every value lenient reading had to replace. Keep it cheap.</summary>
    public Action<CloudflareReadIssue>? ReadIssueHandler { get; set; }

    /// <summary>Appended to the <c>User-Agent</c> header to identify your application.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Policies that see every attempt before it is sent, in order (the per-try position), for headers, logging or request rewriting.</summary>
    public IList<CloudflarePipelinePolicy> Policies { get; } = new List<CloudflarePipelinePolicy>();

    /// <summary>Policies that see each call once, outside the retry loop (the per-call position), in order.</summary>
    public IList<CloudflareCallPolicy> CallPolicies { get; } = new List<CloudflareCallPolicy>();

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

    /// <summary>Whether a client whose credentials are required may send none (a local engine needs none). Default false.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// The per-call policies a generated SDK adds for its own operations, ahead of <see cref="CallPolicies"/> (the
    /// Workflows SDK makes creates exactly-once here). Called once, when the client is created.
    /// </summary>
    protected internal virtual IEnumerable<CloudflareCallPolicy> CreateBuiltInCallPolicies() => Array.Empty<CloudflareCallPolicy>();

    /// <summary>
    /// The policy that sends the credentials this options object holds, or null to send none. Called once, when the
    /// client is created, unless <see cref="AuthenticationPolicy"/> is set.
    /// </summary>
    /// <exception cref="ArgumentException">A credential is incomplete or cannot be sent in a header.</exception>
    protected internal virtual CloudflarePipelinePolicy? CreateCredentialPolicy() => null;
}
