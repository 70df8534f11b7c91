using System.Collections.Generic;
using System.ComponentModel;
using System.Net.Http;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>
/// An <c>application/x-www-form-urlencoded</c> body, filled by generated code field by field: null values are left
/// out, arrays are written as the spec's <c>style</c>/<c>explode</c> say (repeated names, or one delimited value).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class FormContent : RequestContent
{
    private readonly List<KeyValuePair<string, string>> _fields = new();

    /// <inheritdoc/>
    public override bool IsRepeatable => true;

    /// <summary>The fields, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields => _fields;

    /// <summary>Adds a field when it has a value.</summary>
    public FormContent Add(string name, string? value)
    {
        if (value is not null)
        {
            _fields.Add(new KeyValuePair<string, string>(name, value));
        }

        return this;
    }

    /// <summary>Adds every value as its own field (<c>explode: true</c>).</summary>
    public FormContent AddEach(string name, IEnumerable<string>? values)
    {
        if (values is not null)
        {
            foreach (var value in values)
            {
                _fields.Add(new KeyValuePair<string, string>(name, value));
            }
        }

        return this;
    }

    /// <summary>Adds the values as one field joined by <paramref name="delimiter"/> (<c>explode: false</c>).</summary>
    public FormContent AddJoined(string name, IEnumerable<string>? values, string delimiter) =>
        values is null ? this : Add(name, string.Join(delimiter, values));

    /// <inheritdoc/>
    public override HttpContent CreateHttpContent() => new FormUrlEncodedContent(_fields);
}
