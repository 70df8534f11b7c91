using System.Net.Http;
using System.Text;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>A text request body (<c>text/plain</c>, …), UTF-8.</summary>
internal sealed class TextRequestContent : RequestContent
{
    private readonly string _text;
    private readonly string _mediaType;

    public TextRequestContent(string text, string mediaType)
    {
        _text = text;

        // A media type with its own charset parameter keeps it; StringContent adds "charset=utf-8" otherwise.
        var semicolon = mediaType.IndexOf(';');
        _mediaType = semicolon < 0 ? mediaType : mediaType.Substring(0, semicolon).Trim();
    }

    public override bool IsRepeatable => true;

    public override HttpContent CreateHttpContent() => new StringContent(_text, Encoding.UTF8, _mediaType);
}
