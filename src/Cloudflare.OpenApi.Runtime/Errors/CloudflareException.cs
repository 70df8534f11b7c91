using System;

namespace Cloudflare.OpenApi;

/// <summary>
/// The base of every exception the SDK throws for a call that did not succeed: <see cref="CloudflareApiException"/>
/// (the API answered, with an error), <see cref="CloudflareConnectionException"/> (no complete answer arrived:
/// transport failure, a body cut off, <see cref="CloudflareTimeoutException">a timeout</see>) and
/// <see cref="CloudflarePagingException"/> (a listing that would never end). Argument checks throw
/// <see cref="ArgumentException"/> and caller cancellation <see cref="OperationCanceledException"/>, as in the BCL.
/// </summary>
public abstract class CloudflareException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected CloudflareException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
