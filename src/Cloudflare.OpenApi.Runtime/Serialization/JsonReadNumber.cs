using System;
using System.ComponentModel;
using System.Text.Json;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>
/// Readers for the number widths a schema's <c>format</c> asks for (<c>int32</c> → <see cref="int"/>, <c>decimal</c> →
/// <see cref="decimal"/>), with the same contract as <see cref="JsonRead"/>: the reader is on the value's first token,
/// JSON <c>null</c> is "no value", and anything else throws a <see cref="JsonException"/> saying what was expected.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonReadNumber
{
    /// <summary>Reads a 32-bit integer, or null; an integral value written as <c>3.0</c> is accepted, one out of range is not.</summary>
    public static int? Int32(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt32(out var value))
                {
                    return value;
                }

                if (reader.TryGetDouble(out var d) && Math.Floor(d) == d && d >= int.MinValue && d <= int.MaxValue)
                {
                    return (int)d;
                }

                throw JsonRead.Unexpected(ref reader, "a 32-bit integer");
            case JsonTokenType.Null:
                return null;
            default:
                throw JsonRead.Unexpected(ref reader, "a 32-bit integer");
        }
    }

    /// <summary>Reads a decimal number (exactly as written, up to decimal's 28-29 digits), or null.</summary>
    public static decimal? Decimal(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var value))
                {
                    return value;
                }

                throw JsonRead.Unexpected(ref reader, "a decimal number");
            case JsonTokenType.Null:
                return null;
            default:
                throw JsonRead.Unexpected(ref reader, "a decimal number");
        }
    }
}
