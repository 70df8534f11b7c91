using System;
using System.Collections.Generic;
using System.Linq;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>Schemas → types: objects, open enums, discriminated and primitive unions, arrays, maps, primitives.</summary>
internal sealed partial class SpecParser
{
    private const JsonObjectType PrimitiveTypes = JsonObjectType.String | JsonObjectType.Number | JsonObjectType.Integer | JsonObjectType.Boolean;

    /// <summary>Follows <c>$ref</c>s and single-member <c>allOf</c> wrappers (<c>allOf: [$ref X], nullable: true</c>) to the schema that defines the type.</summary>
    private static JsonSchema Unwrap(JsonSchema schema)
    {
        for (var guard = 0; guard < 64; guard++)
        {
            // Not HasReference: NJsonSchema also says true for a oneOf/allOf holding a single $ref.
            if (schema.Reference is { } reference)
            {
                schema = reference;
                continue;
            }

            if (schema.AllOf.Count >= 1 && schema.Properties.Count == 0 && schema.OneOf.Count == 0 && schema.AnyOf.Count == 0
                && (schema.Type & ~JsonObjectType.Null) is JsonObjectType.None or JsonObjectType.Object && schema.Enumeration.Count == 0)
            {
                if (schema.AllOf.Count == 1)
                {
                    schema = schema.AllOf.First();
                    continue;
                }

                // One member that is a string, number, boolean or array while the others only annotate it (Cloudflare's
                // `allOf: [{description: …}, {$ref: uuid}]`, which puts a description on a reference) is that member: it
                // was read as an empty object. An object member keeps its own type (the merged allOf, under its own name).
                var defining = schema.AllOf.Where(m => !IsAnnotationOnly(m)).ToList();
                if (defining.Count == 1 && IsValueLike(defining[0]))
                {
                    schema = defining[0];
                    continue;
                }
            }

            break;
        }

        return schema;
    }

    /// <summary>A schema whose values are a primitive, an enum or an array (not an object, not a union).</summary>
    private static bool IsValueLike(JsonSchema schema)
    {
        var s = Unwrap(schema);
        var type = s.Type & ~JsonObjectType.Null;
        return HasNoPropertiesOrMembers(s)
            && (type is JsonObjectType.String or JsonObjectType.Integer or JsonObjectType.Number or JsonObjectType.Boolean or JsonObjectType.Array
                || (type == JsonObjectType.None && s.Enumeration.Count > 0));
    }

    /// <summary>A schema that only documents (description, title, example…): no type, no reference, no constraint.</summary>
    private static bool IsAnnotationOnly(JsonSchema s) =>
        s.Reference is null && s.Type == JsonObjectType.None && HasNoPropertiesOrMembers(s) && s.Enumeration.Count == 0
        && s.Item is null && s.Items.Count == 0 && s.AdditionalPropertiesSchema is null && s.RequiredProperties.Count == 0 && s.Format is null && s.Pattern is null && s.Not is null && s.DiscriminatorObject is null
        && s.MinLength is null && s.MaxLength is null && s.Minimum is null && s.Maximum is null;

    /// <summary>No own properties and no <c>allOf</c>/<c>oneOf</c>/<c>anyOf</c> members.</summary>
    private static bool HasNoPropertiesOrMembers(JsonSchema s) =>
        s.Properties.Count == 0 && s.AllOf.Count == 0 && s.OneOf.Count == 0 && s.AnyOf.Count == 0;

    private static bool IsNullable(JsonSchema schema)
    {
        if (schema.IsNullableRaw == true || (schema.Type & JsonObjectType.Null) != 0)
        {
            return true;
        }

        return schema.OneOf.Concat(schema.AnyOf).Any(IsNullBranch);
    }

