using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>
/// The value of a generated union whose object branches nothing tells apart (no discriminator, no tag, no property only
/// one branch requires): either the branch record it was created from, or the JSON it was read from. Reading cannot
/// choose a branch, so the JSON is kept whole and <see cref="As{T}"/> reads it as the branch the caller asks for;
/// writing writes the record, or the JSON as it came. Generated structs hold one of these and add one typed
/// constructor, conversion and <c>As…()</c> per branch.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct JsonChoice : IEquatable<JsonChoice>
{
    private readonly object? _model;
    private readonly JsonWriteAction<object>? _write;
    private readonly JsonElement _json;

    private JsonChoice(object? model, JsonWriteAction<object>? write, JsonElement json)
    {
        _model = model;
        _write = write;
        _json = json;
    }

    /// <summary>A value created from a branch record.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static JsonChoice Of<T>(T model) where T : class, IJsonSerializable<T> =>
        new(model ?? throw new ArgumentNullException(nameof(model)), Writer<T>.Write, default);

    /// <summary>A value created from the map branch (an object of any keys, Discord's <c>ErrorDetails</c>).</summary>
    /// <param name="map">The entries.</param>
    /// <param name="writeValue">Writes one entry's value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    public static JsonChoice OfMap<T>(IReadOnlyDictionary<string, T> map, JsonWriteAction<T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(map);
        return new(map, (writer, value) => JsonWrite.Map(writer, (IReadOnlyDictionary<string, T>)value, writeValue), default);
    }

    /// <summary>The empty object, <c>{}</c>: the value of a branch that names no property (Cloudflare's "scan everything" request).</summary>
    public static JsonChoice EmptyObject { get; } = new(null, null, ParseEmptyObject());

    /// <summary>Reads the value at the reader (any JSON value) and keeps it.</summary>
    public static JsonChoice Read(ref Utf8JsonReader reader) => new(null, null, JsonElement.ParseValue(ref reader));

    /// <summary>The JSON of the value: as read, or the record written out; <c>null</c> for a default value.</summary>
    public JsonElement Json
    {
        get
        {
            if (_model is null && _json.ValueKind != JsonValueKind.Undefined)
            {
                return _json;
            }

            // A created value (or a default one, which writes null): its JSON as written, detached from the document.
            using var document = JsonDocument.Parse(Utf8());
            return document.RootElement.Clone();
        }
    }

    /// <summary>
    /// The value as the branch <typeparamref name="T"/>: the record it was created from, or its JSON read as a
    /// <typeparamref name="T"/> (with the client's reading rules: properties of other branches are ignored, missing
    /// required ones take their defaults and are reported, or throw in strict mode).
    /// </summary>
    public T As<T>() where T : class, IJsonSerializable<T>
    {
        if (_model is T model)
        {
            return model;
        }

        return JsonWrite.FromUtf8Bytes(Utf8(), static (ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.StartObject
            ? T.ReadJson(ref reader)
            : throw JsonRead.Unexpected(ref reader, "an object (" + typeof(T).Name + ")"));
    }

    /// <summary>
    /// The value as the map branch: the map it was created from, or its JSON read as one (each entry's value with
    /// <paramref name="readValue"/>, under the client's reading rules).
    /// </summary>
    /// <exception cref="JsonException">The JSON is not an object.</exception>
    public IReadOnlyDictionary<string, T> AsMap<T>(JsonReadFunc<T> readValue)
    {
        if (_model is IReadOnlyDictionary<string, T> map)
        {
            return map;
        }

        return JsonWrite.FromUtf8Bytes<IReadOnlyDictionary<string, T>>(Utf8(), (ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.StartObject
            ? JsonRead.Map(ref reader, readValue)!
            : throw JsonRead.Unexpected(ref reader, "an object (a map)"));
    }

    /// <summary>Writes the record, or the JSON as it was read (JSON <c>null</c> for a default value).</summary>
    public void Write(Utf8JsonWriter writer)
    {
        if (_model is not null)
        {
            _write!(writer, _model);
        }
        else if (_json.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            _json.WriteTo(writer);
        }
    }

    /// <summary>Equal when the two values have the same JSON (<see cref="ValueEquality.JsonDeepEquals"/>).</summary>
    public bool Equals(JsonChoice other) =>
        (_model is not null && ReferenceEquals(_model, other._model)) || ValueEquality.JsonDeepEquals(Json, other.Json);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JsonChoice other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Json.ValueKind;

    /// <summary>The JSON text of the value.</summary>
    public override string ToString() => Json.GetRawText();

    // The value's UTF-8 JSON: as read, or the record (JSON null for a default value) written out.
    private byte[] Utf8() => _model is null && _json.ValueKind != JsonValueKind.Undefined
        ? Encoding.UTF8.GetBytes(_json.GetRawText())
        : JsonWrite.ToUtf8Bytes(this, static (writer, value) => value.Write(writer));

    private static class Writer<T> where T : class, IJsonSerializable<T>
    {
        public static readonly JsonWriteAction<object> Write = static (writer, value) => T.WriteJson(writer, (T)value);
    }

    private static JsonElement ParseEmptyObject()
    {
        using var document = JsonDocument.Parse("{}"u8.ToArray());
        return document.RootElement.Clone();
    }
}
