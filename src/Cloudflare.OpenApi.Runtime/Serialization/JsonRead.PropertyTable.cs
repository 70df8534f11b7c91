using System;
using System.Buffers;
using System.Text.Json;

namespace Cloudflare.OpenApi.Serialization;

public static partial class JsonRead
{
    /// <summary>Names up to this many UTF-8 bytes go in a property table (its length byte must be one UTF-8 byte).</summary>
    public const int MaxTableNameLength = 127;

    /// <summary>
    /// The position, in <paramref name="table"/>, of the property the reader is on, with the reader moved onto its
    /// value; or -1, with the reader left on the name, when the table does not hold it. The table is the record's
    /// property names as one UTF-8 literal, each after a byte that gives its length
    /// (<c>"\u0002id\u0005count"u8</c>, at most <see cref="MaxTableNameLength"/> bytes per name): a generated
    /// <c>ReadJson</c> switches on the result, one <c>case</c> per property, where it would otherwise test each name in
    /// turn. Escaped names (<c>"\u0069d"</c>) are compared by their unescaped text, as <c>ValueTextEquals</c> does.
    /// </summary>
    public static int PropertyIndex(ref Utf8JsonReader reader, ReadOnlySpan<byte> table)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return PropertyIndexUnescaped(ref reader, table);
        }

        var index = Find(reader.ValueSpan, table);
        if (index >= 0)
        {
            reader.Read();
        }

        return index;
    }

    private static int PropertyIndexUnescaped(ref Utf8JsonReader reader, ReadOnlySpan<byte> table)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        byte[]? rented = null;
        var buffer = length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var index = Find(buffer.Slice(0, reader.CopyString(buffer)), table);
            if (index >= 0)
            {
                reader.Read();
            }

            return index;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static int Find(ReadOnlySpan<byte> name, ReadOnlySpan<byte> table)
    {
        var index = 0;
        while (!table.IsEmpty)
        {
            int length = table[0];
            if (length == name.Length && table.Slice(1, length).SequenceEqual(name))
            {
                return index;
            }

            table = table.Slice(1 + length);
            index++;
        }

        return -1;
    }
}
