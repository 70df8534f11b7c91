using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>Reflection-free writers used by generated converters.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Writes a sequence as a JSON array.</summary>
    public static void List<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonWriteAction<T> writeItem)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a sequence of generated models as a JSON array (no delegate: each item writes itself).</summary>
    public static void Models<T>(Utf8JsonWriter writer, IEnumerable<T> items) where T : IJsonSerializable<T>
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            T.WriteJson(writer, item);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a dictionary as a JSON object.</summary>
    public static void Map<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> items, JsonWriteAction<T> writeItem)
    {
        writer.WriteStartObject();
        foreach (var pair in items)
        {
            writer.WritePropertyName(pair.Key);
            writeItem(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a timestamp in ISO 8601 (round-trip) form.</summary>
    public static void DateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Serializes one value to UTF-8 JSON bytes.</summary>
    public static byte[] ToUtf8Bytes<T>(T value, JsonWriteAction<T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Deserializes one value from UTF-8 JSON bytes, requiring that nothing but white space follows it.</summary>
    public static T FromUtf8Bytes<T>(ReadOnlySpan<byte> json, JsonReadFunc<T> read)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
        {
            throw new JsonException("The JSON is empty.");
        }

        var value = read(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected data after the JSON value at byte {reader.TokenStartIndex}.");
        }

        return value;
    }
}
