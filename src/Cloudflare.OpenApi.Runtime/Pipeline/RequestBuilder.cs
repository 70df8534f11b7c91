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
public sealed partial class RequestBuilder
{
    // One StringBuilder per thread is reused across requests (the BCL's StringBuilderCache idea): a builder is taken
    // out of the cache when a RequestBuilder starts and put back once the URI is built, which is before the request
    // is sent, so a request costs its final string and no builder or char[] of its own. A builder that is never
    // finished (an exception in between) is simply not returned; the next request makes a new one.
    private const int MaxCachedCapacity = 1024;

    [ThreadStatic]
    private static StringBuilder? t_cachedBuilder;

    private StringBuilder? _builder;
    private string? _built;
    private List<KeyValuePair<string, string>>? _headers;
    private bool _hasQuery;

    /// <summary>Starts from a base URI (any trailing '/' is dropped).</summary>
    public RequestBuilder(string baseUri)
        : this(baseUri, null)
    {
    }

    /// <summary>Starts from a base URI (any trailing '/' is dropped) for the operation at <paramref name="pathTemplate"/>.</summary>
    /// <param name="baseUri">The client's base URI.</param>
    /// <param name="pathTemplate">The operation's path as the spec writes it (<c>/accounts/{account_id}/…</c>), for telemetry.</param>
    public RequestBuilder(string baseUri, string? pathTemplate)
    {
        _builder = Acquire(baseUri.Length + 128).Append(baseUri.TrimEnd('/'));
        PathTemplate = pathTemplate;
    }

    /// <summary>
    /// The operation's path template (<c>/accounts/{account_id}/workflows/{workflow_name}</c>): what logs, metrics and
    /// spans show instead of the expanded path, whose values are unbounded and may be sensitive.
    /// </summary>
    public string? PathTemplate { get; }

    // The builder to append to: after the URI was built (ToString/ToUri), appending starts a new one from it.
    private StringBuilder Builder => _builder ??= Acquire(_built!.Length + 128).Append(_built);

    /// <summary>Appends a literal part of the path template.</summary>
    public RequestBuilder AppendPath(string literal)
    {
        Builder.Append(literal);
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

        Builder.Append(Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Appends a query parameter when it has a value.</summary>
    public RequestBuilder AppendQuery(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        Builder.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        _hasQuery = true;
        return this;
    }

    /// <summary>Appends one query parameter per value (<c>style: form, explode: true</c>: <c>ids=a&amp;ids=b</c>).</summary>
    public RequestBuilder AppendQueryEach(string name, IEnumerable<string>? values)
    {
        if (values is not null)
        {
            foreach (var value in values)
            {
                AppendQuery(name, value);
            }
        }

        return this;
    }

    /// <summary>
    /// Appends the values as one query parameter joined by <paramref name="delimiter"/> (<c>explode: false</c>:
    /// <c>ids=a,b</c>; <c>spaceDelimited</c>, <c>pipeDelimited</c>). Each value is percent-encoded, the delimiter is
    /// not (a comma is a literal sub-delimiter; space and '|' are written %20 and %7C), so a comma inside a value stays
    /// distinguishable from the delimiter.
    /// </summary>
    public RequestBuilder AppendQueryJoined(string name, IEnumerable<string>? values, string delimiter)
    {
        if (values is null)
        {
            return this;
        }

        var separator = delimiter == "," ? "," : Uri.EscapeDataString(delimiter);
        var builder = Builder.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(name)).Append('=');
        _hasQuery = true;
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                builder.Append(separator);
            }

            first = false;
            builder.Append(Uri.EscapeDataString(value));
        }

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

    /// <summary>
    /// Adds a cookie parameter when it has a value: <c>name=value</c> in the request's one <c>Cookie</c> header, after the
    /// cookies added before it (<c>a=1; b=2</c>). The value is percent-encoded (OpenAPI's <c>style: form</c>), so a
    /// <c>;</c>, a space or a line break in it cannot end the cookie or the header.
    /// </summary>
    public RequestBuilder AppendCookie(string name, string? value)
    {
        if (value is null)
        {
            return this;
        }

        var pair = name + "=" + Uri.EscapeDataString(value);
        var headers = _headers ??= new List<KeyValuePair<string, string>>();
        var index = headers.FindIndex(h => h.Key == "Cookie");
        if (index < 0)
        {
            headers.Add(new KeyValuePair<string, string>("Cookie", pair));
        }
        else
        {
            headers[index] = new KeyValuePair<string, string>("Cookie", headers[index].Value + "; " + pair);
        }

        return this;
    }

    /// <summary>A body other than JSON (form, multipart, bytes, text); JSON bodies are passed to the pipeline as bytes.</summary>
    public RequestContent? Content { get; set; }

    /// <summary>The <c>Accept</c> header when the operation answers something other than JSON (null: <c>application/json</c>).</summary>
    public string? Accept { get; set; }

    /// <summary>The header parameters (empty when there are none).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => (IReadOnlyList<KeyValuePair<string, string>>?)_headers ?? Array.Empty<KeyValuePair<string, string>>();

    /// <summary>The URI built so far.</summary>
    public Uri ToUri() => new(ToString(), UriKind.Absolute);

    /// <inheritdoc/>
    public override string ToString()
    {
        if (_builder is { } builder)
        {
            _built = builder.ToString();
            _builder = null;
            Release(builder);
        }

        return _built!;
    }

    private static StringBuilder Acquire(int capacity)
    {
        var builder = t_cachedBuilder;
        if (builder is not null && builder.Capacity >= capacity)
        {
            t_cachedBuilder = null;
            return builder;
        }

        return new StringBuilder(capacity);
    }

    private static void Release(StringBuilder builder)
    {
        if (builder.Capacity <= MaxCachedCapacity)
        {
            builder.Clear();
            t_cachedBuilder = builder;
        }
    }
}
