using System.Text;
using System.Text.Json;
using Cloudflare.OpenApi.Serialization;

namespace Cloudflare.Workflows.Tests.Serialization;

/// <summary>
/// <see cref="JsonRead.PropertyIndex"/>, the lookup every generated ReadJson switches on: the table's wire format, escaped
/// names, names it does not hold, and names read from a multi-segment buffer.
/// </summary>
public sealed class PropertyTableTests
{

    [Theory]
    [InlineData("""{"id":1}""", 0)]
    [InlineData("""{"status":1}""", 1)]
    [InlineData("""{"st\u0061tus":1}""", 1)] // escaped: compared by its unescaped text
    [InlineData("""{"\u0069d":1}""", 0)]
    [InlineData("""{"stat":1}""", -1)] // a prefix of a name
    [InlineData("""{"statuses":1}""", -1)] // a name that has one as its prefix
    [InlineData("""{"ID":1}""", -1)] // ordinal
    [InlineData("""{"":1}""", -1)]
    public void Finds_the_place_of_the_name_and_moves_onto_the_value_only_when_found(string json, int expected)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        reader.Read();

        var index = JsonRead.PropertyIndex(ref reader, "\u0002id\u0006status"u8);

        Assert.Equal(expected, index);
        Assert.Equal(expected >= 0 ? JsonTokenType.Number : JsonTokenType.PropertyName, reader.TokenType);
    }

    [Fact]
    public void A_non_ascii_name_is_found_by_its_utf8_length()
    {
        var table = "\u0002id\u0005\u00e9t\u00e9"u8; // "été": 3 characters, 5 UTF-8 bytes
        var reader = new Utf8JsonReader("""{"été":true}"""u8);
        reader.Read();
        reader.Read();

        Assert.Equal(1, JsonRead.PropertyIndex(ref reader, table));
        Assert.True(reader.GetBoolean());
    }

    [Fact]
    public void A_long_escaped_name_is_unescaped_through_a_rented_buffer_and_still_compared()
    {
        var name = new string('a', 100);
        var escaped = string.Concat(Enumerable.Repeat("\\u0061", 100)); // 600 bytes of escapes for 100 bytes of name
        var table = Encoding.UTF8.GetBytes("\u0001x" + (char)100 + name);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($$"""{"{{escaped}}":1}"""));
        reader.Read();
        reader.Read();

        Assert.Equal(1, JsonRead.PropertyIndex(ref reader, table));
    }

    [Fact]
    public void A_name_split_across_buffer_segments_is_found()
    {
        var first = new Segment("{\"sta"u8.ToArray());
        var last = first.Append("tus\":7}"u8.ToArray());
        var reader = new Utf8JsonReader(new System.Buffers.ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();
        reader.Read();

        Assert.True(reader.HasValueSequence);
        Assert.Equal(1, JsonRead.PropertyIndex(ref reader, "\u0002id\u0006status"u8));
        Assert.Equal(7, reader.GetInt32());
    }

    private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data) => Memory = data;

        public Segment Append(byte[] data)
        {
            var next = new Segment(data) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
