namespace Cloudflare.Workflows.Tests.Infrastructure;

/// <summary>A request as the transport saw it: copied out before the pipeline disposes the message.</summary>
public sealed class RecordedRequest
{
    public RecordedRequest(
        string method,
        Uri uri,
        IReadOnlyDictionary<string, string> headers,
        IReadOnlyDictionary<string, string> contentHeaders,
        byte[]? body)
    {
        Method = method;
        Uri = uri;
        Headers = headers;
        ContentHeaders = contentHeaders;
        Body = body;
    }

    /// <summary>The HTTP method (GET, POST, …).</summary>
    public string Method { get; }

    /// <summary>The request URI object the transport received.</summary>
    public Uri Uri { get; }

    /// <summary>The URI as sent on the wire (<see cref="System.Uri.AbsoluteUri"/>: escaped, canonical).</summary>
    public string AbsoluteUri => Uri.AbsoluteUri;

    /// <summary>The URI string the SDK built, before <see cref="System.Uri"/> touched it.</summary>
    public string OriginalUri => Uri.OriginalString;

    /// <summary>Request headers, raw (not re-parsed), multiple values joined with ", ".</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Content headers (Content-Type, …), raw.</summary>
    public IReadOnlyDictionary<string, string> ContentHeaders { get; }

    /// <summary>The body bytes, or null when the request had no content.</summary>
    public byte[]? Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string? BodyText => Body is null ? null : Encoding.UTF8.GetString(Body);

    /// <summary>A request header, or null when it was not sent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A content header, or null when it was not sent.</summary>
    public string? ContentHeader(string name) => ContentHeaders.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {OriginalUri}";
}