    /// <summary>
    /// A <c>oneOf</c>/<c>anyOf</c> branch that stands for JSON null: <c>type: 'null'</c> (3.1), or what OpenAPI 3.0, which
    /// has no null type, writes instead: an object that is <c>nullable</c> and allows no property at all (Box's "OpenAPI
    /// 3.0 null schema type": <c>{type: object, nullable: true, additionalProperties: false}</c>). The union is then its
    /// other branches, nullable; an empty object there reads as the union's unknown case. A branch that is only
    /// <c>{nullable: true}</c> is one too.
    /// </summary>
    private static bool IsNullBranch(JsonSchema branch)
    {
        if (branch.Type == JsonObjectType.Null)
        {
            return true;
        }

        var s = branch.ActualSchema;
        if (s.Enumeration.Count > 0 && s.Enumeration.All(v => v is null) && HasNoPropertiesOrMembers(s))
        {
            // `{type: object, nullable: true, enum: [null]}` (Cloudflare's ruleset-or-dry-run result): null is its only value.
            return true;
        }

        if (s.IsNullableRaw != true)
        {
            return false;
        }

        // Cloudflare's `anyOf: [{$ref: Rule}, {nullable: true}]` (3 unions of its full API): a branch that says nothing but
        // "nullable" has no type to be, so it can only be the null the union may also be.
        if (s.Type == JsonObjectType.None)
        {
            return HasNoPropertiesOrMembers(s) && s.Enumeration.Count == 0 && s.Item is null && s.Items.Count == 0
                && s.AdditionalPropertiesSchema is null && s.PatternProperties.Count == 0 && string.IsNullOrEmpty(s.Format);
        }

        return (s.Type & ~JsonObjectType.Null) == JsonObjectType.Object && HasNoPropertiesOrMembers(s)
            && !s.AllowAdditionalProperties && s.AdditionalPropertiesSchema is null && s.PatternProperties.Count == 0;
    }

    private static IEnumerable<JsonSchema> UnionMembers(JsonSchema schema) =>
        IsRequiredPropertiesRule(schema)
            ? Enumerable.Empty<JsonSchema>()
            : schema.OneOf.Concat(schema.AnyOf).Where(s => !IsNullBranch(s));

    /// <summary>
    /// The JSON pointer of a member of <paramref name="union"/> (one of <see cref="UnionMembers"/>, or what it unwraps to)
    /// by its place in the keyword's own list: <c>anyOf: [{type: 'null'}, X]</c> puts X at <c>anyOf/1</c>, and a schema
    /// with both keywords numbers each list from 0. (The members skip the null branch, so their index is not the place.)
    /// </summary>
    private static string MemberPointer(JsonSchema union, JsonSchema member, string at)
    {
        var place = Place(union.OneOf.ToList(), "oneOf") ?? Place(union.AnyOf.ToList(), "anyOf");
        return place ?? at + "/" + UnionKeyword(union) + "/0";

        string? Place(List<JsonSchema> list, string keyword)
        {
            var index = list.FindIndex(m => ReferenceEquals(m, member));
            if (index < 0)
            {
                index = list.FindIndex(m => ReferenceEquals(Unwrap(m), member) || ReferenceEquals(UnwrapSingleUnion(m), member));
            }

            return index < 0 ? null : at + "/" + keyword + "/" + Invariant(index);
        }
    }

    /// <summary>
    /// An object whose <c>anyOf</c>/<c>oneOf</c> only says which of its own properties must be present
    /// (<c>properties: {url, html}, anyOf: [{required: [url]}, {required: [html]}]</c>: "give one of them"). It is one
    /// type, not a union: the branches add no property and no type, so the object is generated with all its properties
    /// and the server checks the rule. (Cloudflare's API has dozens: builds, stream copies, browser rendering, magic apps.)
    /// </summary>
    private static bool IsRequiredPropertiesRule(JsonSchema schema)
    {
        var branches = schema.OneOf.Concat(schema.AnyOf).Where(b => !IsNullBranch(b)).ToList();
        if (branches.Count < 2 || (schema.Properties.Count == 0 && schema.AllOf.Count == 0)
            || (schema.Type & ~JsonObjectType.Null) is not (JsonObjectType.None or JsonObjectType.Object))
        {
            return false;
        }

        return branches.All(b => b.Reference is null && b.RequiredProperties.Count > 0
            && (b.Type & ~JsonObjectType.Null) is JsonObjectType.None or JsonObjectType.Object
            && HasNoPropertiesOrMembers(b)
            && b.Item is null && b.Items.Count == 0 && b.Enumeration.Count == 0 && b.AdditionalPropertiesSchema is null
            && b.DiscriminatorObject is null);
    }

