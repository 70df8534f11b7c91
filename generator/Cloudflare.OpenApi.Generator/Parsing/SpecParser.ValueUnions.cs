using System.Collections.Generic;
using System.Linq;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;

// Switches over JsonKind list every kind without a default, so a new kind fails to compile here (CS8509).
#pragma warning disable CS8524

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// oneOf/anyOf whose branches are different kinds of JSON value (an object or a list, a string or a list of strings…):
/// the JSON token tells them apart, so the reader needs no tag. Nested unions of such branches are flattened.
/// </summary>
internal sealed partial class SpecParser
{
    private static readonly string[] s_reservedCaseNames = { "String", "Integer", "Number", "Boolean", "List", "Other", "Json" };

    /// <summary>Builds the union when the branches span at least two JSON kinds and each kind can be typed; else null.</summary>
    private TypeRef? TryBuildValueUnion(JsonSchema s, string? componentName, string? nameHint, string pointer)
    {
        var branches = new List<(JsonKind Kind, JsonSchema Schema, string Pointer)>();
        if (!Flatten(s, pointer, 0))
        {
            return null;
        }

        var kinds = branches.Select(b => b.Kind).Distinct().OrderBy(k => k).ToList();
        if (kinds.Count == 1 && kinds[0] is JsonKind.String or JsonKind.Integer or JsonKind.Number or JsonKind.Boolean)
        {
            // Branches of one primitive kind that differ only by enum, pattern or format (Box's max extension length:
            // "none" or a string of digits) are that primitive.
            return Remember(s, kinds[0] switch
            {
                JsonKind.String => TypeRef.String,
                JsonKind.Integer => TypeRef.Integer,
                JsonKind.Number => TypeRef.Number,
                _ => TypeRef.Boolean,
            });
        }

        if (kinds.Count == 1 && kinds[0] == JsonKind.Array && branches.Count > 1
            && TryBuildListOfItemKinds(branches.Select(b => b.Schema).ToList(), (componentName ?? nameHint ?? "List") + "Item", pointer) is { } lists)
        {
            // Only arrays, of different item kinds (Cloudflare's metrics: number[] | number[][]): one list of their union.
            return Remember(s, lists);
        }

        if (kinds.Count < 2)
        {
            return null;
        }

        var name = componentName ?? InlineTypeName(s, nameHint!, pointer);
        var reference = Remember(s, new TypeRef(TypeKind.ValueUnion, name));
        var cases = new List<ValueUnionCaseSpec>();
        foreach (var kind in kinds)
        {
            var ofKind = branches.Where(b => b.Kind == kind).ToList();
            var (_, first, firstPointer) = ofKind[0];
            TypeRef type;
            if (ofKind.Count == 1)
            {
                type = Map(first, name + CaseSuffix(kind), firstPointer);
            }
            else if (kind == JsonKind.Object && TryBuildObjectUnion(s, name + "Object", ofKind.Select(b => (b.Schema, b.Pointer)).ToList(), pointer) is { } objects)
            {
                // Several objects beside a string (OpenAI's response_format: "auto" or one of three tagged objects):
                // the objects are a discriminated union of their own.
                type = objects;
            }
            else if (kind == JsonKind.Object && ofKind.All(b => IsMapBranch(b.Schema))
                && TryBuildMapOfValueKinds(ofKind.Select(b => b.Schema).ToList(), name + "ObjectValue", firstPointer) is { } map)
            {
                // Only maps among the objects: one map of their values' union.
                type = map;
            }
            else if (kind == JsonKind.Object && TryBuildObjectChoiceCase(name + "Object", ofKind.Select(b => (b.Schema, b.Pointer)).ToList(), pointer) is { } choice)
            {
                // Object branches that nothing tells apart: the case keeps the JSON and offers each branch.
                type = choice;
            }
            else if (kind == JsonKind.Array && TryBuildListOfItemKinds(ofKind.Select(b => b.Schema).ToList(), name + "ListItem", firstPointer) is { } list)
            {
                // Arrays whose items are different kinds (OpenAI's prompt: string[] | integer[] | integer[][]): one list of
                // a union of those kinds, so every such array reads typed (items of mixed kinds are read too).
                type = list;
            }
            else
            {
                type = kind switch
                {
                    JsonKind.String => TypeRef.String,
                    JsonKind.Integer => TypeRef.Integer,
                    JsonKind.Number => TypeRef.Number,
                    JsonKind.Boolean => TypeRef.Boolean,
                    JsonKind.Array => new TypeRef(TypeKind.Array, null, TypeRef.Any),
                    JsonKind.Object => TypeRef.Any,
                };
                if (kind is JsonKind.Array or JsonKind.Object)
                {
                    Report(
                        DiagnosticDescriptors.UnsupportedFallback,
                        firstPointer,
                        $"The one case for the {ofKind.Count} {(kind == JsonKind.Array ? "array" : "object")} branches of this oneOf/anyOf",
                        kind == JsonKind.Array ? "one list of JsonElement" : "one JsonElement case",
                        "they cannot be told apart by their JSON kind, and have no tag");
                }
            }

            var caseName = kind switch
            {
                JsonKind.Object when type.Kind is TypeKind.Union or TypeKind.ValueUnion && ofKind.Count > 1 => CaseSuffix(kind),
                JsonKind.Object when type.Name is { } typeName && !s_reservedCaseNames.Contains(typeName) && typeName != name => typeName,
                _ => CaseSuffix(kind),
            };
            cases.Add(new ValueUnionCaseSpec(kind, caseName, type));
        }

        _types.Add(new ValueUnionSpec(name, NullIfEmpty(s.Description), cases.ToEquatableArray()));
        return reference;

        bool Flatten(JsonSchema union, string at, int depth)
        {
            if (depth > 8)
            {
                return false;
            }

            foreach (var member in UnionMembers(union))
            {
                var memberPointer = MemberPointer(union, member, at);
                var target = Unwrap(member);
                var nested = UnionMembers(target).ToList();
                if (nested.Count > 1 && !nested.All(IsObjectLike) && target.Properties.Count == 0)
                {
                    // A union of unions (`oneOf: [$ref StringOrNumber, {type: array}]`): its branches are ours.
                    if (!Flatten(target, memberPointer, depth + 1))
                    {
                        return false;
                    }

                    continue;
                }

                if (KindOf(target) is not { } kind)
                {
                    return false;
                }

                branches.Add((kind, member, memberPointer));
            }

            return true;
        }
    }

