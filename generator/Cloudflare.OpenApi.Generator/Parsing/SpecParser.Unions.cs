using System;
using System.Collections.Generic;
using System.Linq;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// Discriminated unions: how the variants of a oneOf/anyOf of objects are told apart (a discriminator, a tag every
/// variant pins, a property only one variant requires), variants that are unions themselves, tags two variants share.
/// </summary>
internal sealed partial class SpecParser
{
    /// <summary>Records, for each variant of every named union, which union it belongs to and its tag values.</summary>
    private void FindUnionVariants()
    {
        foreach (var pair in _document.Components.Schemas)
        {
            var union = pair.Value;
            if (_componentNames.TryGetValue(union, out var unionName) && TryGetDiscriminator(union, ComponentPointer(pair.Key), out var property, out var cases))
            {
                foreach (var (values, variant) in cases)
                {
                    var target = Unwrap(variant);
                    if (!_componentNames.ContainsKey(target))
                    {
                        continue; // inline variants are named and attached when the union is built
                    }

                    if (_variantOf.TryGetValue(target, out var existing) && existing.UnionName != unionName)
                    {
                        // A variant of several unions derives from none: each union wraps it (see BuildUnion).
                        _sharedVariants.Add(target);
                        continue;
                    }

                    _variantOf[target] = new UnionMembership(unionName, property, property.Length == 0 ? string.Empty : Naming.Pascal(property), values.ToEquatableArray());
                }
            }
        }

        foreach (var shared in _sharedVariants)
        {
            _variantOf.Remove(shared);
        }
    }

    /// <summary>
    /// Finds how a oneOf/anyOf of objects is told apart: its <c>discriminator</c> (with or without mapping), or else a
    /// property every variant pins with an <c>enum</c> (of one or more values, disjoint across variants) or a <c>const</c>
    /// (the style of Cloudflare's published spec). Each case lists its tag values, in spec order.
    /// </summary>
    private bool TryGetDiscriminator(JsonSchema schema, string pointer, out string property, out List<(List<string> Values, JsonSchema Variant)> cases)
    {
        var s = Unwrap(schema);
        return TryGetDiscriminator(s.DiscriminatorObject, UnionMembers(s).ToList(), pointer, out property, out cases);
    }

    /// <summary>The same for a list of object branches (those of a oneOf that also has strings or arrays, say).</summary>
    private bool TryGetDiscriminator(OpenApiDiscriminator? discriminator, List<JsonSchema> members, string pointer, out string property, out List<(List<string> Values, JsonSchema Variant)> cases)
    {
        property = string.Empty;
        cases = new List<(List<string>, JsonSchema)>();
        members = members.Select(UnwrapSingleUnion).ToList();
        if (members.Count < 2 || !members.All(IsObjectOrObjectUnion))
        {
            return false;
        }

        if (discriminator is not null && !string.IsNullOrEmpty(discriminator.PropertyName))
        {
            property = discriminator.PropertyName!;
            var byVariant = new Dictionary<JsonSchema, List<string>>(ReferenceComparer<JsonSchema>.Instance);
            foreach (var pair in discriminator.Mapping)
            {
                var target = UnwrapSingleUnion(pair.Value);
                if (!byVariant.TryGetValue(target, out var values))
                {
                    byVariant[target] = values = new List<string>();
                    cases.Add((values, target));
                }

                values.Add(pair.Key);
            }

            foreach (var member in members)
            {
                var target = Unwrap(member);
                if (byVariant.ContainsKey(target))
                {
                    continue;
                }

                // Not mapped: the variant's own enum/const on the tag (all its variants' when it is a union itself),
                // else (by the specification) its component name.
                var values = VariantTagValues(target, property, 0)
                    ?? (_componentNames.ContainsKey(target) ? new List<string> { OriginalComponentKey(target) ?? _componentNames[target] } : null);
                if (values is null)
                {
                    Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, "An inline union variant without a mapping entry", $"add it to the discriminator mapping or give it an enum on '{property}'");
                    return false;
                }

                byVariant[target] = values;
                cases.Add((values, target));
            }

            return true;
        }

