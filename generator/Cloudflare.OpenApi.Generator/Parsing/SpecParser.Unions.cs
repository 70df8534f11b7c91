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
        property = string.Empty;
        cases = new List<(List<string>, JsonSchema)>();
        var s = Unwrap(schema);
        var members = UnionMembers(s).ToList();
        if (members.Count < 2 || !members.All(IsObjectLike))
        {
            return false;
        }

        var discriminator = s.DiscriminatorObject;
        if (discriminator is not null && !string.IsNullOrEmpty(discriminator.PropertyName))
        {
            property = discriminator.PropertyName!;
            var byVariant = new Dictionary<JsonSchema, List<string>>(ReferenceComparer<JsonSchema>.Instance);
            foreach (var pair in discriminator.Mapping)
            {
                var target = Unwrap(pair.Value);
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

                // Not mapped: the variant's own enum/const on the tag, else (by the specification) its component name.
                var values = TagValues(target, property)
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
        foreach (var (candidate, _, _) in Properties(members[0]))
        {
            var values = members.Select(m => TagValues(Unwrap(m), candidate)).ToList();
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

    private string? OriginalComponentKey(JsonSchema schema) => _componentKeys.TryGetValue(schema, out var key) ? key : null;

    /// <summary>The string values a variant allows for <paramref name="property"/> (its <c>enum</c> or <c>const</c>), or null when it does not pin them.</summary>
    private static List<string>? TagValues(JsonSchema variant, string property)
    {
        foreach (var (name, schema, _) in Properties(variant))
        {
            if (name != property)
            {
                continue;
            }

            var target = Unwrap(schema);
            if (target.Enumeration.Count > 0 && target.Enumeration.All(v => v is string))
            {
                return target.Enumeration.Cast<string>().Distinct(StringComparer.Ordinal).ToList();
            }

            if (target.ExtensionData is { } extensions && extensions.TryGetValue("const", out var constant) && constant is string c)
            {
                return new List<string> { c };
            }
        }

        return null;
    }

    private void BuildUnion(JsonSchema s, string name, string property, List<(List<string> Values, JsonSchema Variant)> cases, string pointer)
    {
        // An empty property: the variants are told apart by which property is present (no tag).
        var discriminatorName = property.Length == 0 ? string.Empty : Naming.Pascal(property);
        var unionCases = new List<UnionCaseSpec>();
        var index = 0;
        foreach (var (values, variant) in cases)
        {
            var tagValues = values.ToEquatableArray();
            string typeName;
            if (_componentNames.TryGetValue(variant, out var componentName))
            {
                if (!_variantOf.ContainsKey(variant) && !_sharedVariants.Contains(variant) && !_built.ContainsKey(variant))
                {
                    _variantOf[variant] = new UnionMembership(name, property, discriminatorName, tagValues);
                }

                var wrapped = MapComponent(variant);
                if (_variantOf.TryGetValue(variant, out var membership) && membership.UnionName == name)
                {
                    typeName = componentName;
                }
                else
                {
                    // The schema is a variant of another union too (or was generated as a plain record already):
                    // it cannot derive from this one, so this union gets a variant record that holds it.
                    var variantPointer = pointer + "/" + UnionKeyword(s) + "/" + Invariant(index);
                    typeName = ClaimTypeName(name + componentName, name + " variant " + componentName, variantPointer);
                    _types.Add(new VariantWrapperSpec(typeName, NullIfEmpty(variant.Description), name, property, discriminatorName, tagValues, wrapped));
                }
            }
            else
            {
                var variantPointer = pointer + "/" + UnionKeyword(s) + "/" + Invariant(index);
                // An x-csharp-type-name reserved up front is this variant's already (claiming it again would clash with itself).
                typeName = _explicitNames.TryGetValue(variant, out var reserved)
                    ? reserved
                    : ClaimTypeName(ExplicitTypeName(variant, variantPointer) ?? name + Naming.Pascal(values[0]), values[0], variantPointer);
                _componentNames[variant] = typeName; // inline variant: give it a name so it maps like a component
                _variantOf[variant] = new UnionMembership(name, property, discriminatorName, tagValues);
                MapNamed(variant, typeName, variantPointer);
            }

            unionCases.Add(new UnionCaseSpec(tagValues, typeName));
            index++;
        }

        _typeNames.Claim("Unknown" + name, name, out _);
        _types.Add(new UnionSpec(name, NullIfEmpty(s.Description), property, discriminatorName, unionCases.ToEquatableArray()));
    }

    private static string UnionKeyword(JsonSchema s) => s.OneOf.Count > 0 ? "oneOf" : "anyOf";
}
