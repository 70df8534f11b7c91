using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// oneOf/anyOf that are enums written as unions — the two styles of real specs:
/// <list type="bullet">
/// <item>Stainless (OpenAI): <c>anyOf: [{type: string}, {type: string, enum: [...]}]</c>, an open enum: known values
/// plus any string. Our enums are open already, so this is an enum of the listed values.</item>
/// <item>Discord: <c>oneOf</c> of <c>{const: 1, title: GUILD_TEXT}</c> branches. The constants give an enum whose
/// members are named from the titles: a string enum, or an integer enum (<see cref="TypeKind.IntegerEnum"/>) when every
/// constant is an integer with a title; integers without titles have no names to offer and stay the integer type.</item>
/// </list>
/// </summary>
internal sealed partial class SpecParser
{
    private TypeRef? TryMapEnumUnion(JsonSchema s, List<JsonSchema> members, string? componentName, string? nameHint, string pointer)
    {
        var targets = members.Select(Unwrap).ToList();
        if (targets.All(IsConstBranch))
        {
            var constants = targets.Select(t => t.ExtensionData!["const"]).ToList();
            var titles = targets.Select(t => NullIfEmpty(t.Title)).ToList();
            if (constants.All(c => c is long or int))
            {
                var numbers = constants.Select(IntegerText).ToList();
                if (titles.All(t => t is not null) && numbers.Distinct(StringComparer.Ordinal).Count() > 1)
                {
                    return MapEnum(s, componentName, nameHint, pointer, numbers, titles, isInteger: true);
                }

                // The union's own type and format say int or long (Discord: type: integer, format: int32).
                return Remember(s, PrimitiveType(new JsonSchema { Type = JsonObjectType.Integer, Format = s.Format ?? targets[0].Format }));
            }

            if (!constants.All(c => c is string))
            {
                return null;
            }

            var values = constants.Cast<string>().ToList();
            if (values.Distinct(StringComparer.Ordinal).Count() < 2)
            {
                return Remember(s, TypeRef.String);
            }

            return MapEnum(s, componentName, nameHint, pointer, values, titles);
        }

        // `string | one of these strings`: every branch a plain string, a string enum or such a union itself, at least one
        // with an enum (OpenAI's ModelIds: anyOf [ModelIdsShared, ModelIdsResponses], each anyOf [string, enum]).
        var listed = new List<string>();
        if (targets.All(t => CollectStringEnum(t, listed, 0)) && listed.Count > 0)
        {
            var values = listed.Distinct(StringComparer.Ordinal).ToList();
            return values.Count < 2 ? Remember(s, TypeRef.String) : MapEnum(s, componentName, nameHint, pointer, values, null);
        }

        return null;
    }

    /// <summary>Whether a branch is a string, a string enum or a union of those; adds its enum values.</summary>
    private static bool CollectStringEnum(JsonSchema t, List<string> values, int depth)
    {
        var members = UnionMembers(t).ToList();
        if (members.Count > 0)
        {
            if (depth > 8 || t.Properties.Count > 0)
            {
                return false;
            }

            foreach (var member in members)
            {
                if (!CollectStringEnum(Unwrap(member), values, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        if ((t.Type & ~JsonObjectType.Null) != JsonObjectType.String || !(t.Format is null or "") || !t.Enumeration.All(v => v is string))
        {
            return false;
        }

        values.AddRange(t.Enumeration.Cast<string>());
        return true;
    }

    private TypeRef MapEnum(JsonSchema s, string? componentName, string? nameHint, string pointer, List<string> values, List<string?>? titles, bool isInteger = false)
    {
        var name = componentName ?? InlineTypeName(s, nameHint!, pointer);
        var reference = Remember(s, new TypeRef(isInteger ? TypeKind.IntegerEnum : TypeKind.Enum, name));
        BuildEnum(s, name, values, pointer, titles, isInteger);
        return reference;
    }

    /// <summary>
    /// The names an integer enum's values have in <c>x-enumNames</c> (NSwag reads it) or <c>x-enum-varnames</c>
    /// (openapi-generator's; NSwag drops it, so it is read from the document at the schema's pointer): one non-empty name
    /// per value, or null.
    /// </summary>
    private List<string?>? IntegerEnumNames(JsonSchema s, string pointer, int count)
    {
        IEnumerable<string>? names = s.EnumerationNames is { Count: > 0 } enumNames ? enumNames : _yaml.ScalarsAt(pointer + "/x-enum-varnames");
        var titles = names?.Select(NullIfEmpty).ToList();
        return titles is not null && titles.Count == count && titles.All(t => t is not null) ? titles : null;
    }

    /// <summary>An integer enum value's decimal text (what <see cref="EnumMemberSpec.Value"/> holds).</summary>
    private static string IntegerText(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    /// <summary>A branch that is one constant (<c>{const: x}</c>, with a title or description at most).</summary>
    private static bool IsConstBranch(JsonSchema t) =>
        t.ExtensionData is { } extensions && extensions.ContainsKey("const")
        && t.Properties.Count == 0 && t.AllOf.Count == 0 && UnionMembers(t).Count() == 0 && t.Item is null;

    /// <summary>A member name from a branch title: <c>GUILD_TEXT</c> → <c>GuildText</c>, <c>Sky</c> → <c>Sky</c>.</summary>
    private static string? MemberNameFromTitle(string? title) =>
        title is null ? null : Helpers.Naming.Pascal(title.Any(char.IsLower) ? title : title.ToLowerInvariant());
}