    /// <summary>Own properties plus those of every <c>allOf</c> member (flattened), in document order.</summary>
    private static List<(string Name, JsonSchemaProperty Property, bool Required)> Properties(JsonSchema schema)
    {
        var result = new List<(string, JsonSchemaProperty, bool)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(Unwrap(schema), 0);
        return result.Select(p => (p.Item1, p.Item2, required.Contains(p.Item1) || p.Item3)).ToList();

        void Collect(JsonSchema s, int depth)
        {
            if (depth > 32)
            {
                return;
            }

            foreach (var member in s.AllOf)
            {
                Collect(Unwrap(member), depth + 1);
            }

            foreach (var name in s.RequiredProperties)
            {
                required.Add(name);
            }

            foreach (var pair in s.Properties)
            {
                if (seen.Add(pair.Key))
                {
                    result.Add((pair.Key, pair.Value, pair.Value.IsRequired));
                }
                else
                {
                    // A later allOf member (or the schema itself) refines the property: the last definition wins.
                    var index = result.FindIndex(p => p.Item1 == pair.Key);
                    result[index] = (pair.Key, pair.Value, pair.Value.IsRequired || result[index].Item3);
                }
            }
        }
    }

    private static bool IsObjectLike(JsonSchema schema)
    {
        var s = Unwrap(schema);
        return (s.Type & JsonObjectType.Object) != 0 || s.Properties.Count > 0 || s.AllOf.Count > 1
            || (s.Type == JsonObjectType.None && s.AllOf.Count > 0 && s.OneOf.Count == 0 && s.AnyOf.Count == 0);
    }

    private static bool IsPrimitive(JsonSchema schema)
    {
        var s = Unwrap(schema);
        var type = s.Type & ~JsonObjectType.Null;
        return type != JsonObjectType.None && (type & ~PrimitiveTypes) == 0 && s.OneOf.Count == 0 && s.AnyOf.Count == 0;
    }

    /// <summary>Maps a named component schema (building its type once).</summary>
    private TypeRef MapComponent(JsonSchema component)
    {
        if (_built.TryGetValue(component, out var known))
        {
            return known;
        }

        var name = _componentNames[component];
        var key = OriginalComponentKey(component) ?? name;
        return MapNamed(component, name, ComponentPointer(key));
    }

    /// <summary>Maps any schema. <paramref name="nameHint"/> names the type when an inline schema needs one.</summary>
    private TypeRef Map(JsonSchema schema, string nameHint, string pointer)
    {
        var target = Unwrap(schema);
        if (_componentNames.ContainsKey(target))
        {
            return MapComponent(target);
        }

        return MapNamed(target, null, pointer, nameHint);
    }

