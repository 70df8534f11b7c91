using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Cloudflare.OpenApi.Infrastructure;

public sealed partial class RequestBuilder
{
    /// <summary>
    /// Appends a query parameter whose value is an object, a map or a union, given as its UTF-8 JSON, the way the
    /// OpenAPI <paramref name="style"/> writes it (<see cref="QueryStyle"/>). A string, number or boolean value is
    /// one parameter, as a scalar parameter; an array is written as an array parameter of that style.
    /// </summary>
    /// <remarks>
    /// JSON <c>null</c> values (the whole value, a property or an item) are left out: a query has no null. Where the
    /// OpenAPI specification leaves a nesting undefined — an object or array inside a <c>form</c> or delimited
    /// value, an object inside an array — that value is written as its JSON text, the form servers that accept
    /// such parameters read; <c>deepObject</c> nests brackets instead (<c>filter[created][gt]=1</c>) and repeats the
    /// name for each item of an array (<c>filter[tag]=a&amp;filter[tag]=b</c>). Names and values are percent-encoded,
    /// brackets included, as <c>qs</c> (which Stainless's TypeScript SDKs use) writes them.
    /// </remarks>
    public RequestBuilder AppendQueryJson(string name, byte[]? json, QueryStyle style)
    {
        if (json is null)
        {
            return this;
        }

        if (style == QueryStyle.JsonText)
        {
            return AppendQuery(name, System.Text.Encoding.UTF8.GetString(json));
        }

        using var document = JsonDocument.Parse(json);
        var value = document.RootElement;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when style == QueryStyle.DeepObject:
                AppendDeepObject(name, value);
                break;
            case JsonValueKind.Object when style == QueryStyle.Form:
                foreach (var property in value.EnumerateObject())
                {
                    AppendQueryValue(property.Name, property.Value);
                }

                break;
            case JsonValueKind.Object:
                AppendQueryJoined(name, KeysAndValues(value), Delimiter(style));
                break;
            case JsonValueKind.Array when style is QueryStyle.Form or QueryStyle.DeepObject:
                AppendQueryValue(name, value);
                break;
            case JsonValueKind.Array:
                AppendQueryJoined(name, Items(value), Delimiter(style));
                break;
            default:
                AppendQuery(name, Text(value));
                break;
        }

        return this;
    }

    // A value as form parameters: an array's items repeated under the name, anything else one parameter.
    private void AppendQueryValue(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            AppendQueryEach(name, Items(value));
        }
        else
        {
            AppendQuery(name, Text(value));
        }
    }

    private void AppendDeepObject(string prefix, JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            var name = prefix + "[" + property.Name + "]";
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                AppendDeepObject(name, property.Value);
            }
            else
            {
                AppendQueryValue(name, property.Value);
            }
        }
    }

    private static IEnumerable<string> KeysAndValues(JsonElement value)
    {
        foreach (var property in value.EnumerateObject())
        {
            if (Text(property.Value) is { } text)
            {
                yield return property.Name;
                yield return text;
            }
        }
    }

    private static IEnumerable<string> Items(JsonElement array)
    {
        foreach (var item in array.EnumerateArray())
        {
            if (Text(item) is { } text)
            {
                yield return text;
            }
        }
    }

    // The query text of a JSON value: null has none; an object or array inside a value is its JSON text.
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    private static string Delimiter(QueryStyle style) => style switch
    {
        QueryStyle.SpaceDelimited => " ",
        QueryStyle.PipeDelimited => "|",
        QueryStyle.Form or QueryStyle.FormUnexploded or QueryStyle.DeepObject => ",",
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown query style."),
    };
}
