using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>Fetches one page given a page number or a cursor.</summary>
public delegate Task<CloudflarePage<T>> CloudflarePageFetcher<T>(long? page, string? cursor, CancellationToken cancellationToken);

/// <summary>Turns page-at-a-time list operations into one <see cref="IAsyncEnumerable{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CloudflarePager
{
    /// <summary>The page limit when none is given.</summary>
    public const int DefaultMaxPages = 10_000;

    /// <summary>Enumerates every item, page by page, with at most <see cref="DefaultMaxPages"/> pages.</summary>
    public static IAsyncEnumerable<T> EnumerateAsync<T>(
        CloudflarePageFetcher<T> fetchPage, long? firstPage, string? firstCursor, long? pageSize, CancellationToken cancellationToken = default) =>
        EnumerateAsync(fetchPage, firstPage, firstCursor, pageSize, DefaultMaxPages, cancellationToken);

    /// <summary>
    /// Enumerates every item, page by page: follows <c>result_info.cursor</c> when the server returns one, else asks for
    /// the next page number. Ends normally at an empty page or the last page. Every enumeration is bounded: it throws
    /// <see cref="CloudflarePagingException"/> when the server sends a cursor it sent before (cursors that cycle, A→B→A),
    /// answers a page number other than the one asked for (it ignores <c>page</c>), or after <paramref name="maxPages"/> pages.
    /// </summary>
    public static async IAsyncEnumerable<T> EnumerateAsync<T>(
        CloudflarePageFetcher<T> fetchPage, long? firstPage, string? firstCursor, long? pageSize, int maxPages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (fetchPage is null)
        {
            throw new ArgumentNullException(nameof(fetchPage));
        }

        if (maxPages <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPages), maxPages, "maxPages must be positive.");
        }

        var page = firstCursor is null ? firstPage : null;
        var cursor = firstCursor;
        HashSet<string>? seenCursors = null;
        if (cursor is not null)
        {
            (seenCursors = new HashSet<string>(StringComparer.Ordinal)).Add(cursor);
        }

        for (var fetched = 1; ; fetched++)
        {
            var current = await fetchPage(page, cursor, cancellationToken).ConfigureAwait(false);

            // A server that ignores `page` answers page 1 again: its items were returned already.
            if (page is { } asked && current.ResultInfo?.Page is { } answered && answered != asked)
            {
                throw new CloudflarePagingException(
                    $"The server answered page {answered} when page {asked} was asked for: it does not page by number, so the enumeration stopped after {fetched - 1} page(s) instead of repeating items.",
                    fetched);
            }

            foreach (var item in current.Items)
            {
                yield return item;
            }

            if (!current.HasNextPage(pageSize))
            {
                yield break;
            }

            if (fetched >= maxPages)
            {
                throw new CloudflarePagingException(
                    $"The enumeration reached the limit of {maxPages} pages (MaxPages) and the server still announces more; raise MaxPages or filter the listing.",
                    fetched);
            }

            var nextCursor = current.ResultInfo?.Cursor;
            if (!string.IsNullOrEmpty(nextCursor))
            {
                seenCursors ??= new HashSet<string>(StringComparer.Ordinal);
                if (!seenCursors.Add(nextCursor!))
                {
                    throw new CloudflarePagingException(
                        $"The server sent the cursor '{nextCursor}' a second time (its cursors cycle), so the enumeration stopped after {fetched} page(s) instead of repeating them.",
                        fetched);
                }

                cursor = nextCursor;
                page = null;
            }
            else
            {
                cursor = null;
                page = (current.ResultInfo?.Page ?? page ?? 1) + 1;
            }
        }
    }
}
