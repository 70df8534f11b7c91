using System;

namespace Cloudflare.OpenApi;

/// <summary>
/// The response body is larger than <see cref="ApiClientOptions.MaxResponseSize"/>. Raised as soon as the
/// declared <c>Content-Length</c>, or the bytes read so far, pass the limit: the rest of the body is not read.
/// </summary>
public class CloudflareResponseTooLargeException : CloudflareApiException
{
    /// <summary>Creates the exception.</summary>
    public CloudflareResponseTooLargeException(string message, CloudflareApiFailure failure, long size, long limit, bool sizeIsDeclared)
        : base(message, failure)
    {
        Size = size;
        Limit = limit;
        SizeIsDeclared = sizeIsDeclared;
    }

    /// <summary>The declared size (<c>Content-Length</c>) or, without one, the bytes read when the limit was passed.</summary>
    public long Size { get; }

    /// <summary>The limit.</summary>
    public long Limit { get; }

    /// <summary>Whether <see cref="Size"/> is the declared <c>Content-Length</c> (else it is a lower bound).</summary>
    public bool SizeIsDeclared { get; }
}
