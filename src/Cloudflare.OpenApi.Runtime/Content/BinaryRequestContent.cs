using System.Net.Http;
using System.Net.Http.Headers;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>A binary request body (<c>application/octet-stream</c>, <c>image/png</c>, …).</summary>
internal sealed class BinaryRequestContent : RequestContent
{
    private readonly BinaryContent _content;
    private readonly string _mediaType;

    public BinaryRequestContent(BinaryContent content, string defaultMediaType)
    {
        _content = content;
        _mediaType = content.ContentType ?? defaultMediaType;
    }

    public override bool IsRepeatable => _content.IsRepeatable;

    public override HttpContent CreateHttpContent() => Create(_content, _mediaType);

    /// <summary>One attempt's content of <paramref name="content"/>; a seekable stream is rewound first.</summary>
    internal static HttpContent Create(BinaryContent content, string mediaType)
    {
        HttpContent http;
        if (content.Stream is { } stream)
        {
            content.Rewind();

            // The pipeline owns and disposes the HttpContent; the caller owns the stream.
            http = new StreamContent(new NonClosingStream(stream));
        }
        else
        {
            http = new ReadOnlyMemoryContent(content.Memory);
        }

        http.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return http;
    }
}
