namespace Cloudflare.OpenApi.Generator.Configuration;

/// <summary>
/// One OpenAPI Overlay 1.0 document, read from an <c>OpenApiOverlay</c> item. Plain strings only, so it caches.
/// </summary>
/// <param name="Path">The overlay file (diagnostics point into it).</param>
/// <param name="Text">Its YAML or JSON text.</param>
/// <param name="SpecPath">The full path of the spec it applies to; null applies it to every spec of the project.</param>
internal sealed record OverlayInput(string Path, string Text, string? SpecPath);
