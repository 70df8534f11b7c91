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
    /// <summary>
    /// Enumerates every item, page by page: follows <c>result_info.cursor</c> when the server returns one, else asks for
    /// the next page number, and stops at an empty page, at the last page, or when the server repeats a cursor.
    /// </summary>
    public static async IAsyncEnumerable<T> EnumerateAsync<T>(
        CloudflarePageFetcher<T> fetchPage, long? firstPage, string? firstCursor, long? pageSize, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (fetchPage is null)
        {
            throw new ArgumentNullException(nameof(fetchPage));
        }

        var page = firstCursor is null ? firstPage : null;
        var cursor = firstCursor;
        while (true)
        {
            var current = await fetchPage(page, cursor, cancellationToken).ConfigureAwait(false);
            foreach (var item in current.Items)
            {
                yield return item;
            }

            if (!current.HasNextPage(pageSize))
            {
                yield break;
            }

            var nextCursor = current.ResultInfo?.Cursor;
            if (!string.IsNullOrEmpty(nextCursor))
            {
                if (nextCursor == cursor)
                {
                    yield break;
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
