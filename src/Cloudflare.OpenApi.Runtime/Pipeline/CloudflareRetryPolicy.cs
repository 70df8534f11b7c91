using System;
using System.Net;

namespace Cloudflare.OpenApi;

/// <summary>
/// Decides whether a failed attempt is tried again and how long to wait first (System.ClientModel's
/// <c>ClientRetryPolicy</c> shape). Replace it through <see cref="ApiClientOptions.RetryPolicy"/>, or derive and
/// override <see cref="ShouldRetry"/> or <see cref="GetNextDelay"/>. The default rule:
/// <list type="bullet">
/// <item>429, and a failure before the request was sent (connection refused): always retried, the server did not act;</item>
/// <item>408, 500, 502, 503, 504, a reset or a body cut off after sending, an attempt timeout: retried only when the
/// request is idempotent (GET, PUT, DELETE; a create with an instance id), because the server may have acted;</item>
/// <item>anything else: not retried.</item>
/// </list>
/// Waits are jittered exponential (half to full of <c>delay × 2^(attempt-1)</c>), a server's <c>Retry-After</c> wins, and
/// no wait exceeds the maximum delay. Thread-safe; one instance serves every call of a client.
/// </summary>
public class CloudflareRetryPolicy
{
    /// <summary>Creates the default policy.</summary>
    /// <param name="delay">The first retry's base delay.</param>
    /// <param name="maxDelay">The longest wait, also for <c>Retry-After</c>.</param>
    public CloudflareRetryPolicy(TimeSpan delay, TimeSpan maxDelay)
    {
        if (delay < TimeSpan.Zero || maxDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), "Retry delays must not be negative.");
        }

        Delay = delay;
        MaxDelay = maxDelay;
    }

    /// <summary>The first retry's base delay.</summary>
    public TimeSpan Delay { get; }

    /// <summary>The longest wait.</summary>
    public TimeSpan MaxDelay { get; }

    /// <summary>Whether the failed attempt is tried again. The pipeline never asks once <see cref="CloudflareRetryContext.MaxRetries"/> retries were made.</summary>
    public virtual bool ShouldRetry(in CloudflareRetryContext context)
    {
        if (context.StatusCode is { } status)
        {
            var code = (int)status;
            if (code == 429)
            {
                return true;
            }

            return context.IsIdempotent && code is 408 or 500 or 502 or 503 or 504;
        }

        if (context.Exception is null)
        {
            return false;
        }

        return !context.RequestMayHaveBeenSent || context.IsIdempotent;
    }

    /// <summary>How long to wait before the next attempt.</summary>
    public virtual TimeSpan GetNextDelay(in CloudflareRetryContext context)
    {
        if (context.RetryAfter is { } after && after > TimeSpan.Zero)
        {
            return after < MaxDelay ? after : MaxDelay;
        }

        var ceiling = Delay.TotalMilliseconds * Math.Pow(2, Math.Max(0, context.Attempt - 1));
        ceiling = Math.Min(ceiling, MaxDelay.TotalMilliseconds);
        var jittered = (ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }

    internal static bool IsIdempotentMethod(string method) =>
        method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS";

}
