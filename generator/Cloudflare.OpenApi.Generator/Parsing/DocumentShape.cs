using System.Collections.Generic;
using Cloudflare.OpenApi.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// Checks that the objects the generator reads have the shape OpenAPI requires (a path item, an operation, a response
/// is a mapping; <c>parameters</c> is a list; a parameter has a <c>name</c> and an <c>in</c>; a schema is a mapping or,
/// in 3.1, <c>true</c>/<c>false</c>). NSwag turns a <c>null</c> or a scalar in such a place into a null object, which
/// would otherwise surface later as a NullReferenceException far from its cause; here it is OAG001 at the node.
/// Nodes holding a <c>$ref</c> are left to the reference checks.
/// </summary>
internal sealed class DocumentShape
{
    private static readonly HashSet<string> s_methods = new() { "get", "put", "post", "delete", "options", "head", "patch", "trace" };
    private static readonly YamlScalarNode s_ref = new("$ref");

    private readonly YamlSpecReader _yaml;
    private readonly List<DiagnosticInfo> _diagnostics;

    private DocumentShape(YamlSpecReader yaml, List<DiagnosticInfo> diagnostics)
    {
        _yaml = yaml;
        _diagnostics = diagnostics;
    }

    /// <summary>Reports every misshapen node; false when there was one.</summary>
    public static bool Check(YamlSpecReader yaml, YamlMappingNode root, List<DiagnosticInfo> diagnostics)
    {
        var before = diagnostics.Count;
        var shape = new DocumentShape(yaml, diagnostics);
        shape.MapOf(root, "paths", string.Empty, shape.PathItem);
        shape.MapOf(root, "webhooks", string.Empty, shape.PathItem);
        shape.ListOf(root, "tags", string.Empty, shape.Tag);
        if (shape.Mapping(Child(root, "components"), "/components", "the components") is { } components)
        {
            shape.MapOf(components, "schemas", "/components", shape.Schema);
            shape.MapOf(components, "responses", "/components", shape.Response);
            shape.MapOf(components, "parameters", "/components", shape.Parameter);
            shape.MapOf(components, "requestBodies", "/components", shape.RequestBody);
            shape.MapOf(components, "headers", "/components", shape.Header);
            shape.MapOf(components, "pathItems", "/components", shape.PathItem);
        }

        return diagnostics.Count == before;
    }

    private void Tag(YamlNode node, string pointer)
    {
        if (Mapping(node, pointer, "a tag") is { } tag && Child(tag, "name") is not YamlScalarNode { Value: { Length: > 0 } })
        {
            Report(pointer, "a tag needs 'name' (a text value)");
        }
    }

