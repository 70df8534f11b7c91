using Cloudflare.OpenApi.Serialization;

namespace Cloudflare.Workflows.Tests.Serialization;

/// <summary>Serializes with a generated converter's WriteValue and reads back with its ReadValue.</summary>
internal static class RoundTrip
{
    public static T Through<T>(T value, JsonWriteAction<T> write, JsonReadFunc<T> read, out string json)
    {
        var bytes = JsonWrite.ToUtf8Bytes(value, write);
        json = Encoding.UTF8.GetString(bytes);
        return JsonWrite.FromUtf8Bytes(bytes, read);
    }

    /// <summary>Asserts the value survives write → read, equals the original, and keeps its hash code.</summary>
    public static string AssertSurvives<T>(T value, JsonWriteAction<T> write, JsonReadFunc<T> read)
        where T : notnull
    {
        var back = Through(value, write, read, out var json);
        Assert.Equal(value, back);
        Assert.Equal(value.GetHashCode(), back.GetHashCode());

        // Writing the copy again gives the same JSON: nothing was lost or added on the way.
        var again = Encoding.UTF8.GetString(JsonWrite.ToUtf8Bytes(back, write));
        JsonAssert.Equal(json, again);
        return json;
    }
}
