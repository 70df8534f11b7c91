using System;
using System.Collections.Generic;

namespace Cloudflare.OpenApi;

/// <summary>
/// Options for one call, passed as the <c>requestOptions</c> argument every generated method takes: limits and retries
/// that override the client's, extra headers, the idempotency rule, and the raw response of the call.
/// A value left null keeps the client's setting. Reading <see cref="Response"/> needs one instance per call; an
/// instance that is only used for settings can be shared by concurrent calls.
/// </summary>
public sealed class CloudflareRequestOptions
{
    private Dictionary<string, string>? _headers;

    /// <summary>The per-attempt timeout for this call.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The total timeout for this call (every attempt, retry wait and body read).</summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>The number of retries for this call (0: none).</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Whether repeating this call is safe; <see cref="CloudflareIdempotency.Default"/> keeps the operation's rule.</summary>
    public CloudflareIdempotency Idempotency { get; set; }

    /// <summary>Headers added to every attempt of this call (after the SDK's own; a credential header cannot be overridden here).</summary>
    public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The response of the call's last attempt: status, headers (<c>cf-ray</c> too) and body. Set when the call returns or throws after a response arrived.</summary>
    public CloudflareRawResponse? Response { get; internal set; }

    internal IReadOnlyDictionary<string, string>? HeadersOrNull => _headers;
}
