using Cloudflare.OpenApi.Generator.Helpers;

namespace Cloudflare.OpenApi.Generator.Configuration;

/// <summary>
/// One spec file and its options, read from the <c>OpenApiSpec</c> item's metadata. Plain strings only, so the
/// pipeline step that produces it caches: an unrelated C# edit leaves it equal.
/// </summary>
/// <param name="ClientParameters">Path parameters supplied by the client options (e.g. <c>account_id</c>), not by each method.</param>
/// <param name="Overlays">OpenAPI overlays applied to the spec before it is parsed, in item order.</param>
/// <param name="Conventions">The item's <c>Conventions</c> option: <c>cloudflare</c>, <c>plain</c> or <c>auto</c> (null: auto).</param>
internal sealed record SpecInput(
    string Path, string Text, string? Namespace, string? ClientName, EquatableArray<string> ClientParameters, string? RootNamespace,
    EquatableArray<OverlayInput> Overlays = default, string? Conventions = null);
