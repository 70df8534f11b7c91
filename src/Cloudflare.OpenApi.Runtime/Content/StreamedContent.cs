using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Cloudflare.OpenApi;

/// <summary>
/// A binary response body left on the connection (the <c>…StreamAsync</c> methods): read <see cref="Content"/> at your own
/// pace and dispose this object, which returns the connection. Nothing is buffered, so the client's
/// <c>MaxResponseSize</c> does not apply; timeouts and retries covered the call until the response headers arrived.
/// </summary>
public sealed class StreamedContent : IDisposable, IAsyncDisposable
{
    private readonly CloudflarePipelineResponse _response;

    internal StreamedContent(CloudflarePipelineResponse response, Stream content)
    {
        _response = response;
        Content = content;
    }

    /// <summary>The body as it arrives.</summary>
    public Stream Content { get; }

    /// <summary>The media type of the body (e.g. <c>application/octet-stream</c>), when the server sent one.</summary>
    public string? ContentType => _response.ContentHeaders.ContentType?.MediaType;

    /// <summary>The body's length, when the server declared it.</summary>
    public long? ContentLength => _response.ContentHeaders.ContentLength;

    /// <summary>The HTTP status (2xx: errors are thrown).</summary>
    public HttpStatusCode StatusCode => _response.StatusCode;

    /// <summary>The response headers (e.g. <c>cf-ray</c>).</summary>
    public System.Net.Http.Headers.HttpResponseHeaders Headers => _response.Headers;

    /// <summary>Closes the stream and releases the connection.</summary>
    public void Dispose()
    {
        Content.Dispose();
        _response.Dispose();
    }

    /// <summary>Closes the stream and releases the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _response.Dispose();
    }
}