    private void PathItem(YamlNode node, string pointer)
    {
        if (Object(node, pointer, "a path item") is not { } item)
        {
            return;
        }

        ListOf(item, "parameters", pointer, Parameter);
        foreach (var entry in item.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } method } && s_methods.Contains(method))
            {
                Operation(entry.Value, pointer + "/" + method);
            }
        }
    }

    private void Operation(YamlNode node, string pointer)
    {
        if (Mapping(node, pointer, "an operation") is not { } operation)
        {
            return;
        }

        ListOf(operation, "parameters", pointer, Parameter);
        if (Child(operation, "requestBody") is { } body)
        {
            RequestBody(body, pointer + "/requestBody");
        }

        MapOf(operation, "responses", pointer, Response);
        MapOf(operation, "callbacks", pointer, (callback, callbackPointer) =>
        {
            if (Object(callback, callbackPointer, "a callback") is { } expressions)
            {
                foreach (var entry in expressions.Children)
                {
                    if (entry.Key is YamlScalarNode { Value: { } expression })
                    {
                        PathItem(entry.Value, callbackPointer + "/" + YamlSpecReader.Escape(expression));
                    }
                }
            }
        });
    }

    private void RequestBody(YamlNode node, string pointer)
    {
        if (Object(node, pointer, "a request body") is { } body)
        {
            MapOf(body, "content", pointer, MediaType);
        }
    }

    private void Response(YamlNode node, string pointer)
    {
        if (Object(node, pointer, "a response") is { } response)
        {
            MapOf(response, "content", pointer, MediaType);
            MapOf(response, "headers", pointer, Header);
        }
    }

    private void Parameter(YamlNode node, string pointer)
    {
        if (Object(node, pointer, "a parameter") is not { } parameter)
        {
            return;
        }

        foreach (var required in new[] { "name", "in" })
        {
            if (Child(parameter, required) is not YamlScalarNode { Value: { Length: > 0 } })
            {
                Report(pointer, $"a parameter needs '{required}' (a text value)");
            }
        }

        Header(parameter, pointer);
    }

    private void Header(YamlNode node, string pointer)
    {
        if (Object(node, pointer, "a header") is { } header)
        {
            if (Child(header, "schema") is { } schema)
            {
                Schema(schema, pointer + "/schema");
            }

            MapOf(header, "content", pointer, MediaType);
        }
    }

    private void MediaType(YamlNode node, string pointer)
    {
        if (Mapping(node, pointer, "a media type") is { } media && Child(media, "schema") is { } schema)
        {
            Schema(schema, pointer + "/schema");
        }
    }

    private void Schema(YamlNode node, string pointer)
    {
        if (node is YamlScalarNode { Value: "true" or "false" })
        {
            return; // 3.1: a boolean schema
        }

        if (Object(node, pointer, "a schema") is not { } schema)
        {
            return;
        }

        MapOf(schema, "properties", pointer, Schema);
        ListOf(schema, "allOf", pointer, Schema);
        ListOf(schema, "oneOf", pointer, Schema);
        ListOf(schema, "anyOf", pointer, Schema);
        foreach (var single in new[] { "items", "not" })
        {
            if (Child(schema, single) is { } child)
            {
                Schema(child, pointer + "/" + single);
            }
        }

        if (Child(schema, "additionalProperties") is { } additional)
        {
            Schema(additional, pointer + "/additionalProperties");
        }

        if (Child(schema, "discriminator") is { } discriminator)
        {
            if (Mapping(discriminator, pointer + "/discriminator", "a discriminator") is { } d
                && Child(d, "propertyName") is not YamlScalarNode { Value: { Length: > 0 } })
            {
                Report(pointer + "/discriminator", "a discriminator needs 'propertyName' (a text value)");
            }
        }

        foreach (var list in new[] { "required", "enum" })
        {
            if (Child(schema, list) is YamlNode and not YamlSequenceNode)
            {
                Report(pointer + "/" + list, $"'{list}' must be a list");
            }
        }
    }

    /// <summary>A mapping that is not a <c>$ref</c>; reports anything else; null when there is nothing to check.</summary>
    private YamlMappingNode? Object(YamlNode node, string pointer, string what)
    {
        var mapping = Mapping(node, pointer, what);
        return mapping is not null && mapping.Children.ContainsKey(s_ref) ? null : mapping;
    }

    private YamlMappingNode? Mapping(YamlNode? node, string pointer, string what)
    {
        switch (node)
        {
            case null:
                return null;
            case YamlMappingNode mapping:
                return mapping;
            default:
                Report(pointer, $"{what} must be a mapping, not {Describe(node)}");
                return null;
        }
    }

    private void MapOf(YamlMappingNode parent, string key, string pointer, System.Action<YamlNode, string> check)
    {
        var childPointer = pointer + "/" + key;
        if (Mapping(Child(parent, key), childPointer, $"'{key}'") is not { } map)
        {
            return;
        }

        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } name })
            {
                check(entry.Value, childPointer + "/" + YamlSpecReader.Escape(name));
            }
        }
    }

    private void ListOf(YamlMappingNode parent, string key, string pointer, System.Action<YamlNode, string> check)
    {
        var childPointer = pointer + "/" + key;
        switch (Child(parent, key))
        {
            case null:
                return;
            case YamlSequenceNode list:
                for (var i = 0; i < list.Children.Count; i++)
                {
                    check(list.Children[i], childPointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return;
            case var other:
                Report(childPointer, $"'{key}' must be a list, not {Describe(other)}");
                return;
        }
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" or "~" or "null" } => "empty",
        YamlScalarNode scalar => $"the value '{scalar.Value}'",
        YamlSequenceNode => "a list",
        _ => "a mapping",
    };

    private void Report(string pointer, string message) =>
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSpec, _yaml.LocationOf(pointer), message));
}
