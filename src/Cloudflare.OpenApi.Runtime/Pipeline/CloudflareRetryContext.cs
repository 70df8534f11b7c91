using System;
using System.Net;

namespace Cloudflare.OpenApi;

/// <summary>What a <see cref="CloudflareRetryPolicy"/> knows about a failed attempt when it decides.</summary>
public readonly struct CloudflareRetryContext
{
    internal CloudflareRetryContext(
        string operationName, string method, int attempt, int maxRetries, bool isIdempotent, HttpStatusCode? statusCode, TimeSpan? retryAfter, Exception? exception, bool requestMayHaveBeenSent)
    {
        OperationName = operationName;
        Method = method;
        Attempt = attempt;
        MaxRetries = maxRetries;
        IsIdempotent = isIdempotent;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
        Exception = exception;
        RequestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /// <summary>The operation (the spec's operationId).</summary>
    public string OperationName { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The attempt that failed, from 1.</summary>
    public int Attempt { get; }

    /// <summary>The retries this call may make (client or per-call setting).</summary>
    public int MaxRetries { get; }

    /// <summary>Whether repeating the request is safe (method, operation rule, per-call override).</summary>
    public bool IsIdempotent { get; }

    /// <summary>The response status, when a response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The transport failure or attempt timeout (an <see cref="OperationCanceledException"/>), when no response arrived.</summary>
    public Exception? Exception { get; }

    /// <summary>Whether the request may have reached the server: false only when it provably was not written (connection refused, failure before the body was sent).</summary>
    public bool RequestMayHaveBeenSent { get; }
}
