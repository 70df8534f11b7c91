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
        if (!CanChoose(members))
        {
            return null;
        }

        var name = componentName ?? InlineTypeName(s, nameHint!, pointer);
        var reference = Remember(s, new TypeRef(TypeKind.ValueUnion, name));
        var branches = members.Select(m => (m, MemberPointer(s, m, pointer))).ToList();
        BuildObjectChoice(name, NullIfEmpty(s.Description), branches);
        return reference;
    }

    /// <summary>
    /// The object case of a union of several JSON kinds (Cloudflare's policy links: a uuid string or one of two policy
    /// objects) when its object branches cannot be told apart: a choice of its own; else null.
    /// </summary>
    private TypeRef? TryBuildObjectChoiceCase(string wantedName, List<(JsonSchema Schema, string Pointer)> branches, string pointer)
    {
        if (!CanChoose(branches.Select(b => b.Schema).ToList()))
        {
            return null;
        }

        var name = ClaimTypeName(wantedName, wantedName, pointer);
        BuildObjectChoice(name, null, branches);
        return new TypeRef(TypeKind.ValueUnion, name);
    }

    // Every branch must become a generated record (an object with properties, not a union itself) or, once, a map (an
    // object of any keys whose values have a schema: Discord's ErrorDetails, `oneOf: [map of ErrorDetails, InnerErrors]`),
    // offered as AsMap(). An empty object would be a JsonElement, which has nothing to offer.
    private static bool CanChoose(List<JsonSchema> members) =>
        members.All(m => !UnionMembers(Unwrap(m)).Any() && (Properties(m).Count > 0 || IsMapBranch(m)))
        && members.Count(IsMapBranch) <= 1 && members.Any(m => !IsMapBranch(m));

    private static bool IsMapBranch(JsonSchema member)
    {
        var s = Unwrap(member);
        return Properties(member).Count == 0 && s.AdditionalPropertiesSchema is not null
            && ((s.Type & ~JsonObjectType.Null) is JsonObjectType.Object or JsonObjectType.None);
    }

    private void BuildObjectChoice(string name, string? description, List<(JsonSchema Schema, string Pointer)> members)
    {
        var branches = new List<TypeRef>();
        for (var i = 0; i < members.Count; i++)
        {
            var type = Map(members[i].Schema, name + "Option" + (i + 1), members[i].Pointer);

            // A branch is offered when it is a generated record (a class with JSON code of its own) or the map; CanChoose
            // makes every branch one, and identical branches are offered once.
            if (type.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Map && !branches.Contains(type))
            {
                branches.Add(type);
            }
        }

        _types.Add(new ObjectChoiceSpec(name, description, branches.ToEquatableArray()));
    }
}
