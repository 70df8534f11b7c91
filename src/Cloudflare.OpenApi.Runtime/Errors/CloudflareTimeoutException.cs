using System;

namespace Cloudflare.OpenApi;

/// <summary>Which time limit a <see cref="CloudflareTimeoutException"/> hit.</summary>
public enum CloudflareTimeoutLimit
{
    /// <summary><see cref="ApiClientOptions.Timeout"/> (or the per-call one): one attempt took too long.</summary>
    PerAttempt,

    /// <summary><see cref="ApiClientOptions.TotalTimeout"/> (or the per-call one): all attempts and waits together took too long.</summary>
    Total,
}

/// <summary>
/// A call ran out of time (Stainless' <c>APITimeoutError</c>). <see cref="Limit"/> says whether one attempt or the
/// whole call (attempts, retry waits and body reading) exceeded its limit; the <see cref="Exception.InnerException"/>
/// is a <see cref="TimeoutException"/> so the cause reads the .NET way in logs.
/// </summary>
public class CloudflareTimeoutException : CloudflareConnectionException
{
    /// <summary>Creates the exception.</summary>
    public CloudflareTimeoutException(string message, string method, Uri? requestUri, int attempts, CloudflareTimeoutLimit limit, TimeSpan timeout, Exception? innerException)
        : base(message, method, requestUri, attempts, requestMayHaveBeenSent: true, innerException)
    {
        Limit = limit;
        Timeout = timeout;
    }

    /// <summary>The limit that was hit.</summary>
    public CloudflareTimeoutLimit Limit { get; }

    /// <summary>The value of that limit.</summary>
    public TimeSpan Timeout { get; }
}
