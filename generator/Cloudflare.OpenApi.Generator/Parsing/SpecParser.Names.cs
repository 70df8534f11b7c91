using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// Type names: explicit names (<c>x-csharp-type-name</c>), and one type per distinct inline shape. Names come from a
/// schema's own place (component key, or the operation and property path that holds it), never from a counter over the
/// whole document, so adding a schema or an operation leaves existing names alone.
/// </summary>
internal sealed partial class SpecParser
{
    /// <summary>The vendor extension that names a schema's C# type (a shared convention, see the README).</summary>
    internal const string TypeNameExtension = "x-csharp-type-name";

    private readonly Dictionary<JsonSchema, string> _shapeKeys = new(ReferenceComparer<JsonSchema>.Instance);
    private readonly Dictionary<string, int> _shapeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _typesByShape = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _explicitNameByShape = new(StringComparer.Ordinal);
    private readonly Dictionary<JsonSchema, string> _explicitNames = new(ReferenceComparer<JsonSchema>.Instance);
    private readonly HashSet<JsonSchema> _badExplicitNames = new(ReferenceComparer<JsonSchema>.Instance);

    /// <summary>The schema's <c>x-csharp-type-name</c>, when it has a usable one (a bad one is reported and ignored).</summary>
    private string? ExplicitTypeName(JsonSchema schema, string pointer)
    {
        if (_explicitNames.TryGetValue(schema, out var reserved))
        {
            return reserved;
        }

        if (schema.ExtensionData is not { } extensions || !extensions.TryGetValue(TypeNameExtension, out var value))
        {
            return null;
        }

        if (value is string name && IsValidIdentifier(name))
        {
            return name;
        }

        if (!_badExplicitNames.Add(schema))
        {
            return null; // reported already
        }

        Report(
            DiagnosticDescriptors.UnsupportedFallback,
            pointer + "/" + TypeNameExtension,
            $"The {TypeNameExtension} value '{value}'",
            "ignored",
            "it is not a C# identifier; the type is named from its place");
        return null;
    }

    /// <summary>
    /// Claims every explicit name before any derived one, so an inline schema whose derived name happens to be
    /// <c>InstanceStatus</c> can never push the schema the spec (or its overlay) named <c>InstanceStatus</c> to
    /// <c>InstanceStatus2</c>. Schemas of one shape may share a name (they become one type).
    /// </summary>
    private void ReserveExplicitNames()
    {
        var visited = new HashSet<JsonSchema>(ReferenceComparer<JsonSchema>.Instance);
        foreach (var pair in _document.Components.Schemas)
        {
            Visit(pair.Value, ComponentPointer(pair.Key));
        }

        foreach (var path in _document.Paths)
        {
            var pathPointer = "/paths/" + YamlSpecReader.Escape(path.Key);
            foreach (var parameter in path.Value.Parameters)
            {
                Visit(parameter.ActualParameter.Schema, pathPointer + "/parameters");
            }

            foreach (var operation in path.Value)
            {
                var pointer = pathPointer + "/" + operation.Key.ToLowerInvariant();
                foreach (var parameter in operation.Value.Parameters)
                {
                    Visit(parameter.ActualParameter.Schema, pointer + "/parameters");
                }

                foreach (var content in operation.Value.ActualRequestBody?.Content.Values ?? Enumerable.Empty<NSwag.OpenApiMediaType>())
                {
                    Visit(content.Schema, pointer + "/requestBody");
                }

                foreach (var response in operation.Value.Responses.Values)
                {
                    foreach (var content in response.ActualResponse.Content.Values)
                    {
                        Visit(content.Schema, pointer + "/responses");
                    }
                }
            }
        }

        void Visit(JsonSchema? schema, string pointer)
        {
            if (schema is null || !visited.Add(schema))
            {
                return;
            }

            // Components were named (explicitly or by key) already.
            if (!_componentNames.ContainsKey(schema) && schema.ExtensionData is { } extensions && extensions.ContainsKey(TypeNameExtension)
                && ExplicitTypeName(schema, pointer) is { } name)
            {
                var shape = ShapeKey(schema);
                if (_explicitNameByShape.TryGetValue(shape, out var same) && same == name)
                {
                    _explicitNames[schema] = name;
                }
                else
                {
                    var claimed = ClaimTypeName(name, TypeNameExtension + " " + name, pointer);
                    _explicitNames[schema] = claimed;
                    if (!_explicitNameByShape.ContainsKey(shape))
                    {
                        _explicitNameByShape[shape] = claimed;
                    }
                }
            }

            if (schema.Reference is { } reference)
            {
                Visit(reference, pointer);
            }

            foreach (var property in schema.Properties)
            {
                Visit(property.Value, pointer + "/properties/" + YamlSpecReader.Escape(property.Key));
            }

            Visit(schema.Item, pointer + "/items");
            Visit(schema.AdditionalPropertiesSchema, pointer + "/additionalProperties");
            VisitAll(schema.AllOf, pointer + "/allOf/");
            VisitAll(schema.OneOf, pointer + "/oneOf/");
            VisitAll(schema.AnyOf, pointer + "/anyOf/");
        }

        void VisitAll(ICollection<JsonSchema> schemas, string prefix)
        {
            var i = 0;
            foreach (var member in schemas)
            {
                Visit(member, prefix + Invariant(i++));
            }
        }
    }