    private TypeRef MapNamed(JsonSchema s, string? componentName, string pointer, string? nameHint = null)
    {
        if (_built.TryGetValue(s, out var known))
        {
            return known;
        }

        if (componentName is null && TryGetSameShape(s, out var same))
        {
            return Remember(s, same);
        }

        string TypeName() => componentName ?? InlineTypeName(s, nameHint!, pointer);

        var members = UnionMembers(s).ToList();
        if (members.Count > 0)
        {
            if (members.Count == 1)
            {
                // `anyOf: [{...}, {type: 'null'}]` is the one branch, nullable: an inline branch takes the component's own
                // name (mapping it by name hint claimed that name a second time: OpenAI's Prompt became Prompt2).
                var only = Unwrap(members[0]);
                var onlyPointer = MemberPointer(s, members[0], pointer);
                return componentName is not null && !_componentNames.ContainsKey(only)
                    ? Remember(s, MapNamed(only, componentName, onlyPointer))
                    : Map(members[0], nameHint ?? componentName!, onlyPointer);
            }

            if (TryMapEnumUnion(s, members, componentName, nameHint, pointer) is { } enumType)
            {
                return enumType;
            }

            if (members.All(IsPrimitive) && members.All(m => Unwrap(m).Enumeration.Count == 0))
            {
                var kinds = members.Select(m => PrimitiveKind(Unwrap(m))).Distinct().ToList();
                if (kinds.Contains(TypeKind.String))
                {
                    // A date-time is a string on the wire: `string | date-time` is a string (two string cases would clash).
                    kinds.Remove(TypeKind.DateTime);
                }

                if (kinds.Count == 1)
                {
                    return Remember(s, new TypeRef(kinds[0]));
                }

                return BuildPrimitiveUnion(s, componentName, kinds, pointer);
            }

            if (TryGetDiscriminator(s, pointer, out var property, out var cases))
            {
                var name = TypeName();
                var reference = Remember(s, new TypeRef(TypeKind.Union, name));
                BuildUnion(s, name, property, cases, pointer);
                return reference;
            }

            if (TryBuildValueUnion(s, componentName, nameHint, pointer) is { } valueUnion)
            {
                return valueUnion;
            }

            if (members.All(IsMapBranch) && TryBuildMapOfValueKinds(members, (componentName ?? nameHint ?? "Map") + "Value", pointer) is { } map)
            {
                // Only maps (Cloudflare's IAM resources: map of string | map of map of string): one map of their values' union.
                return Remember(s, map);
            }

            if (TryBuildObjectChoice(s, members, componentName, nameHint, pointer) is { } choice)
            {
                return choice;
            }

            Report(
                DiagnosticDescriptors.UnsupportedFallback,
                pointer,
                "A oneOf/anyOf without a discriminator",
                "JsonElement",
                "its variants cannot be told apart (no discriminator and no property fixed to one value per variant)");
            return Remember(s, TypeRef.Any);
        }

        var type = s.Type & ~JsonObjectType.Null;
        if (s.Enumeration.Count > 0)
        {
            var values = s.Enumeration.ToList();
            if (values.All(v => v is string) && values.Count > 1)
            {
                var name = TypeName();
                var reference = Remember(s, new TypeRef(TypeKind.Enum, name));
                BuildEnum(s, name, values.Cast<string>().ToList(), pointer);
                return reference;
            }

            if (values.All(v => v is string) || type == JsonObjectType.String)
            {
                return Remember(s, TypeRef.String);
            }

            // Integers with names for them (NSwag's x-enumNames, openapi-generator's x-enum-varnames): an integer enum.
            if (values.All(v => v is long or int) && IntegerEnumNames(s, pointer, values.Count) is { } titles)
            {
                var numbers = values.Select(IntegerText).ToList();
                if (numbers.Distinct(StringComparer.Ordinal).Count() > 1)
                {
                    return MapEnum(s, componentName, nameHint, pointer, numbers, titles, isInteger: true);
                }
            }
        }

        if (type == JsonObjectType.Array)
        {
            if (s.Item is null)
            {
                return Remember(s, new TypeRef(TypeKind.Array, null, TypeRef.Any));
            }

            var itemHint = (nameHint ?? componentName ?? "Item") + "Item";
            return Remember(s, new TypeRef(TypeKind.Array, null, Map(s.Item, itemHint, pointer + "/items")));
        }

        if (type == JsonObjectType.None && s.Properties.Count == 0 && s.AllOf.Count == 0 && s.AdditionalPropertiesSchema is null)
        {
            return Remember(s, TypeRef.Any);
        }

        if ((type & JsonObjectType.Object) != 0 || type == JsonObjectType.None)
        {
            var properties = Properties(s);
            if (properties.Count == 0 && s.AdditionalPropertiesSchema is { } additional)
            {
                var valueHint = (nameHint ?? componentName ?? "Map") + "Value";
                return Remember(s, new TypeRef(TypeKind.Map, null, Map(additional, valueHint, pointer + "/additionalProperties")));
            }

            if (properties.Count == 0 && componentName is null && s.AllOf.Count == 0)
            {
                return Remember(s, TypeRef.Any);
            }

            var name = TypeName();
            var reference = Remember(s, new TypeRef(TypeKind.Object, name));
            BuildObject(s, name, pointer, _variantOf.TryGetValue(s, out var membership) ? membership : null);
            return reference;
        }

        if ((type & (type - 1)) != 0 && (type & ~PrimitiveTypes) == 0)
        {
            // OpenAPI 3.1 style `type: [string, number]`.
            var kinds = new List<TypeKind>();
            foreach (var flag in new[] { JsonObjectType.String, JsonObjectType.Number, JsonObjectType.Integer, JsonObjectType.Boolean })
            {
                if ((type & flag) != 0)
                {
                    kinds.Add(PrimitiveKind(new JsonSchema { Type = flag }));
                }
            }

            return BuildPrimitiveUnion(s, componentName, kinds, pointer);
        }

        if (type == JsonObjectType.File)
        {
            Report(DiagnosticDescriptors.UnsupportedFallback, pointer, "A binary (file) schema", "string", "binary bodies are not supported yet");
            return Remember(s, TypeRef.String);
        }

        return Remember(s, PrimitiveType(s));
    }

