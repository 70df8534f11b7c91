using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>Reads one JSON value from a reader positioned on its first token.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate T JsonReadFunc<out T>(ref Utf8JsonReader reader);

/// <summary>Writes one value as JSON.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public delegate void JsonWriteAction<in T>(Utf8JsonWriter writer, T value);

/// <summary>
/// Reflection-free readers used by generated converters. Each one expects the reader on the value's first token and
/// accepts JSON <c>null</c> as "no value".
/// Reading is lenient by default, like the official SDKs: a value of the wrong JSON kind is skipped and read as null,
/// an integer written as an integral fraction (<c>3.0</c>) is read as the integer, a missing required property as its
/// type's default, and each replacement is reported to the handler of the current read
/// (<see cref="ApiClientOptions.ReadIssueHandler"/>). In strict mode (<see cref="ApiClientOptions.StrictReading"/>,
/// or <see cref="Strict"/> in a test) the same cases throw a <see cref="JsonException"/> that says what was expected.
/// The mode is per thread and per read: the pipeline sets it around each (synchronous) parse.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    [ThreadStatic]
    private static JsonReadSettings? t_settings;

    /// <summary>Reads in strict mode on this thread until the returned scope is disposed (for tests and tools).</summary>
    public static JsonReadScope Strict() => Enter(JsonReadSettings.StrictMode);

    /// <summary>Reads with <paramref name="settings"/> on this thread until the returned scope is disposed.</summary>
    public static JsonReadScope Enter(JsonReadSettings settings)
    {
        var previous = t_settings;
        t_settings = settings;
        return new JsonReadScope(previous);
    }

    internal static void Restore(JsonReadSettings? previous) => t_settings = previous;

    private static bool IsStrict => t_settings?.IsStrict == true;

    /// <summary>Reads a string, or null.</summary>
    public static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => Mismatch<string>(ref reader, "a string"),
    };

    /// <summary>Reads a boolean, or null.</summary>
    public static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => MismatchValue<bool>(ref reader, "true or false"),
    };

    /// <summary>Reads an integer, or null. An integral number written as a fraction (<c>3.0</c>, <c>1e3</c>) is that integer.</summary>
    public static long? Int64(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var value))
                {
                    return value;
                }

                // Cloudflare's reference declares `number` for code, count, per_page, step_count: 3.0 is 3.
                if (reader.TryGetDouble(out var d) && Math.Floor(d) == d && d >= long.MinValue && d < 9.2233720368547758E18)
                {
                    return (long)d;
                }

                return MismatchValue<long>(ref reader, "an integer");
            case JsonTokenType.Null:
                return null;
            default:
                return MismatchValue<long>(ref reader, "an integer");
        }
    }

    /// <summary>Reads a 32-bit integer, or null (same rules as <see cref="Int64"/>; out of range is a mismatch).</summary>
    public static int? Int32(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        var value = Int64(ref reader);
        if (value is { } v && (v < int.MinValue || v > int.MaxValue))
        {
            return Report<int>(start, "a 32-bit integer", $"{v}", "null");
        }

        return (int?)value;
    }

    /// <summary>Reads a number, or null.</summary>
    public static double? Double(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDouble(),
        JsonTokenType.Null => null,
        _ => MismatchValue<double>(ref reader, "a number"),
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

                if (IsStrict)
                {
                    throw new JsonException($"'{text}' is not an ISO 8601 timestamp.");
                }

                return Report<System.DateTimeOffset>(reader.TokenStartIndex, "an ISO 8601 timestamp", $"'{text}'", "null");
            case JsonTokenType.Null:
                return null;
            default:
                return MismatchValue<System.DateTimeOffset>(ref reader, "an ISO 8601 timestamp string");
        }
    }

    /// <summary>
    /// Moves to the next property of the object being read: true on its name, false at the end of the object. With
    /// <see cref="Property"/> and <see cref="SkipValue"/> it is the loop of every generated <c>ReadJson</c>; these small
    /// calls instead of the statements they stand for keep the generated code, and the compiler's work on it, small.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>True, with the reader moved onto the value, when the current property is <paramref name="utf8Name"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Property(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8Name)
    {
        if (!reader.ValueTextEquals(utf8Name))
        {
            return false;
        }

        reader.Read();
        return true;
    }

    /// <summary>Skips the value of the current property (one the type does not know).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>
    /// Reads a generated record, or null: JSON null is null; (lenient) a value of another kind is skipped, reported and
    /// read as null. See <see cref="StartsObject"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? Object<T>(ref Utf8JsonReader reader, string typeName) where T : class, IJsonSerializable<T> =>
        StartsObject(ref reader, typeName) ? T.ReadJson(ref reader) : null;

    /// <summary>Reads a generated open enum, or null: same rules as <see cref="StartsString"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? Enum<T>(ref Utf8JsonReader reader, string typeName) where T : struct, IJsonSerializable<T> =>
        StartsString(ref reader, typeName) ? T.ReadJson(ref reader) : null;

    /// <summary>Reads a generated integer enum, or null: same rules as <see cref="StartsInteger"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? IntegerEnum<T>(ref Utf8JsonReader reader, string typeName) where T : struct, IJsonSerializable<T> =>
        StartsInteger(ref reader, typeName) ? T.ReadJson(ref reader) : null;

    /// <summary>Reads a generated union, or null on JSON null (the union checks the kinds of its variants itself).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? Union<T>(ref Utf8JsonReader reader) where T : class, IJsonSerializable<T> =>
        reader.TokenType == JsonTokenType.Null ? null : T.ReadJson(ref reader);

    /// <summary>Reads a generated value union (a struct), or null on JSON null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T? ValueUnion<T>(ref Utf8JsonReader reader) where T : struct, IJsonSerializable<T> =>
        reader.TokenType == JsonTokenType.Null ? null : T.ReadJson(ref reader);

    /// <summary>Reads any JSON value (including <c>null</c>) as a detached <see cref="JsonElement"/>.</summary>
    public static JsonElement Element(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads an array, or null.</summary>
    public static List<T>? List<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem) =>
        ReadList<T, DelegateItems<T>>(ref reader, new DelegateItems<T>(readItem));

    /// <summary>Reads an array of generated models, or null (no delegate: each item reads itself). Same rules as <see cref="List{T}(ref Utf8JsonReader, JsonReadFunc{T})"/>.</summary>
    public static List<T>? Models<T>(ref Utf8JsonReader reader) where T : IJsonSerializable<T> =>
        ReadList<T, ModelItems<T>>(ref reader, default);

    /// <summary>The one array loop of <see cref="List{T}(ref Utf8JsonReader, JsonReadFunc{T})"/> and <see cref="Models{T}"/>; the struct item reader is specialised by the JIT, so neither pays for the other.</summary>
    private static List<T>? ReadList<T, TItems>(ref Utf8JsonReader reader, TItems items)
        where TItems : struct, IItemReader<T>
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Mismatch<List<T>>(ref reader, "an array");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(items.Read(ref reader));
        }

        return list;
    }

    private interface IItemReader<out T>
    {
        T Read(ref Utf8JsonReader reader);
    }

    private readonly struct DelegateItems<T>(JsonReadFunc<T> read) : IItemReader<T>
    {
        public T Read(ref Utf8JsonReader reader) => read(ref reader);
    }

    private readonly struct ModelItems<T> : IItemReader<T> where T : IJsonSerializable<T>
    {
        public T Read(ref Utf8JsonReader reader) => T.ReadJson(ref reader);
    }

    /// <summary>
    /// Reads an array into an array of exactly its length, or null: the items are collected in a buffer from
    /// <see cref="System.Buffers.ArrayPool{T}"/>, so the growth steps of a <see cref="List{T}"/> (4, 8, 16, … and the
    /// list itself) are not left behind as garbage. Same rules as <see cref="List{T}(ref Utf8JsonReader, JsonReadFunc{T})"/>.
    /// </summary>
    internal static T[]? Array<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Mismatch<T[]>(ref reader, "an array");
        }

        var pool = System.Buffers.ArrayPool<T>.Shared;
        T[]? buffer = null;
        var count = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var item = readItem(ref reader);
                if (buffer is null || count == buffer.Length)
                {
                    var bigger = pool.Rent(buffer is null ? 16 : buffer.Length * 2);
                    if (buffer is not null)
                    {
                        System.Array.Copy(buffer, bigger, count);
                        pool.Return(buffer, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
                    }

                    buffer = bigger;
                }

                buffer[count++] = item;
            }

            if (count == 0)
            {
                return System.Array.Empty<T>();
            }

            var items = new T[count];
            System.Array.Copy(buffer!, items, count);
            return items;
        }
        finally
        {
            if (buffer is not null)
            {
                // Cleared: the pool must not keep the items (or what they reference) alive.
                pool.Return(buffer, clearArray: System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            }
        }
    }

    /// <summary>Reads an object with arbitrary keys, or null.</summary>
    public static Dictionary<string, T>? Map<T>(ref Utf8JsonReader reader, JsonReadFunc<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Mismatch<Dictionary<string, T>>(ref reader, "a map");
        }

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
    /// For a nullable object read: true on the start of an object; false on JSON null, and (lenient) on a value of any
    /// other kind, which is skipped and reported. Strict mode throws for the other kinds.
    /// </summary>
    public static bool StartsObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            Mismatch<object>(ref reader, $"an object ({typeName})");
        }

        return false;
    }

    /// <summary>
    /// For a nullable string-valued read (an open enum): true on a string; false on JSON null, and (lenient) on a value
    /// of any other kind, which is skipped and reported. Strict mode throws for the other kinds.
    /// </summary>
    public static bool StartsString(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            Mismatch<object>(ref reader, $"a string ({typeName})");
        }

        return false;
    }

    /// <summary>
    /// For a nullable integer-valued read (an integer enum): true on a number that is a 64-bit integer; false on JSON null,
    /// and (lenient) on any other value (a fraction, a string), which is skipped and reported. Strict mode throws for those.
    /// </summary>
    public static bool StartsInteger(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out _))
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            Mismatch<object>(ref reader, $"an integer ({typeName})");
        }

        return false;
    }

    /// <summary>
    /// Finds the value of a top-level string or number property without moving <paramref name="reader"/>: the reader is
    /// copied (it is a struct over a complete buffer) and the copy is scanned. A number is returned as its JSON text.
    /// Returns null when the property is absent or neither a string nor a number.
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
                // A number tag (Discord's `type: 11`) is compared by its JSON text, as the generated cases list it.
                return probe.TokenType switch
                {
                    JsonTokenType.String => probe.GetString(),
                    JsonTokenType.Number => Encoding.UTF8.GetString(probe.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(probe.ValueSequence) : probe.ValueSpan.ToArray()),
                    _ => null,
                };
            }

            probe.Skip();
        }

        return null;
    }

    /// <summary>
    /// A required property that was absent or null: its type's default (null for a reference type) in lenient mode,
    /// reported; a <see cref="JsonException"/> in strict mode.
    /// </summary>
    public static T MissingRequired<T>(string typeName, string jsonName)
    {
        if (IsStrict)
        {
            throw MissingRequired(typeName, jsonName);
        }

        Report<T>(-1, $"the required property '{jsonName}' of {typeName}", "nothing (absent or null)", "the default value");
        return default!;
    }

    /// <summary>The error for a required property that was absent or null.</summary>
    public static JsonException MissingRequired(string typeName, string jsonName) =>
        new($"The JSON for {typeName} has no value for the required property '{jsonName}'.");

    /// <summary>The error for a null item in an array or map whose items may not be null.</summary>
    public static JsonException NullItem() => new("The JSON array or map has a null item where a value is required.");

    /// <summary>The error for a token of the wrong kind.</summary>
    public static JsonException Unexpected(ref Utf8JsonReader reader, string expected) =>
        new($"Expected {expected} but found {Describe(reader.TokenType)} at byte {reader.TokenStartIndex}.");

    // A value of the wrong kind: strict throws; lenient skips the whole value (an object or array too), reports it, and reads null.
    private static T? Mismatch<T>(ref Utf8JsonReader reader, string expected)
        where T : class
    {
        if (IsStrict)
        {
            throw Unexpected(ref reader, expected);
        }

        var start = reader.TokenStartIndex;
        var found = DescribeValue(ref reader);
        reader.Skip();
        Report<T>(start, expected, found, "null");
        return null;
    }

    private static T? MismatchValue<T>(ref Utf8JsonReader reader, string expected)
        where T : struct
    {
        if (IsStrict)
        {
            throw Unexpected(ref reader, expected);
        }

        var start = reader.TokenStartIndex;
        var found = DescribeValue(ref reader);
        reader.Skip();
        Report<T>(start, expected, found, "null");
        return null;
    }

    private static T? Report<T>(long offset, string expected, string found, string replacement)
    {
        t_settings?.Handler?.Invoke(new CloudflareReadIssue(expected, found, offset, replacement));
        return default;
    }

    private static string DescribeValue(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => $"the number {Encoding.UTF8.GetString(reader.ValueSpan)}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => Describe(reader.TokenType),
    };

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

/// <summary>How the readers of one parse behave: strict or lenient, and who hears about replaced values.</summary>
public sealed class JsonReadSettings
{
    internal static readonly JsonReadSettings StrictMode = new(true, null);

    /// <summary>Creates settings.</summary>
    public JsonReadSettings(bool isStrict, Action<CloudflareReadIssue>? handler)
    {
        IsStrict = isStrict;
        Handler = handler;
    }

    /// <summary>Whether a schema mismatch throws.</summary>
    public bool IsStrict { get; }

    /// <summary>Hears each value lenient reading replaced.</summary>
    public Action<CloudflareReadIssue>? Handler { get; }
}

/// <summary>Restores the previous read settings of the thread when disposed.</summary>
public readonly struct JsonReadScope : IDisposable
{
    private readonly JsonReadSettings? _previous;

    internal JsonReadScope(JsonReadSettings? previous) => _previous = previous;

    /// <summary>Restores the previous settings.</summary>
    public void Dispose() => JsonRead.Restore(_previous);
}
