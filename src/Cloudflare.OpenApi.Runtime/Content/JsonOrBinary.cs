using System;

namespace Cloudflare.OpenApi;

/// <summary>
/// The result of an operation that answers either JSON or bytes, chosen by the response's <c>Content-Type</c>
/// (e.g. a workflow step's output: JSON, or <c>application/octet-stream</c> when the step returned a stream).
/// </summary>
/// <typeparam name="T">The JSON result's type.</typeparam>
public readonly struct JsonOrBinary<T>
{
    private readonly T? _json;
    private readonly BinaryContent? _binary;

    private JsonOrBinary(T? json, BinaryContent? binary)
    {
        _json = json;
        _binary = binary;
    }

    /// <summary>Whether the response was not JSON: read <see cref="Binary"/>.</summary>
    public bool IsBinary => _binary is not null;

    /// <summary>Whether the response was JSON: read <see cref="Json"/>.</summary>
    public bool IsJson => _binary is null;

    /// <summary>The JSON result.</summary>
    /// <exception cref="InvalidOperationException">The response was binary.</exception>
    public T Json => _binary is null ? _json! : throw new InvalidOperationException($"The response was binary ({_binary}), not JSON; read Binary.");

    /// <summary>The binary body, with its media type.</summary>
    /// <exception cref="InvalidOperationException">The response was JSON.</exception>
    public BinaryContent Binary => _binary ?? throw new InvalidOperationException("The response was JSON, not binary; read Json.");

    /// <summary>A JSON result.</summary>
    public static JsonOrBinary<T> FromJson(T json) => new(json, null);

    /// <summary>A binary result.</summary>
    public static JsonOrBinary<T> FromBinary(BinaryContent binary) => new(default, binary ?? throw new ArgumentNullException(nameof(binary)));

    /// <inheritdoc/>
    public override string ToString() => _binary is null ? $"JSON: {_json}" : $"binary: {_binary}";
}
