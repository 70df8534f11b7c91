using System.Text.Json;

namespace Cloudflare.Workflows.IntegrationTests.Sdk;

internal static class TestJson
{
    /// <summary>A detached <see cref="JsonElement"/> for request bodies (params, event payloads).</summary>
    public static JsonElement Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
