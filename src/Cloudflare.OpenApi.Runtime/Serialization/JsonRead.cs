using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>Reads one JSON value from a reader positioned on its first token.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one value as JSON.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate void JsonWriteAction<in T>(Utf8JsonWriter writer, T value);

/// <summary>
/// Reflection-free readers used by generated converters. Each one expects the reader on the value's first token,
/// accepts JSON <c>null</c> as "no value", and throws a <see cref="JsonException"/> that says what was expected.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>Reads a string, or null.</summary>
    public static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, "a string"),
    };

    /// <summary>Reads a boolean, or null.</summary>
    public static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, "true or false"),
    };

    /// <summary>Reads an integer, or null.</summary>
    public static long? Int64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var value))
                {
                    return value;
                }

                // Some servers write integers as 3.0; accept exact integral doubles, reject the rest.
                if (reader.TryGetDouble(out var d) && Math.Floor(d) == d && d >= long.MinValue && d <= long.MaxValue)
                {
                    return (long)d;
                }

                throw Unexpected(ref reader, "an integer");
            case JsonTokenType.Null:
                return null;
            default:
                throw Unexpected(ref reader, "an integer");
        }
    }

    /// <summary>Reads a number, or null.</summary>
    public static double? Double(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDouble(),
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, "a number"),
    };

    /// <summary>Reads an ISO 8601 timestamp, or null.</summary>
    public static DateTimeOffset? DateTimeOffset(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (reader.TryGetDateTimeOffset(out var value))
                {
                    return value;
                }

                // Accept what System.Text.Json's strict ISO 8601 profile refuses but is unambiguous (e.g. "2024-01-02 03:04:05Z").
                var text = reader.GetString();
                if (System.DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
                {
                    return value;
                }

                throw new JsonException($"'{text}' is not an ISO 8601 timestamp.");
            case JsonTokenType.Null:
                return null;
            default:
                throw Unexpected(ref reader, "an ISO 8601 timestamp string");
        }
    }

    /// <summary>Reads any JSON value (including <c>null</c>) as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement Element(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads an array, or null.</summary>
    public static List<T>? List<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(readItem(ref reader));
        }

        return list;
    }

    /// <summary>Reads an object with arbitrary keys, or null.</summary>
    public static Dictionary<string, T>? Map<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectStartObject(ref reader, "a map");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            map[key] = readItem(ref reader);
        }

        return map;
    }

    /// <summary>Throws unless the reader is on the start of an object.</summary>
    public static void ExpectStartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, $"an object ({typeName})");
        }
    }

    /// <summary>
    /// Finds the string value of a top-level property without moving <paramref name="reader"/>: the reader is copied
    /// (it is a struct over a complete buffer) and the copy is scanned. Returns null when the property is absent or not a string.
    /// </summary>
    public static string? PeekDiscriminator(ref Utf8JsonReader reader, ReadOnlySpan<byte> propertyName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var probe = reader;
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            var match = probe.ValueTextEquals(propertyName);
            probe.Read();
            if (match)
            {
                return probe.TokenType == JsonTokenType.String ? probe.GetString() : null;
            }

            probe.Skip();
        }

        return null;
    }

    /// <summary>The error for a required property that was absent or null.</summary>
    public static JsonException MissingRequired(string typeName, string jsonName) =>
        new($"The JSON for {typeName} has no value for the required property '{jsonName}'.");

    /// <summary>The error for a null item in an array or map whose items may not be null.</summary>
    public static JsonException NullItem() => new("The JSON array or map has a null item where a value is required.");

    /// <summary>The error for a token of the wrong kind.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Describe(reader.TokenType)} at byte {reader.TokenStartIndex}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
