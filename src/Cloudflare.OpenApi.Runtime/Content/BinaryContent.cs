using System;
using System.IO;

namespace Cloudflare.OpenApi;

/// <summary>
/// Bytes with a media type and an optional file name: a binary request body or multipart file part (from a
/// <see cref="Stream"/> or from memory), or a binary response body (always in memory).
/// </summary>
/// <remarks>
/// A request made from a stream reads it once per attempt: a seekable stream is rewound to where it started before a
/// retry; a request with a non-seekable stream is never retried (the bytes are gone). The caller owns the stream.
/// </remarks>
public sealed class BinaryContent
{
    private readonly Stream? _stream;
    private readonly long _streamStart;
    private readonly ReadOnlyMemory<byte> _bytes;

    private BinaryContent(Stream? stream, ReadOnlyMemory<byte> bytes, string? contentType, string? fileName)
    {
        _stream = stream;
        _streamStart = stream is { CanSeek: true } ? stream.Position : -1;
        _bytes = bytes;
        ContentType = contentType;
        FileName = fileName;
    }

    /// <summary>The media type (e.g. <c>image/png</c>); null uses the operation's default (<c>application/octet-stream</c>).</summary>
    public string? ContentType { get; }

    /// <summary>The file name a multipart part announces (<c>Content-Disposition: filename</c>); ignored for a whole-body upload.</summary>
    public string? FileName { get; }

    /// <summary>Whether the content is a stream (requests only) rather than bytes in memory.</summary>
    public bool IsStream => _stream is not null;

    /// <summary>The bytes; empty for stream content (read <see cref="OpenRead"/> instead).</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>Whether the content can be sent again (bytes, or a seekable stream).</summary>
    internal bool IsRepeatable => _stream is null || _stream.CanSeek;

    /// <summary>Content that sends <paramref name="stream"/> from its current position to its end.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    public static BinaryContent FromStream(Stream stream, string? contentType = null, string? fileName = null)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        return new BinaryContent(stream, default, contentType, fileName);
    }

    /// <summary>Content of <paramref name="bytes"/> (not copied: do not change them until the call completes).</summary>
    public static BinaryContent FromBytes(ReadOnlyMemory<byte> bytes, string? contentType = null, string? fileName = null) =>
        new(null, bytes, contentType, fileName);

    /// <summary>Bytes as content (not copied).</summary>
    public static implicit operator BinaryContent(byte[] bytes) => FromBytes(bytes ?? throw new ArgumentNullException(nameof(bytes)));

    /// <summary>A stream as content (read once per attempt).</summary>
    public static implicit operator BinaryContent(Stream stream) => FromStream(stream);

    /// <summary>A stream over the content; for stream content, the caller's stream itself (rewound when it can be).</summary>
    public Stream OpenRead()
    {
        if (_stream is null)
        {
            return new MemoryStream(_bytes.ToArray(), writable: false);
        }

        Rewind();
        return _stream;
    }

    /// <summary>A copy of the bytes (reads stream content to its end).</summary>
    public byte[] ToArray()
    {
        if (_stream is null)
        {
            return _bytes.ToArray();
        }

        using var copy = new MemoryStream();
        OpenRead().CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Puts a seekable stream back where it was when the content was made (before each attempt).</summary>
    internal void Rewind()
    {
        if (_stream is { CanSeek: true } && _stream.Position != _streamStart)
        {
            _stream.Position = _streamStart;
        }
    }

    internal Stream? Stream => _stream;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{ContentType ?? "application/octet-stream"}, {(_stream is null ? _bytes.Length + " bytes" : "stream")}{(FileName is null ? string.Empty : ", " + FileName)}";
}
