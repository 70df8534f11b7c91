using System.Collections.Generic;
using System.Linq;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// oneOf/anyOf of objects that nothing tells apart: no discriminator, no property pinned to a value per branch, no
/// property only one branch requires (Cloudflare's policy results, Discord's partial updates, OpenAI's eval items). The
/// reader cannot choose a branch, so the value keeps its JSON and offers every branch as a typed record
/// (<c>AsAccessAppPolicy()</c>); a caller creates one from any branch. That is typed and loses nothing, where a
/// <c>JsonElement</c> made the caller write the JSON by hand.
/// </summary>
internal sealed partial class SpecParser
{
    /// <summary>Builds the struct when every branch is an object with properties of its own; else null (the caller falls back).</summary>
    private TypeRef? TryBuildObjectChoice(JsonSchema s, List<JsonSchema> members, string? componentName, string? nameHint, string pointer)
    {
        var branches = ChoiceBranches(members.Select(m => (m, MemberPointer(s, m, pointer))));
        if (branches is null || !CanChoose(branches.Select(b => b.Schema).ToList()))
        {
            return null;
        }

        var name = componentName ?? InlineTypeName(s, nameHint!, pointer);
        var reference = Remember(s, new TypeRef(TypeKind.ValueUnion, name));
        BuildObjectChoice(name, NullIfEmpty(s.Description), branches);
        return reference;
    }

    /// <summary>
    /// The object case of a union of several JSON kinds (Cloudflare's policy links: a uuid string or one of two policy
    /// objects) when its object branches cannot be told apart: a choice of its own; else null.
    /// </summary>
    private TypeRef? TryBuildObjectChoiceCase(string wantedName, List<(JsonSchema Schema, string Pointer)> members, string pointer)
    {
        var branches = ChoiceBranches(members);
        if (branches is null || !CanChoose(branches.Select(b => b.Schema).ToList()))
        {
            return null;
        }

        var name = ClaimTypeName(wantedName, wantedName, pointer);
        BuildObjectChoice(name, null, branches);
        return new TypeRef(TypeKind.ValueUnion, name);
    }

    /// <summary>
    /// The branches with every branch that is only a union of objects replaced by its own branches (Cloudflare's Hyperdrive
    /// origin: <c>anyOf: [database, {anyOf: [internet, access, vpc]}]</c> offers all four); null when nested too deep.
    /// </summary>
    private static List<(JsonSchema Schema, string Pointer)>? ChoiceBranches(IEnumerable<(JsonSchema Schema, string Pointer)> members)
    {
        var result = new List<(JsonSchema Schema, string Pointer)>();
        return Add(members, 0) ? result : null;

        bool Add(IEnumerable<(JsonSchema Schema, string Pointer)> level, int depth)
        {
            if (depth > 8)
            {
                return false;
            }

            foreach (var (member, at) in level)
            {
                var target = Unwrap(member);
                var nested = UnionMembers(target).ToList();
                if (nested.Count > 0 && Properties(member).Count == 0 && !IsMapBranch(member))
                {
                    if (!Add(nested.Select(n => (n, MemberPointer(target, n, at))), depth + 1))
                    {
                        return false;
                    }
                }
                else
                {
                    result.Add((member, at));
                }
            }

            return true;
        }
    }

    // Every branch must become a generated record (an object with properties, not a union itself), once a map (an object
    // of any keys whose values have a schema: Discord's ErrorDetails, `oneOf: [map of ErrorDetails, InnerErrors]`),
    // offered as AsMap(), or the empty object (Cloudflare's scan request: an issue type, an issue class, or `{}` for
    // all), offered as Empty; at least one must be a record.
    private static bool CanChoose(List<JsonSchema> members) =>
        members.All(m => (!UnionMembers(Unwrap(m)).Any() && Properties(m).Count > 0) || IsMapBranch(m) || IsEmptyObjectBranch(m))
        && members.Count(IsMapBranch) <= 1 && members.Any(m => Properties(m).Count > 0);

    private static bool IsMapBranch(JsonSchema member)
    {
        var s = Unwrap(member);
        return Properties(member).Count == 0 && s.AdditionalPropertiesSchema is not null
            && ((s.Type & ~JsonObjectType.Null) is JsonObjectType.Object or JsonObjectType.None);
    }

    /// <summary>An object that may hold nothing, or nothing the spec names: <c>{type: object}</c>, with <c>additionalProperties: false</c> or not.</summary>
    private static bool IsEmptyObjectBranch(JsonSchema member)
    {
        var s = Unwrap(member);
        return (s.Type & ~JsonObjectType.Null) == JsonObjectType.Object && Properties(member).Count == 0
            && s.AdditionalPropertiesSchema is null && s.PatternProperties.Count == 0 && !UnionMembers(s).Any()
            && s.Enumeration.Count == 0;
    }

    private void BuildObjectChoice(string name, string? description, List<(JsonSchema Schema, string Pointer)> members)
    {
        var branches = new List<TypeRef>();
        var offersEmpty = false;
        for (var i = 0; i < members.Count; i++)
        {
            if (IsEmptyObjectBranch(members[i].Schema))
            {
                offersEmpty = true;
                continue;
            }

            var type = Map(members[i].Schema, name + "Option" + (i + 1), members[i].Pointer);

            // A branch is offered when it is a generated record (a class with JSON code of its own) or the map; CanChoose
            // makes every branch one, and identical branches are offered once.
            if (type.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Map && !branches.Contains(type))
            {
                branches.Add(type);
            }
        }

        _types.Add(new ObjectChoiceSpec(name, description, branches.ToEquatableArray(), offersEmpty));
    }
}