    /// <summary>The object branches of a union of several kinds, as a discriminated union of their own, when they can be told apart.</summary>
    private TypeRef? TryBuildObjectUnion(JsonSchema union, string wantedName, List<(JsonSchema Schema, string Pointer)> branches, string pointer)
    {
        var members = branches.Select(b => b.Schema).ToList();
        if (!TryGetDiscriminator(Unwrap(union).DiscriminatorObject, members, pointer, out var property, out var cases))
        {
            return null;
        }

        var name = ClaimTypeName(wantedName, wantedName, pointer);
        var targets = branches.Select(b => (Target: Unwrap(b.Schema), b.Pointer)).ToList();
        BuildUnion(name, null, property, cases, pointer, variant => targets.FirstOrDefault(t => ReferenceEquals(t.Target, variant)).Pointer ?? pointer);
        return new TypeRef(TypeKind.Union, name);
    }

    private static string CaseSuffix(JsonKind kind) => kind switch
    {
        JsonKind.String => "String",
        JsonKind.Integer => "Integer",
        JsonKind.Number => "Number",
        JsonKind.Boolean => "Boolean",
        JsonKind.Object => "Object",
        JsonKind.Array => "List",
    };

    /// <summary>The one JSON kind a schema's values have, or null when it allows several (or any).</summary>
    private static JsonKind? KindOf(JsonSchema target)
    {
        if (UnionMembers(target).Any())
        {
            return UnionMembers(target).All(IsObjectLike) ? JsonKind.Object : null;
        }

        if (IsObjectLike(target) || (target.Type & ~JsonObjectType.Null) == JsonObjectType.Object)
        {
            return JsonKind.Object;
        }

        return (target.Type & ~JsonObjectType.Null) switch
        {
            JsonObjectType.Array => JsonKind.Array,
            JsonObjectType.String => JsonKind.String,
            JsonObjectType.Integer => JsonKind.Integer,
            JsonObjectType.Number => JsonKind.Number,
            JsonObjectType.Boolean => JsonKind.Boolean,
            _ => target.Enumeration.Count > 0 && target.Enumeration.All(v => v is string) ? JsonKind.String : null,
        };
    }
}
