using System.Collections;
using System.Collections.Generic;

namespace Cloudflare.OpenApi;

/// <summary>The paging part of Cloudflare's envelope (<c>result_info</c>).</summary>
public sealed record CloudflareResultInfo
{
    /// <summary>Items on this page.</summary>
    public long? Count { get; init; }

    /// <summary>The page size.</summary>
    public long? PerPage { get; init; }

    /// <summary>Items in all pages.</summary>
    public long? TotalCount { get; init; }

    /// <summary>The cursor of the next page, when the API pages by cursor.</summary>
    public string? Cursor { get; init; }

    /// <summary>This page's number (from 1).</summary>
    public long? Page { get; init; }

    /// <summary>Number of pages.</summary>
    public long? TotalPages { get; init; }
}

/// <summary>One page of a list result, with its <c>result_info</c>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class CloudflarePage<T> : IReadOnlyList<T>
{
    /// <summary>Creates a page.</summary>
    public CloudflarePage(IReadOnlyList<T> items, CloudflareResultInfo? resultInfo)
    {
        Items = items;
        ResultInfo = resultInfo;
    }

    /// <summary>The items of this page.</summary>
    public IReadOnlyList<T> Items { get; }

    /// <summary>The envelope's <c>result_info</c>, when present.</summary>
    public CloudflareResultInfo? ResultInfo { get; }

    /// <inheritdoc/>
    public int Count => Items.Count;

    /// <inheritdoc/>
    public T this[int index] => Items[index];

    /// <summary>
    /// Whether another page may follow: a cursor was returned, or the page numbers say so, or (with no total) the page was full.
    /// </summary>
    public bool HasNextPage(long? requestedPageSize)
    {
        if (!string.IsNullOrEmpty(ResultInfo?.Cursor))
        {
            return Items.Count > 0;
        }

        // Page numbers decide when the server gives them: a page can be empty (or emptied by a policy) mid-way.
        if (ResultInfo?.Page is { } page && ResultInfo.TotalPages is { } totalPages)
        {
            return page < totalPages;
        }

        if (Items.Count == 0)
        {
            return false;
        }

        if (ResultInfo?.Page is { } p && ResultInfo.PerPage is { } perPage && ResultInfo.TotalCount is { } total)
        {
            return p * perPage < total;
        }

        var size = requestedPageSize ?? ResultInfo?.PerPage;
        return size is { } s && Items.Count >= s;
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