        // No discriminator: look for a property that every variant pins to its own values.
        var first = FirstObject(members, 0) ?? Unwrap(members[0]);
        foreach (var (candidate, _, _) in Properties(first))
        {
            var values = members.Select(m => VariantTagValues(Unwrap(m), candidate, 0)).ToList();
            if (values.All(v => v is not null)
                && values.Sum(v => v!.Count) == values.SelectMany(v => v!).Distinct(StringComparer.Ordinal).Count())
            {
                property = candidate;
                cases = values.Select((v, i) => (v!, Unwrap(members[i]))).ToList();
                return true;
            }
        }

        // Else a property each variant requires and no other variant has: its presence says which one it is
        // (property stays empty: the union has no tag).
        var all = members.Select(m => Properties(m)).ToList();
        for (var i = 0; i < members.Count; i++)
        {
            var others = new HashSet<string>(all.Where((_, j) => j != i).SelectMany(p => p.Select(q => q.Name)), StringComparer.Ordinal);
            var marker = all[i].FirstOrDefault(p => p.Required && !others.Contains(p.Name)).Name;
            if (marker is null)
            {
                cases.Clear();
                return false;
            }

            cases.Add((new List<string> { marker }, Unwrap(members[i])));
        }

        return true;
    }

    /// <summary>
    /// A variant written as a oneOf of one object (OpenAI's AssistantStreamEvent: each event group is
    /// <c>oneOf: [{...}]</c>) is that object.
    /// </summary>
    private static JsonSchema UnwrapSingleUnion(JsonSchema schema)
    {
        var s = Unwrap(schema);
        for (var guard = 0; guard < 8; guard++)
        {
            var members = UnionMembers(s).ToList();
            if (members.Count != 1 || s.Properties.Count > 0 || s.AllOf.Count > 0)
            {
                break;
            }

            s = Unwrap(members[0]);
        }

        return s;
    }

    /// <summary>
    /// The first object among the variants, looking into variants that are unions themselves (OpenAI's Content is a
    /// oneOf of InputContent and OutputContent): its properties are the candidates for a tag.
    /// </summary>
    private static JsonSchema? FirstObject(IEnumerable<JsonSchema> variants, int depth)
    {
        foreach (var variant in variants)
        {
            var v = UnwrapSingleUnion(variant);
            var members = UnionMembers(v).ToList();
            if (members.Count == 0 || v.Properties.Count > 0)
            {
                return v;
            }

            if (depth < 8 && FirstObject(members, depth + 1) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>An object, or a union of objects (a union can be a variant of another union: OpenAI's InputItem holds Item).</summary>
    private static bool IsObjectOrObjectUnion(JsonSchema schema)
    {
        var s = Unwrap(schema);
        var members = UnionMembers(s).ToList();
        return members.Count > 1 && s.Properties.Count == 0 ? members.All(m => IsObjectLike(m) && !UnionMembers(Unwrap(m)).Any()) : IsObjectLike(s);
    }

    /// <summary>
    /// The tag values of a variant: its own enum/const on <paramref name="property"/>, or, when it is a union itself, the
    /// values of all its variants (from its mapping or their enums) — the outer union reads those as this variant.
    /// </summary>
    private List<string>? VariantTagValues(JsonSchema variant, string property, int depth)
    {
        var members = UnionMembers(variant).ToList();
        if (members.Count < 2 || variant.Properties.Count > 0 || depth > 8)
        {
            return TagValues(variant, property);
        }

        var mapping = variant.DiscriminatorObject is { } d && d.PropertyName == property ? d.Mapping : null;
        var all = new List<string>();
        foreach (var member in members)
        {
            var target = Unwrap(member);
            var mapped = mapping?.Where(p => ReferenceEquals(Unwrap(p.Value), target)).Select(p => p.Key).ToList();
            var values = mapped is { Count: > 0 } ? mapped : VariantTagValues(target, property, depth + 1);
            if (values is null)
            {
                return null;
            }

            all.AddRange(values);
        }

        return all.Distinct(StringComparer.Ordinal).ToList();
    }

    private string? OriginalComponentKey(JsonSchema schema) => _componentKeys.TryGetValue(schema, out var key) ? key : null;

    /// <summary>The values a variant allows for <paramref name="property"/> (its <c>enum</c> or <c>const</c>), as text, or null when it does not pin them.</summary>
    private static List<string>? TagValues(JsonSchema variant, string property)
    {
        foreach (var (name, schema, _) in Properties(variant))
        {
            if (name != property)
            {
                continue;
            }

            // String tags, or integer ones (Discord: `type: {type: integer, enum: [11]}`), which are compared by their
            // JSON text (the runtime's PeekDiscriminator returns a number's text) and written as numbers.
            var target = Unwrap(schema);
            if (target.Enumeration.Count > 0 && (target.Enumeration.All(v => v is string) || target.Enumeration.All(v => v is long or int)))
            {
                return target.Enumeration.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!).Distinct(StringComparer.Ordinal).ToList();
            }

            if (target.ExtensionData is { } extensions && extensions.TryGetValue("const", out var constant) && constant is string or long or int)
            {
                return new List<string> { Convert.ToString(constant, System.Globalization.CultureInfo.InvariantCulture)! };
            }
        }

        return null;
    }

    private void BuildUnion(JsonSchema s, string name, string property, List<(List<string> Values, JsonSchema Variant)> cases, string pointer)
    {
        BuildUnion(name, NullIfEmpty(s.Description), property, cases, pointer, variant => MemberPointer(s, variant, pointer));
    }

    private void BuildUnion(string name, string? description, string property, List<(List<string> Values, JsonSchema Variant)> cases, string pointer, Func<JsonSchema, string> pointerOf)
    {
        // An empty property: the variants are told apart by which property is present (no tag).
        var discriminatorName = property.Length == 0 ? string.Empty : Naming.Pascal(property);
        var unionCases = new List<UnionCaseSpec>();
        foreach (var (values, variant) in cases)
        {
            var tagValues = values.ToEquatableArray();
            var variantPointer = pointerOf(variant);
            string typeName;
            if (_componentNames.TryGetValue(variant, out var componentName))
            {
                if (!_variantOf.ContainsKey(variant) && !_sharedVariants.Contains(variant) && !_built.ContainsKey(variant))
                {
                    _variantOf[variant] = new UnionMembership(name, property, discriminatorName, tagValues);
                }

                var wrapped = MapComponent(variant);
                if (wrapped.Kind == TypeKind.Object && _variantOf.TryGetValue(variant, out var membership) && membership.UnionName == name)
                {
                    typeName = componentName;
                }
                else
                {
                    // The schema is a variant of another union too (or was generated as a plain record already, or is a
                    // union itself): it cannot derive from this one, so this union gets a variant record that holds it.
                    typeName = ClaimTypeName(name + componentName, name + " variant " + componentName, variantPointer);
                    _types.Add(new VariantWrapperSpec(typeName, NullIfEmpty(variant.Description), name, property, discriminatorName, tagValues, wrapped));
                }
            }
            else if (UnionMembers(variant).Count() > 1 && variant.Properties.Count == 0)
            {
                // An inline union as a variant: generated under its own name and held by a variant record.
                typeName = ClaimTypeName(name + Naming.Pascal(values[0]), values[0], variantPointer);
                var wrapped = Map(variant, typeName + "Union", variantPointer);
                _types.Add(new VariantWrapperSpec(typeName, NullIfEmpty(variant.Description), name, property, discriminatorName, tagValues, wrapped));
            }
            else if (_built.TryGetValue(variant, out var built))
            {
                // An inline object already generated as a plain record (it is also a oneOf's only branch elsewhere).
                typeName = ClaimTypeName(name + Naming.Pascal(values[0]), values[0], variantPointer);
                _types.Add(new VariantWrapperSpec(typeName, NullIfEmpty(variant.Description), name, property, discriminatorName, tagValues, built));
            }
            else
            {
                // An x-csharp-type-name reserved up front is this variant's already (claiming it again would clash with itself).
                typeName = _explicitNames.TryGetValue(variant, out var reserved)
                    ? reserved
                    : ClaimTypeName(ExplicitTypeName(variant, variantPointer) ?? name + Naming.Pascal(values[0]), values[0], variantPointer);
                _componentNames[variant] = typeName; // inline variant: give it a name so it maps like a component
                _variantOf[variant] = new UnionMembership(name, property, discriminatorName, tagValues);
                MapNamed(variant, typeName, variantPointer);
            }

            unionCases.Add(new UnionCaseSpec(tagValues, typeName));
        }

        var (readCases, sharedTags) = property.Length == 0
            ? (unionCases, new List<SharedTagSpec>())
            : SplitSharedTags(name, unionCases, cases.Select(c => c.Variant).ToList(), property, pointerOf);
        _typeNames.Claim("Unknown" + name, name, out _);
        _types.Add(new UnionSpec(name, description, property, discriminatorName, readCases.ToEquatableArray(), sharedTags.ToEquatableArray()));
    }

    /// <summary>
    /// Tag values that more than one variant has (OpenAI's Item: InputMessage and OutputMessage are both
    /// <c>type: message</c>). Such a value is read by a second property that each of those variants pins to values of its
    /// own (there: <c>role</c>); without one, the first variant in spec order reads it, with a warning on the others.
    /// Returns the cases with the values each reads by the tag alone, and the values that need the second look.
    /// </summary>
    private (List<UnionCaseSpec> Cases, List<SharedTagSpec> Shared) SplitSharedTags(
        string unionName, List<UnionCaseSpec> cases, List<JsonSchema> variants, string property, Func<JsonSchema, string> pointerOf)
    {
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            foreach (var value in cases[i].Values)
            {
                if (!owners.TryGetValue(value, out var list))
                {
                    owners[value] = list = new List<int>();
                }

                list.Add(i);
            }
        }

        var sharedValues = owners.Where(p => p.Value.Count > 1).ToList();
        if (sharedValues.Count == 0)
        {
            return (cases, new List<SharedTagSpec>());
        }

        var shared = new List<SharedTagSpec>();
        var dropped = new HashSet<(int Case, string Value)>();
        foreach (var pair in sharedValues)
        {
            var (value, indexes) = (pair.Key, pair.Value);
            var second = FindSecondTag(indexes.Select(i => variants[i]).ToList(), property);
            if (second is { } found)
            {
                shared.Add(new SharedTagSpec(
                    value,
                    found.Property,
                    indexes.Select((i, k) => new UnionCaseSpec(found.Values[k].ToEquatableArray(), cases[i].TypeName)).ToEquatableArray()));
                foreach (var i in indexes)
                {
                    dropped.Add((i, value));
                }

                continue;
            }

            foreach (var i in indexes.Skip(1))
            {
                dropped.Add((i, value));
                Report(
                    DiagnosticDescriptors.UnsupportedFallback,
                    pointerOf(variants[i]),
                    $"The tag '{value}' of {unionName}'s variant {cases[i].TypeName}",
                    $"a tag of {cases[indexes[0]].TypeName} when read",
                    $"{cases[indexes[0]].TypeName} has the same '{property}' and no other property tells the two apart; JSON with it reads as {cases[indexes[0]].TypeName} ({cases[i].TypeName} is still written with it)");
            }
        }

        var readCases = cases
            .Select((c, i) => c with { Values = c.Values.Where(v => !dropped.Contains((i, v))).ToEquatableArray() })
            .ToList();
        return (readCases, shared);
    }

    /// <summary>A property (other than the tag) that every one of <paramref name="variants"/> pins to values no other of them has.</summary>
    private (string Property, List<List<string>> Values)? FindSecondTag(List<JsonSchema> variants, string tag)
    {
        var first = FirstObject(variants, 0);
        if (first is null)
        {
            return null;
        }

        foreach (var (candidate, _, _) in Properties(first))
        {
            if (candidate == tag)
            {
                continue;
            }

            var values = variants.Select(v => VariantTagValues(v, candidate, 0)).ToList();
            if (values.All(v => v is not null)
                && values.Sum(v => v!.Count) == values.SelectMany(v => v!).Distinct(StringComparer.Ordinal).Count())
            {
                return (candidate, values.Select(v => v!).ToList());
            }
        }

        return null;
    }

    private static string UnionKeyword(JsonSchema s) => s.OneOf.Count > 0 ? "oneOf" : "anyOf";
}