    /// <summary>A primitive's type, with the width its <c>format</c> asks for (int32 → int, decimal → decimal).</summary>
    private static TypeRef PrimitiveType(JsonSchema s) => PrimitiveKind(s) switch
    {
        TypeKind.Integer when s.Format is "int32" => TypeRef.Int32,
        TypeKind.Number when s.Format is "decimal" => TypeRef.Decimal,
        var kind => new TypeRef(kind),
    };

    private static TypeKind PrimitiveKind(JsonSchema s)
    {
        var type = s.Type & ~JsonObjectType.Null;
        if ((type & JsonObjectType.String) != 0)
        {
            return s.Format is "date-time" ? TypeKind.DateTime : TypeKind.String;
        }

        if ((type & JsonObjectType.Integer) != 0)
        {
            return TypeKind.Integer;
        }

        if ((type & JsonObjectType.Number) != 0)
        {
            return TypeKind.Number;
        }

        return (type & JsonObjectType.Boolean) != 0 ? TypeKind.Boolean : TypeKind.Any;
    }

    private TypeRef Remember(JsonSchema schema, TypeRef reference)
    {
        _built[schema] = reference;
        if (reference.Name is not null && !_componentNames.ContainsKey(schema))
        {
            RememberShape(schema, reference);
        }

        return reference;
    }

    private TypeRef BuildPrimitiveUnion(JsonSchema s, string? componentName, List<TypeKind> kinds, string pointer)
    {
        kinds.Sort();
        var name = componentName ?? string.Join("Or", kinds.Select(k => k.ToString()));
        var reference = new TypeRef(TypeKind.PrimitiveUnion, name);
        if (componentName is null)
        {
            // Shared by composition: every inline `string | number` is the same StringOrNumber type.
            if (!_types.Any(t => t.Name == name))
            {
                if (_typeNames.IsTaken(name))
                {
                    name = ClaimTypeName(name, name, pointer);
                    reference = new TypeRef(TypeKind.PrimitiveUnion, name);
                }
                else
                {
                    _typeNames.Claim(name, name, out _);
                }

                _types.Add(new PrimitiveUnionSpec(name, null, kinds.Select(k => new TypeKindBox(k)).ToEquatableArray()));
            }

            return Remember(s, reference);
        }

        Remember(s, reference);
        _types.Add(new PrimitiveUnionSpec(name, NullIfEmpty(s.Description), kinds.Select(k => new TypeKindBox(k)).ToEquatableArray()));
        return reference;
    }

