using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>
/// A request body that records whether the transport started writing it. A failure before that point (the connection
/// was refused, or reset before the request went out) proves the server never saw the request, so even a request that
/// must not run twice can be retried.
/// </summary>
internal sealed class TrackedContent(byte[] body) : ByteArrayContent(body)
{
    private volatile bool _started;

    /// <summary>Whether the transport asked for the bytes.</summary>
    public bool SendStarted => _started;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        _started = true;
        return base.SerializeToStreamAsync(stream, context);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _started = true;
        return base.SerializeToStreamAsync(stream, context, cancellationToken);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _started = true;
        base.SerializeToStream(stream, context, cancellationToken);
    }
}
