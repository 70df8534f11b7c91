using System.Net;

namespace Cloudflare.Workflows.Benchmarks.Infrastructure;

/// <summary>
/// The network stand-in both clients send through: it drains the request body (a socket would have to write it, and a
/// lazily serializing <see cref="HttpContent"/> must not get away without serializing), then answers 200 with a fresh
/// <see cref="ByteArrayContent"/> over pre-encoded bytes and the raw headers Cloudflare sends (parsed only if a client
/// asks for them, as with a real response).
/// </summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    private readonly byte[] _body;
    private readonly bool _completeAsynchronously;

    /// <param name="body">The response body.</param>
    /// <param name="completeAsynchronously">
    /// Whether the response arrives after a thread-pool hop (as it does from a socket), which makes every async method
    /// above it allocate its state machine; otherwise the task completes synchronously.
    /// </param>
    public CannedResponseHandler(byte[] body, bool completeAsynchronously)
    {
        _body = body;
        _completeAsynchronously = completeAsynchronously;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content)
        {
            await content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        }

        if (_completeAsynchronously)
        {
            await Task.Yield();
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(_body) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        response.Headers.TryAddWithoutValidation("cf-ray", "8e5f1a2b3c4d5e6f-FRA");
        return response;
    }
}
