using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Workflows.Quickstart;

/// <summary>
/// JSON for the console: one line, or indented. Writes the parsed value back out (no reflection involved), without
/// escaping quotes or non-ASCII letters, which is fine for a terminal but not for HTML.
/// </summary>
internal static class JsonText
{
    public static string Compact(JsonElement json) => Write(json, indented: false);

    public static string Indented(JsonElement json) => Write(json, indented: true);

    private static string Write(JsonElement json, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
