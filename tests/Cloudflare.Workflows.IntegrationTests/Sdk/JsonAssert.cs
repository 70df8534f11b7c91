using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cloudflare.Workflows.IntegrationTests.Sdk;

/// <summary>Structural JSON comparison (property order and number spelling do not matter), with both texts on failure.</summary>
internal static class JsonAssert
{
    public static void Equal(string expectedJson, JsonElement? actual)
    {
        Assert.True(actual.HasValue, $"Expected JSON {expectedJson} but the value is absent.");
        JsonNode? expected = JsonNode.Parse(expectedJson);
        JsonNode? actualNode = JsonNode.Parse(actual!.Value.GetRawText());
        Assert.True(
            JsonNode.DeepEquals(expected, actualNode),
            $"Expected JSON {expected?.ToJsonString() ?? "null"}{Environment.NewLine}but was     {actualNode?.ToJsonString() ?? "null"}");
    }

    /// <summary>A <see cref="StringOrNumber"/> that carries JSON other than a string or number (an object here).</summary>
    public static void Other(string expectedJson, StringOrNumber? actual)
    {
        Assert.True(actual.HasValue, $"Expected JSON {expectedJson} but the value is absent.");
        Assert.True(actual!.Value.IsOther, $"Expected JSON {expectedJson} but the value is the string or number '{actual.Value}'.");
        Equal(expectedJson, actual.Value.OtherJson);
    }
}
