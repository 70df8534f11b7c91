using System.Collections.Generic;
using System.Linq;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// Unions whose branches are all arrays, or all maps: one list (one map) of the union of their elements, typed by the
/// union rules of the elements themselves (value union, tagged union, object choice, or one primitive).
/// </summary>
internal sealed partial class SpecParser
{
    /// <summary>
    /// Array branches, each with an item schema: one list of the union of the items, so every such array reads typed —
    /// items of different kinds (<c>string[] | integer[] | integer[][]</c>) are a value union, items of one primitive kind
    /// that primitive (<c>string[] | string[]</c>), object items a tagged union or a choice (Cloudflare's Spectrum apps:
    /// <c>app_config[] | paygo_app_config[]</c>); else null (untyped items, or objects nothing can offer: the caller falls
    /// back to one list of JsonElement).
    /// </summary>
    private TypeRef? TryBuildListOfItemKinds(List<JsonSchema> arrays, string wantedName, string pointer)
    {
        var items = arrays.Select(a => Unwrap(a).Item).OfType<JsonSchema>().ToList();
        return items.Count == arrays.Count && TryBuildElementUnion(items, wantedName, pointer) is { } element
            ? new TypeRef(TypeKind.Array, null, element)
            : null;
    }

    /// <summary>
    /// Only map branches (Cloudflare's IAM resources: a map of strings or a map of maps of strings): one map of the union
    /// of their values, by the rules of <see cref="TryBuildListOfItemKinds"/>; else null.
    /// </summary>
    private TypeRef? TryBuildMapOfValueKinds(List<JsonSchema> maps, string wantedName, string pointer) =>
        TryBuildElementUnion(maps.Select(m => Unwrap(m).AdditionalPropertiesSchema).OfType<JsonSchema>().ToList(), wantedName, pointer) is { } value
            ? new TypeRef(TypeKind.Map, null, value)
            : null;

    /// <summary>The union of the element schemas of several arrays or maps, typed; null when an element has no single JSON kind.</summary>
    private TypeRef? TryBuildElementUnion(List<JsonSchema> elements, string wantedName, string pointer)
    {
        if (elements.Any(e => KindOf(Unwrap(e)) is null))
        {
            return null;
        }

        // The element schemas as the branches of a union of their own; each is held by reference, so the spec's schemas
        // are not re-parented.
        var union = new JsonSchema();
        foreach (var element in elements)
        {
            union.OneOf.Add(new JsonSchema { Reference = element.ActualSchema });
        }

        if (TryBuildValueUnion(union, null, wantedName, pointer) is { } typed)
        {
            return typed;
        }

        if (!elements.All(e => KindOf(Unwrap(e)) == JsonKind.Object))
        {
            return null;
        }

        var branches = elements.Select(e => (Schema: e, Pointer: pointer)).ToList();
        return TryBuildObjectUnion(union, wantedName, branches, pointer) ?? TryBuildObjectChoiceCase(wantedName, branches, pointer);
    }
}
