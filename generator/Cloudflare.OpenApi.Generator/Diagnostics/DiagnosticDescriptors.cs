using Microsoft.CodeAnalysis;

namespace Cloudflare.OpenApi.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids are listed in AnalyzerReleases.Unshipped.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "OpenApiGenerator";

    public static readonly DiagnosticDescriptor MalformedSpec = new(
        "OAG001", "The OpenAPI file cannot be read", "The OpenAPI file cannot be read: {0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor UnresolvedReference = new(
        "OAG002", "Unresolved $ref", "The $ref '{0}' does not resolve to anything in this file", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = new(
        "OAG003", "Unsupported OpenAPI construct", "{0} is not supported: {1}", Category, DiagnosticSeverity.Error, true);

    /// <summary>
    /// Information, not a warning: the rename is deterministic (document order) and loses nothing (the JSON name stays),
    /// and real specs have many (names that differ by case, '-' or '_'). Pin a name with x-csharp-type-name.
    /// </summary>
    public static readonly DiagnosticDescriptor NameCollision = new(
        "OAG004", "Generated names collide", "{0} '{1}' and '{2}' both become the C# name '{3}'; the second is named '{4}'", Category, DiagnosticSeverity.Info, true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "OAG005", "Invalid generator option", "The OpenApiSpec option {0} is invalid: {1}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor UnsupportedFallback = new(
        "OAG006", "OpenAPI construct generated loosely", "{0} is generated as {1}: {2}", Category, DiagnosticSeverity.Warning, true);

    public static readonly DiagnosticDescriptor NotOpenApi = new(
        "OAG007", "Not an OpenAPI 3 document", "The file is not an OpenAPI 3.x document: {0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor InvalidOverlay = new(
        "OAG008", "Invalid OpenAPI overlay", "The OpenAPI overlay cannot be applied: {0}", Category, DiagnosticSeverity.Error, true);

    public static readonly DiagnosticDescriptor OverlayTargetNotFound = new(
        "OAG009", "Overlay action matches nothing", "The overlay action's target '{0}' selects nothing in the spec; the spec may have changed, review or remove the action", Category, DiagnosticSeverity.Warning, true);

    /// <summary>A bug in the generator: an exception it did not expect, reported on the spec instead of crashing the build (AD0001/CS8785).</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        "OAG010", "The generator failed on this spec", "The generator failed while {0}: unexpected {1} (please report this with the spec)", Category, DiagnosticSeverity.Error, true);
}
