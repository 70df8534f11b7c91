namespace Cloudflare.Workflows.Tests.Infrastructure;

/// <summary>JSON assertions that compare parsed values (property order and whitespace do not matter; numbers compare by value).</summary>
public static class JsonAssert
{
    /// <summary>Fails unless <paramref name="actual"/> is the same JSON value as <paramref name="expected"/>.</summary>
    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual!);
        if (!JsonElement.DeepEquals(e.RootElement, a.RootElement))
        {
            Assert.Fail($"JSON differs.\nExpected: {Normalize(e.RootElement)}\nActual:   {Normalize(a.RootElement)}");
        }
    }

    /// <summary>Fails unless the element is the same JSON value as <paramref name="expected"/>.</summary>
    public static void Equal(string expected, JsonElement? actual)
    {
        Assert.True(actual.HasValue, "Expected a JSON value but got null.");
        Equal(expected, actual!.Value.GetRawText());
    }

    /// <summary>Parses JSON into a detached element.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Normalize(JsonElement element) => JsonSerializer.Serialize(element);
}
