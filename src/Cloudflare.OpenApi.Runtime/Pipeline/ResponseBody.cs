using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>
/// A response body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>. It replaces
/// <c>HttpContent.ReadAsByteArrayAsync</c>, which buffers the content in a stream of its own and then copies it into a
/// new array of exactly the body's size: two copies and one garbage array per response. Parsing only needs a span, and
/// the bytes never outlive the call (generated readers copy what they keep: strings, <c>JsonElement.ParseValue</c>).
/// Single owner: exactly one <see cref="Dispose"/>, after which <see cref="Span"/> must not be used.
/// </summary>
internal readonly struct ResponseBody : IDisposable
{
    // Content-Length is only trusted this far for the first buffer; a body that is really bigger grows the buffer.
    private const int MaxPresize = 16 * 1024 * 1024;
    private const int UnknownLengthBuffer = 16 * 1024;
    private const int MinBuffer = 256;

    private readonly byte[] _buffer;
    private readonly int _length;

    private ResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The body's bytes.</summary>
    public ReadOnlySpan<byte> Span => new(_buffer, 0, _length);

    /// <summary>Reads the whole content. Stream failures surface as <see cref="HttpRequestException"/>, as from <c>ReadAsByteArrayAsync</c>.</summary>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        var size = declared is { } known && known >= 0 && known < MaxPresize ? (int)known + 1 : UnknownLengthBuffer;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, MinBuffer));
        var length = 0;
        try
        {
#if NET5_0_OR_GREATER
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using (stream)
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length);
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }
            }

            return new ResponseBody(buffer, length);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            ArrayPool<byte>.Shared.Return(buffer);

            // What HttpContent.LoadIntoBufferAsync throws for the same failures, so the retry policy sees the same exception.
            throw new HttpRequestException("Error while copying content to a stream.", ex);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int length)
    {
        if (buffer.Length >= Array.MaxLength)
        {
            throw new HttpRequestException($"The response body is larger than the largest possible buffer ({Array.MaxLength} bytes).");
        }

        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
        buffer.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }
}
