using System.ComponentModel;
using System.Net.Http;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>
/// A request body other than JSON (form fields, multipart parts, bytes, text). JSON bodies stay a plain
/// <c>byte[]</c> so the JSON path costs nothing extra. The pipeline asks for a fresh <see cref="HttpContent"/> per
/// attempt, because a sent <see cref="HttpContent"/> cannot be sent again.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class RequestContent
{
    /// <summary>Whether the body can be sent more than once (false for a non-seekable stream): retries need it.</summary>
    public abstract bool IsRepeatable { get; }

    /// <summary>The body of one attempt.</summary>
    public abstract HttpContent CreateHttpContent();

    /// <summary>A whole-body upload of <paramref name="content"/>; <paramref name="defaultMediaType"/> applies when the content names none.</summary>
    public static RequestContent Binary(BinaryContent content, string defaultMediaType) => new BinaryRequestContent(content, defaultMediaType);

    /// <summary>A text body, UTF-8.</summary>
    public static RequestContent Text(string text, string mediaType) => new TextRequestContent(text, mediaType);
}