    /// <summary>The name an inline schema's type gets: its explicit name, the explicit name of a schema of the same shape, or the name from its place.</summary>
    private string InlineTypeName(JsonSchema schema, string nameHint, string pointer)
    {
        if (ExplicitTypeName(schema, pointer) is { } name)
        {
            return name;
        }

        if (_explicitNameByShape.TryGetValue(ShapeKey(schema), out var shared))
        {
            return shared;
        }

        return ClaimTypeName(nameHint, nameHint, pointer);
    }

    /// <summary>An inline schema of a shape already generated (same properties, same enum values…): that type.</summary>
    private bool TryGetSameShape(JsonSchema schema, out TypeRef type) => _typesByShape.TryGetValue(ShapeKey(schema), out type!);

    private void RememberShape(JsonSchema schema, TypeRef type)
    {
        var key = ShapeKey(schema);
        if (!_typesByShape.ContainsKey(key))
        {
            _typesByShape[key] = type;
        }
    }

    /// <summary>
    /// A canonical text of everything about a schema that shapes its C# type and JSON code: types, formats, enum values,
    /// properties with their required-ness, items, composition, discriminator and constraints — not descriptions,
    /// examples or nullability (that belongs to the place that uses the type).
    /// </summary>
    private string ShapeKey(JsonSchema schema)
    {
        var stack = new HashSet<JsonSchema>(ReferenceComparer<JsonSchema>.Instance);
        return Key(schema, 0);

        string Key(JsonSchema? s, int depth)
        {
            if (s is null)
            {
                return "-";
            }

            s = Unwrap(s);
            if (_componentNames.TryGetValue(s, out var component))
            {
                return "$" + component;
            }

            if (_shapeKeys.TryGetValue(s, out var known))
            {
                return known;
            }

            if (depth > 24 || !stack.Add(s))
            {
                return "@";
            }

            var b = new StringBuilder();
            b.Append('{').Append((int)(s.Type & ~JsonObjectType.Null)).Append(':').Append(s.Format);
            if (s.Enumeration.Count > 0)
            {
                b.Append("|e");
                foreach (var value in s.Enumeration)
                {
                    b.Append('[').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append(']');
                }
            }

            if (s.ExtensionData is { } extensions && extensions.TryGetValue("const", out var constant))
            {
                b.Append("|c").Append(Convert.ToString(constant, CultureInfo.InvariantCulture));
            }

            b.Append("|n").Append(s.MinLength).Append(',').Append(s.MaxLength).Append(',').Append(s.Pattern)
                .Append(',').Append(s.Minimum).Append(',').Append(s.Maximum).Append(',').Append(s.ExclusiveMinimum).Append(',').Append(s.ExclusiveMaximum)
                .Append(s.IsExclusiveMinimum ? "x" : string.Empty).Append(s.IsExclusiveMaximum ? "X" : string.Empty);
            if (s.Properties.Count > 0)
            {
                b.Append("|p");
                foreach (var property in s.Properties)
                {
                    b.Append(property.Key).Append(property.Value.IsRequired || s.RequiredProperties.Contains(property.Key) ? "!" : "?")
                        .Append(IsNullable(property.Value) ? "~" : string.Empty)
                        .Append('=').Append(Key(property.Value, depth + 1)).Append(';');
                }
            }

            foreach (var required in s.RequiredProperties.Where(r => !s.Properties.ContainsKey(r)))
            {
                b.Append("|r").Append(required);
            }

            if (s.Item is not null)
            {
                b.Append("|i").Append(Key(s.Item, depth + 1));
            }

            if (s.AdditionalPropertiesSchema is not null)
            {
                b.Append("|a").Append(Key(s.AdditionalPropertiesSchema, depth + 1));
            }

            Members("|all", s.AllOf);
            Members("|one", s.OneOf);
            Members("|any", s.AnyOf);
            if (s.DiscriminatorObject is { } discriminator)
            {
                b.Append("|d").Append(discriminator.PropertyName);
                foreach (var pair in discriminator.Mapping)
                {
                    b.Append(',').Append(pair.Key).Append('=').Append(Key(pair.Value, depth + 1));
                }
            }

            b.Append('}');
            stack.Remove(s);
            // Nested shapes appear by id, so a key stays short however deep the schema is.
            var text = b.ToString();
            if (!_shapeIds.TryGetValue(text, out var id))
            {
                _shapeIds[text] = id = _shapeIds.Count;
            }

            var key = "#" + Invariant(id);
            _shapeKeys[s] = key;
            return key;

            void Members(string label, ICollection<JsonSchema> members)
            {
                if (members.Count > 0)
                {
                    b.Append(label);
                    foreach (var member in members)
                    {
                        b.Append('(').Append(Key(member, depth + 1)).Append(')');
                    }
                }
            }
        }
    }
}
