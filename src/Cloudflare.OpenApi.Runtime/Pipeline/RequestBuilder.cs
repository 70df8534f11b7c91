using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>
/// Describes one request of a generated method: its URI (a base, literal path parts, percent-encoded path parameters,
/// query parameters) and its header parameters.
/// Every parameter value is encoded with <see cref="Uri.EscapeDataString(string)"/>, so '/', '?', '#', '%' and spaces in
/// a value can never change the shape of the URL.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RequestBuilder
{
    private readonly StringBuilder _builder;
    private List<KeyValuePair<string, string>>? _headers;
    private bool _hasQuery;

    /// <summary>Starts from a base URI (any trailing '/' is dropped).</summary>
    public RequestBuilder(string baseUri)
    {
        _builder = new StringBuilder(baseUri.TrimEnd('/'), baseUri.Length + 128);
    }

    /// <summary>Appends a literal part of the path template.</summary>
    public RequestBuilder AppendPath(string literal)
    {
        _builder.Append(literal);
        return this;
    }

    /// <summary>Appends a path parameter, percent-encoded.</summary>
    /// <exception cref="ArgumentException">The value is "." or "..".</exception>
    public RequestBuilder AppendPathParameter(string value)
    {
        // System.Uri resolves "." and ".." segments (also when written %2E), so GET .../instances/.. would silently
        // address the workflow instead of an instance: no encoding can carry them, so refuse them before sending.
        if (value is "." or "..")
        {
            throw new ArgumentException($"A path parameter cannot be '{value}': URIs resolve '.' and '..' segments, so the request would reach a different resource.", nameof(value));
        }

        _builder.Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Appends a query parameter when it has a value.</summary>
    public RequestBuilder AppendQuery(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        _builder.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    /// <summary>Appends an integer query parameter when it has a value.</summary>
    public RequestBuilder AppendQuery(string name, long? value) =>
        AppendQuery(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Appends a number query parameter when it has a value.</summary>
    public RequestBuilder AppendQuery(string name, double? value) =>
        AppendQuery(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Appends a boolean query parameter ("true"/"false") when it has a value.</summary>
    public RequestBuilder AppendQuery(string name, bool? value) =>
        AppendQuery(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Appends a timestamp query parameter in UTC ISO 8601 without offset (as Cloudflare asks) when it has a value.</summary>
    public RequestBuilder AppendQuery(string name, DateTimeOffset? value) =>
        AppendQuery(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>Adds a header parameter when it has a value.</summary>
    public RequestBuilder AppendHeader(string name, string? value)
    {
        if (value is not null)
        {
            (_headers ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>The header parameters (empty when there are none).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The URI built so far.</summary>
    public Uri ToUri() => new(_builder.ToString(), UriKind.Absolute);

    /// <inheritdoc/>
    public override string ToString() => _builder.ToString();
}
