using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using Cloudflare.OpenApi.Infrastructure;

namespace Cloudflare.OpenApi;

/// <summary>
/// The final response of a call as the per-call policies see it: status, headers and the whole body. The body lives
/// in a pooled buffer: whoever holds the response last disposes it (the pipeline does for the one it returns).
/// </summary>
public sealed class CloudflarePipelineResponse : IDisposable
{
    private ResponseBody _body;
    private bool _disposed;

    internal CloudflarePipelineResponse(HttpResponseMessage message, ResponseBody body, Uri requestUri, string method)
    {
        Message = message;
        _body = body;
        RequestUri = message.RequestMessage?.RequestUri ?? requestUri;
        Method = method;
    }

    /// <summary>
    /// A response a per-call policy makes itself (e.g. the result of a create assembled from a lookup), in place of
    /// the network's. <paramref name="basedOn"/> gives the request URI, method and headers (<c>cf-ray</c>); it is not disposed.
    /// </summary>
    public static CloudflarePipelineResponse Create(HttpStatusCode statusCode, byte[] jsonBody, CloudflarePipelineResponse basedOn)
    {
        if (jsonBody is null)
        {
            throw new ArgumentNullException(nameof(jsonBody));
        }

        if (basedOn is null)
        {
            throw new ArgumentNullException(nameof(basedOn));
        }

        var message = new HttpResponseMessage(statusCode) { Content = new ByteArrayContent(jsonBody), RequestMessage = basedOn.Message.RequestMessage };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        foreach (var header in basedOn.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return new CloudflarePipelineResponse(message, ResponseBody.FromArray(jsonBody), basedOn.RequestUri, basedOn.Method);
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode => Message.StatusCode;

    /// <summary>Whether the status is 2xx.</summary>
    public bool IsSuccessStatusCode => Message.IsSuccessStatusCode;

    /// <summary>The response headers.</summary>
    public HttpResponseHeaders Headers => Message.Headers;

    /// <summary>The content headers.</summary>
    public HttpContentHeaders ContentHeaders => Message.Content.Headers;

    /// <summary>The URI the last attempt was sent to (after any policy rewrote it).</summary>
    public Uri RequestUri { get; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The body; valid until <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> Content => _disposed ? throw new ObjectDisposedException(nameof(CloudflarePipelineResponse)) : _body.Span;

    internal HttpResponseMessage Message { get; }

    internal ResponseBody Body => _body;

    /// <summary>Returns the body's buffer and releases the response.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _body.Dispose();
        _body = default;
        Message.Dispose();
    }
}
