using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>
/// A response body read into one buffer. It replaces <c>HttpContent.ReadAsByteArrayAsync</c>, which buffers the
/// content in a stream of its own and then copies it into a new array of exactly the body's size: two copies and one
/// garbage array per response. Parsing only needs a span, and the bytes never outlive the call (generated readers copy
/// what they keep: strings, <c>JsonElement.ParseValue</c>).
/// Buffers up to <see cref="MaxPooledBuffer"/> come from <see cref="ArrayPool{T}.Shared"/>; bigger ones are plain
/// arrays the GC takes back: the shared pool keeps what it is given (per core, per size up to 1 GiB), so a few 50 MB
/// responses would otherwise stay in memory for the life of the process.
/// Single owner: exactly one <see cref="Dispose"/>, after which <see cref="Span"/> must not be used.
/// </summary>
internal readonly struct ResponseBody : IDisposable
{
    /// <summary>The largest buffer taken from (and given back to) the shared pool.</summary>
    public const int MaxPooledBuffer = 1024 * 1024;

    private const int UnknownLengthBuffer = 16 * 1024;
    private const int MinBuffer = 256;

    private readonly byte[] _buffer;
    private readonly int _length;
    private readonly bool _notPooled;

    private ResponseBody(byte[] buffer, int length, bool notPooled = false)
    {
        _buffer = buffer;
        _length = length;
        _notPooled = notPooled;
    }

    /// <summary>A body over an array of the caller's (never given to the pool).</summary>
    public static ResponseBody FromArray(byte[] bytes) => new(bytes, bytes.Length, notPooled: true);

    /// <summary>The body's bytes.</summary>
    public ReadOnlySpan<byte> Span => _buffer is null ? default : new(_buffer, 0, _length);

    /// <summary>The body's length.</summary>
    public int Length => _length;

    /// <summary>
    /// Reads the whole content, at most <paramref name="maxSize"/> bytes. Stream failures surface as
    /// <see cref="HttpRequestException"/>, as from <c>ReadAsByteArrayAsync</c>; a body over the limit as
    /// <see cref="ResponseTooLargeException"/>, before it is read when <c>Content-Length</c> says so.
    /// </summary>
    public static async ValueTask<ResponseBody> ReadAsync(HttpContent content, long maxSize, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared is { } announced && announced > maxSize)
        {
            throw new ResponseTooLargeException(announced, declared: true);
        }

        var size = declared is { } known && known >= 0 ? (int)Math.Min(known + 1, maxSize + 1) : UnknownLengthBuffer;
        var buffer = Rent(Math.Max(size, MinBuffer));
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
                        if (length > maxSize)
                        {
                            throw new ResponseTooLargeException(length, declared: false);
                        }

                        buffer = Grow(buffer, length, maxSize);
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > maxSize)
                    {
                        throw new ResponseTooLargeException(length, declared: false);
                    }
                }
            }

            return new ResponseBody(buffer, length);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            Return(buffer);

            // What HttpContent.LoadIntoBufferAsync throws for the same failures, so the retry policy sees one exception type.
            throw new HttpRequestException($"The connection closed after {length} bytes of the response body.", ex);
        }
        catch
        {
            Return(buffer);
            throw;
        }
    }

    /// <summary>Returns the buffer to the pool (when it came from there).</summary>
    public void Dispose()
    {
        if (_buffer is not null && !_notPooled)
        {
            Return(_buffer);
        }
    }

    /// <summary>A copy of the bytes.</summary>
    public byte[] ToArray() => Span.ToArray();

    private static byte[] Rent(int size) =>
        size <= MaxPooledBuffer ? ArrayPool<byte>.Shared.Rent(size) : GC.AllocateUninitializedArray<byte>(size);

    // Pool buffers are at most MaxPooledBuffer long (Rent rounds up to a power of two, which MaxPooledBuffer is).
    private static void Return(byte[] buffer)
    {
        if (buffer.Length <= MaxPooledBuffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int length, long maxSize)
    {
        // One byte more than the limit is enough to tell "over the limit" from "exactly at it".
        var target = Math.Min(Math.Min((long)buffer.Length * 2, maxSize + 1), Array.MaxLength);
        if (target <= buffer.Length)
        {
            throw new ResponseTooLargeException(length, declared: false);
        }

        var bigger = Rent((int)target);
        buffer.AsSpan(0, length).CopyTo(bigger);
        Return(buffer);
        return bigger;
    }
}

/// <summary>The body passed the size limit; the pipeline turns it into a <see cref="CloudflareResponseTooLargeException"/>.</summary>
internal sealed class ResponseTooLargeException(long size, bool declared) : Exception("The response body is too large.")
{
    public long Size { get; } = size;

    public bool Declared { get; } = declared;
}