    /// <param name="titles">Member names wanted for each value (from the branch titles of a oneOf of constants), or null.</param>
    private void BuildEnum(JsonSchema s, string name, List<string> values, string pointer, List<string?>? titles = null, bool isInteger = false)
    {
        var scope = new Naming.Scope(name, "Value", "IsKnown", "ToString", "Equals", "GetHashCode", "Known", "KnownValues", "ReadJson", "WriteJson");
        var members = new List<EnumMemberSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (!seen.Add(value))
            {
                continue;
            }

            var wanted = MemberNameFromTitle(titles?[i]) ?? Naming.Pascal(Naming.SpellSymbols(value));
            var memberName = scope.Claim(wanted, value, out var clash);
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.NameCollision, pointer, "Enum value", clash, value, wanted, memberName);
            }

            members.Add(new EnumMemberSpec(value, memberName));
        }

        _types.Add(new EnumSpec(name, NullIfEmpty(s.Description), members.ToEquatableArray(), isInteger));
    }

    private void BuildObject(JsonSchema s, string name, string pointer, UnionMembership? membership)
    {
        var tagged = membership is { DiscriminatorJsonName.Length: > 0 };
        var numericTag = tagged && Properties(s).Any(p => p.Name == membership!.DiscriminatorJsonName
            && (Unwrap(p.Property).Type & ~JsonObjectType.Null) is JsonObjectType.Integer && membership.Values.All(v => long.TryParse(v, out _)));
        var scope = new Naming.Scope(name, "EqualityContract", "ToString", "GetHashCode", "Equals", "Deconstruct", "PrintMembers", "Validate", "ReadJson", "WriteJson");
        var properties = new List<PropertySpec>();
        foreach (var (jsonName, property, required) in Properties(s))
        {
            if (membership is not null && jsonName == membership.DiscriminatorJsonName)
            {
                continue; // written by the variant as a constant
            }

            var propertyPointer = pointer + "/properties/" + YamlSpecReader.Escape(jsonName);
            var wanted = Naming.Pascal(jsonName);
            if (membership is not null && wanted == membership.DiscriminatorName)
            {
                wanted += "Value";
            }

            var propertyName = scope.Claim(wanted, jsonName, out var clash);
            if (clash is not null)
            {
                Report(DiagnosticDescriptors.NameCollision, propertyPointer, "Property", clash, jsonName, wanted, propertyName);
            }

            var type = Map(property, name + propertyName, propertyPointer);
            properties.Add(new PropertySpec(
                jsonName,
                propertyName,
                type,
                required,
                IsNullable(property) || IsNullable(Unwrap(property)),
                NullIfEmpty(property.Description) ?? NullIfEmpty(Unwrap(property).Description),
                Constraints(property)));
        }

        _types.Add(new ObjectSpec(
            name,
            NullIfEmpty(s.Description),
            properties.ToEquatableArray(),
            membership?.UnionName,
            tagged ? membership!.DiscriminatorJsonName : null,
            tagged ? membership!.DiscriminatorName : null,
            tagged ? membership!.Values : EquatableArray<string>.Empty,
            NumericTag: numericTag));
    }

    private static ConstraintSpec? Constraints(JsonSchema schema)
    {
        var own = schema;
        var target = Unwrap(schema);
        var constraints = new ConstraintSpec(
            own.MinLength ?? target.MinLength,
            own.MaxLength ?? target.MaxLength,
            NullIfEmpty(own.Pattern) ?? NullIfEmpty(target.Pattern),
            (double?)(own.Minimum ?? target.Minimum ?? own.ExclusiveMinimum ?? target.ExclusiveMinimum),
            own.IsExclusiveMinimum || target.IsExclusiveMinimum || own.ExclusiveMinimum is not null || target.ExclusiveMinimum is not null,
            (double?)(own.Maximum ?? target.Maximum ?? own.ExclusiveMaximum ?? target.ExclusiveMaximum),
            own.IsExclusiveMaximum || target.IsExclusiveMaximum || own.ExclusiveMaximum is not null || target.ExclusiveMaximum is not null);
        return constraints.IsEmpty ? null : constraints;
    }
}
