using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>
/// Writes one property of a generated record: nothing when the value is null, unless <c>writeNull</c> (a required
/// property) says to write JSON <c>null</c>. Every generated <c>WriteJson</c> is one call of these per property instead of
/// an <c>if (value.X is { } x) { … } else { … }</c> per property, which kept the C# compiler busy (a pattern and two
/// blocks each) for no difference at run time: the calls are inlined.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWriteProperty
{
    /// <summary>Writes a string property.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void String(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, string? value, bool writeNull)
    {
        if (value is not null)
        {
            writer.WriteString(utf8Name, value);
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a boolean property.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Boolean(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, bool? value, bool writeNull)
    {
        if (value.HasValue)
        {
            writer.WriteBoolean(utf8Name, value.GetValueOrDefault());
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes an integer property.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Int64(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, long? value, bool writeNull)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(utf8Name, value.GetValueOrDefault());
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a 32-bit integer property.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Int32(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, int? value, bool writeNull)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(utf8Name, value.GetValueOrDefault());
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a number property.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, double? value, bool writeNull)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(utf8Name, value.GetValueOrDefault());
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a decimal number property.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Decimal(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, decimal? value, bool writeNull)
    {
        if (value.HasValue)
        {
            writer.WriteNumber(utf8Name, value.GetValueOrDefault());
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a timestamp property in ISO 8601 (round-trip) form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void DateTimeOffset(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, DateTimeOffset? value, bool writeNull)
    {
        if (value.HasValue)
        {
            writer.WriteString(utf8Name, value.GetValueOrDefault());
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a property holding any JSON value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Element(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, JsonElement? value, bool writeNull)
    {
        if (value.HasValue)
        {
            writer.WritePropertyName(utf8Name);
            value.GetValueOrDefault().WriteTo(writer);
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a property holding a generated record or union.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Model<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, T? value, bool writeNull) where T : class, IJsonSerializable<T>
    {
        if (value is not null)
        {
            writer.WritePropertyName(utf8Name);
            T.WriteJson(writer, value);
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a property holding a generated enum or value union (a struct).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Value<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, T? value, bool writeNull) where T : struct, IJsonSerializable<T>
    {
        if (value.HasValue)
        {
            writer.WritePropertyName(utf8Name);
            T.WriteJson(writer, value.GetValueOrDefault());
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a property holding an array of generated models.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Models<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, IEnumerable<T>? value, bool writeNull) where T : IJsonSerializable<T>
    {
        if (value is not null)
        {
            writer.WritePropertyName(utf8Name);
            JsonWrite.Models(writer, value);
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a property holding an array, each item by <paramref name="writeItem"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void List<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, IEnumerable<T>? value, JsonWriteAction<T> writeItem, bool writeNull)
    {
        if (value is not null)
        {
            writer.WritePropertyName(utf8Name);
            JsonWrite.List(writer, value, writeItem);
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }

    /// <summary>Writes a property holding a map, each value by <paramref name="writeItem"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Map<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8Name, IEnumerable<KeyValuePair<string, T>>? value, JsonWriteAction<T> writeItem, bool writeNull)
    {
        if (value is not null)
        {
            writer.WritePropertyName(utf8Name);
            JsonWrite.Map(writer, value, writeItem);
        }
        else if (writeNull)
        {
            writer.WriteNull(utf8Name);
        }
    }
}
