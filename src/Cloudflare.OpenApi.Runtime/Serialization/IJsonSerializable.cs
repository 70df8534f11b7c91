using System.ComponentModel;
using System.Text.Json;

namespace Cloudflare.OpenApi.Serialization;

/// <summary>
/// A generated model that reads and writes itself as JSON without reflection. Every generated record, enum, union and
/// value union implements it: its JSON code lives on the type (<c>ReadJson</c>, <c>WriteJson</c>) instead of in a
/// converter class of its own, and <see cref="JsonModelConverter{T}"/> is the one converter that System.Text.Json uses
/// for all of them. Calls between generated types are direct static calls; generic helpers
/// (<see cref="JsonRead.Models{T}"/>, <see cref="JsonWrite.Models{T}"/>) use the interface for arrays.
/// </summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IJsonSerializable<TSelf> where TSelf : IJsonSerializable<TSelf>
{
    /// <summary>Reads a value; the reader is on its first token, which is not JSON <c>null</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes a value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value (not null).</param>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value);
}
