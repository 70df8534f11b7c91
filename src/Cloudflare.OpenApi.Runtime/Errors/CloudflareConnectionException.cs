using System;

namespace Cloudflare.OpenApi;

/// <summary>
/// No complete response arrived: the connection could not be made, was reset, or closed in the middle of the body
/// (Stainless' <c>APIConnectionError</c>). Raised after the retries the call was allowed; the transport's own
/// exception (usually an <see cref="System.Net.Http.HttpRequestException"/>) is the <see cref="Exception.InnerException"/>.
/// </summary>
public class CloudflareConnectionException : CloudflareException
{
    /// <summary>Creates the exception.</summary>
    public CloudflareConnectionException(string message, string method, Uri? requestUri, int attempts, bool requestMayHaveBeenSent, Exception? innerException)
        : base(message, innerException)
    {
        Method = method;
        RequestUri = requestUri;
        Attempts = attempts;
        RequestMayHaveBeenSent = requestMayHaveBeenSent;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request URI.</summary>
    public Uri? RequestUri { get; }

    /// <summary>How many attempts were made.</summary>
    public int Attempts { get; }

    /// <summary>
    /// Whether the last attempt's request may have reached the server (it was written before the failure). When true, a
    /// non-idempotent request (an event, a create without an id) may have taken effect.
    /// </summary>
    public bool RequestMayHaveBeenSent { get; }
}
