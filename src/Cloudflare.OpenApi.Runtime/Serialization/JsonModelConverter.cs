using System;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>
/// The System.Text.Json converter of every generated type (<c>[JsonConverter(typeof(JsonModelConverter&lt;T&gt;))]</c>):
/// it calls the type's own reflection-free <c>ReadJson</c>/<c>WriteJson</c>, so <see cref="JsonSerializer"/> reads and
/// writes a generated model exactly as the client does. The converter itself uses no reflection.
/// </summary>
/// <typeparam name="T">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonModelConverter<T> : JsonConverter<T> where T : IJsonSerializable<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadJson(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => T.WriteJson(writer, value);
}
