using System;

namespace Cloudflare.OpenApi;

/// <summary>
/// An enumeration of every page stopped because it would not end: the server sent a cursor or a page number again
/// (it ignores the paging parameters, or its cursors cycle), or the enumeration reached
/// <see cref="ApiClientOptions.MaxPages"/>. The items of the pages before were already returned.
/// </summary>
public class CloudflarePagingException : CloudflareException
{
    /// <summary>Creates the exception.</summary>
    public CloudflarePagingException(string message, int pagesFetched)
        : base(message, null)
    {
        PagesFetched = pagesFetched;
    }

    /// <summary>How many pages were fetched before the enumeration stopped.</summary>
    public int PagesFetched { get; }
}
