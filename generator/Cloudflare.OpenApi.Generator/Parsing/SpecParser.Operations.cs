using System;
using System.Collections.Generic;
using System.Linq;
using Cloudflare.OpenApi.Generator.Conventions;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Helpers;
using Cloudflare.OpenApi.Generator.Model;
using NJsonSchema;
using NSwag;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>Operations → group clients and methods.</summary>
internal sealed partial class SpecParser
{
    private static readonly string[] s_methodOrder = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private Dictionary<string, string>? _referenceAt;

    private (List<GroupSpec> Groups, List<GroupName> TopLevel, List<ClientParameterSpec> ClientParameters) BuildOperations(string clientName)
    {
        var clientParameterNames = new HashSet<string>(_input.ClientParameters, StringComparer.Ordinal);
        var clientParameters = new Dictionary<string, ClientParameterSpec>(StringComparer.Ordinal);
        var root = new GroupNode(string.Empty, string.Empty, clientName, string.Empty, string.Empty, clientName, "Options", "DefaultBaseUri", "GeneratorVersion");
        var nodes = new List<GroupNode> { root };
        var fernGroups = OperationNaming.FernGroups(_document);
        var paths = new HashSet<string>(_document.Paths.Keys, StringComparer.Ordinal);

        foreach (var pathPair in _document.Paths)
        {
            var pathPointer = "/paths/" + YamlSpecReader.Escape(pathPair.Key);
            var operations = pathPair.Value.OrderBy(p => Array.IndexOf(s_methodOrder, p.Key.ToLowerInvariant()));
            foreach (var opPair in operations)
            {
                var method = opPair.Key.ToLowerInvariant();
                var operation = opPair.Value;
                var pointer = pathPointer + "/" + method;
                var name = OperationNaming.Name(operation, method, pathPair.Key, pathPair.Value, clientParameterNames, fernGroups, paths);
                var node = Node(root, nodes, name.Group, clientName, pointer);

                // Two operations deriving one name (GET /a and GET /a/{id}/… both "Get"): the later keeps its operationId.
                var wanted = name.Method + "Async";
                if (node.Members.IsTaken(wanted) && name.Fallback != name.Method && !node.Members.IsTaken(name.Fallback + "Async"))
                {
                    wanted = name.Fallback + "Async";
                }

                var uniqueMethod = node.Members.Claim(wanted, operation.OperationId ?? pointer, out var clash);
                if (clash is not null)
                {
                    Report(DiagnosticDescriptors.NameCollision, pointer, "Operation", clash, operation.OperationId ?? pointer, wanted, uniqueMethod);
                }

                var spec = BuildOperation(operation, pathPair.Value, method, pathPair.Key, pointer, uniqueMethod, node.TypePrefix, clientParameterNames, clientParameters);
                if (spec is { Response.Shape: ResponseShape.Binary })
                {
                    // Bytes also as a stream the caller reads and disposes (a download bigger than MaxResponseSize).
                    var stream = uniqueMethod.Substring(0, uniqueMethod.Length - "Async".Length) + "StreamAsync";
                    spec = spec with { StreamMethodName = node.Members.Claim(stream, (operation.OperationId ?? pointer) + " (stream)", out _) };
                }

                if (spec is not null)
                {
                    node.Operations.Add(spec);
                }
            }
        }

        foreach (var name in clientParameterNames.Where(n => !clientParameters.ContainsKey(n)))
        {
            Report(DiagnosticDescriptors.InvalidOption, string.Empty, "ClientParameters", $"no operation has a path parameter named '{name}'");
        }

        var tagDescriptions = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in _document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tagDescriptions[Naming.Pascal(tag.Name)] = tag.Description;
        }

        var groups = nodes
            .Where(n => n.Key.Length > 0 || n.Operations.Count > 0)
            .Select(n => new GroupSpec(
                n.Name,
                n.ClassName,
                n.Parent == string.Empty && tagDescriptions.TryGetValue(n.Name, out var d) ? NullIfEmpty(d) : null,
                n.Operations.ToEquatableArray(),
                n.Children.Select(c => new GroupName(c.Name, c.ClassName)).ToEquatableArray()))
            .ToList();
        return (groups, root.Children.Select(c => new GroupName(c.Name, c.ClassName)).ToList(), clientParameters.Values.ToList());
    }

    /// <summary>The group at <paramref name="path"/> below the root, created (with its parents) on first use.</summary>
    private GroupNode Node(GroupNode root, List<GroupNode> nodes, IReadOnlyList<string> path, string clientName, string pointer)
    {
        var node = root;
        foreach (var segment in path)
        {
            var key = node.Key.Length == 0 ? segment : node.Key + "." + segment;
            var child = node.Children.FirstOrDefault(c => c.Key == key);
            if (child is null)
            {
                var property = node.Members.Claim(segment, key, out _);

                // The class shares the namespace with the root client and every schema type: claim its name too. A group
                // named like the root client (Cloudflare's `workflows` group in WorkflowsClient) gets "…OperationsClient"
                // by rule, not a numbered name and a warning.
                var typePrefix = node.TypePrefix + property;
                var className = typePrefix + "Client" == clientName ? typePrefix + "OperationsClient" : typePrefix + "Client";
                className = ClaimTypeName(className, "operation group " + key, pointer);
                child = new GroupNode(key, property, className, node.Key, typePrefix, className);
                node.Children.Add(child);
                nodes.Add(child);
            }

            node = child;
        }

        return node;
    }

    /// <summary>A group while operations are collected: its members (methods and nested groups) share one name scope.</summary>
    private sealed class GroupNode
    {
        public GroupNode(string key, string name, string className, string parent, string typePrefix, params string[] reserved)
        {
            Key = key;
            Name = name;
            ClassName = className;
            Parent = parent;
            TypePrefix = typePrefix;
            Members = new Naming.Scope(new[] { "Equals", "GetHashCode", "ToString", "GetType" }.Concat(reserved).ToArray());
        }

        /// <summary>The dotted path of group names (<c>Workflows.Instances</c>); empty for the root client.</summary>
        public string Key { get; }

        public string Name { get; }

        public string ClassName { get; }

        /// <summary>The enclosing group's key.</summary>
        public string Parent { get; }

        /// <summary>Inline schemas of its operations are named after the group path and the method: "Events" + "List" + "Response".</summary>
        public string TypePrefix { get; }

        public Naming.Scope Members { get; }

        public List<OperationSpec> Operations { get; } = new();

        public List<GroupNode> Children { get; } = new();
    }

    private OperationSpec? BuildOperation(
        OpenApiOperation operation,
        OpenApiPathItem pathItem,
        string method,
        string path,
        string pointer,
        string methodName,
        string groupPrefix,
        HashSet<string> clientParameterNames,
        Dictionary<string, ClientParameterSpec> clientParameters)
    {
        var parameters = new List<ParameterSpec>();
        var scope = new Naming.Scope("cancellationToken", "body");

        // Inline schemas of this operation are named after it: "Events" + "List" + "Response".
        var typePrefix = groupPrefix + methodName.Substring(0, methodName.Length - "Async".Length);
        var merged = new List<(OpenApiParameter Parameter, string Pointer)>();
        var index = 0;
        foreach (var parameter in pathItem.Parameters)
        {
            merged.Add((parameter.ActualParameter, "/paths/" + YamlSpecReader.Escape(path) + "/parameters/" + Invariant(index++)));
        }

        index = 0;
        foreach (var parameter in operation.Parameters)
        {
            var actual = parameter.ActualParameter;
            merged.RemoveAll(p => p.Parameter.Name == actual.Name && p.Parameter.Kind == actual.Kind);
            merged.Add((actual, pointer + "/parameters/" + Invariant(index++)));
        }

        foreach (var (parameter, parameterPointer) in merged)
        {
            if (parameter.Kind == OpenApiParameterKind.Body)
            {
                continue; // NSwag mirrors the requestBody as a parameter; the body is read from RequestBody below
            }

            var location = parameter.Kind switch
            {
                OpenApiParameterKind.Path => ParameterLocation.Path,
                OpenApiParameterKind.Query => ParameterLocation.Query,
                OpenApiParameterKind.Header => ParameterLocation.Header,
                OpenApiParameterKind.Cookie => ParameterLocation.Cookie,
                _ => (ParameterLocation?)null,
            };

            if (location is null)
            {
                // NSwag's other kinds (formData, body: Swagger 2 only) are not OpenAPI 3 parameter locations; say so rather than drop them silently.
                Report(DiagnosticDescriptors.UnsupportedFallback, parameterPointer, $"The {parameter.Kind.ToString().ToLowerInvariant()} parameter '{parameter.Name}'", "no method parameter", "only path, query, header and cookie parameters become method parameters; set it with a pipeline policy");
                continue;
            }

            var schema = parameter.Schema ?? parameter;
            var type = ParameterType(parameter, location.Value, schema, typePrefix, parameterPointer);
            var required = location == ParameterLocation.Path || parameter.IsRequired;
            var constraints = Constraints(schema);
            string? clientProperty = null;
            if (location == ParameterLocation.Path && clientParameterNames.Contains(parameter.Name))
            {
                clientProperty = Naming.Pascal(parameter.Name);
                if (!clientParameters.ContainsKey(parameter.Name))
                {
                    clientParameters[parameter.Name] = new ClientParameterSpec(parameter.Name, clientProperty, NullIfEmpty(parameter.Description), constraints);
                }
            }

            var name = clientProperty is null ? scope.Claim(Naming.Camel(parameter.Name), parameter.Name, out _) : Naming.Camel(parameter.Name);
            var style = IsJsonTextParameter(location.Value, type) ? ValueStyle.JsonText
                : ParameterShape(type) == ParameterValueShape.Structured ? ValueStyleOf(parameter, location.Value, type.Kind == TypeKind.Array, parameterPointer)
                : ValueStyle.Exploded;
            parameters.Add(new ParameterSpec(parameter.Name, name, location.Value, type, required, NullIfEmpty(parameter.Description), constraints, clientProperty, style));
        }

        var segments = PathSegments(path);
        foreach (var segment in segments.Where(s => s.IsParameter))
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.JsonName == segment.Text))
            {
                // Invalid by the specification, common in practice: the placeholder still needs a value, so take a string.
                Report(DiagnosticDescriptors.UnsupportedFallback, pointer, $"The path placeholder '{{{segment.Text}}}' without an `in: path` parameter", "a string parameter", "every path placeholder needs a value");
                var name = scope.Claim(Naming.Camel(segment.Text), segment.Text, out _);
                parameters.Add(new ParameterSpec(segment.Text, name, ParameterLocation.Path, TypeRef.String, true, null, null, null, ValueStyle.CommaDelimited));
            }
        }

        var body = BuildBody(operation, typePrefix, pointer);
        var response = BuildResponse(operation, typePrefix, pointer);
        return new OperationSpec(
            operation.OperationId ?? methodName,
            methodName,
            method.ToUpperInvariant(),
            path,
            segments.ToEquatableArray(),
            NullIfEmpty(operation.Summary),
            NullIfEmpty(operation.Description),
            operation.IsDeprecated,
            parameters.ToEquatableArray(),
            body,
            response,
            ErrorBodies: BuildErrorBodies(operation).ToEquatableArray());
    }

    /// <summary>
    /// The statuses other than 2xx whose JSON body is a component schema, when the convention generates them
    /// (<see cref="ApiConventions.GeneratesErrorBodies"/>): the method's docs say what <c>Failure.ReadBody&lt;T&gt;()</c> reads.
    /// </summary>
    private List<ErrorBodySpec> BuildErrorBodies(OpenApiOperation operation)
    {
        var bodies = new List<ErrorBodySpec>();
        if (!ApiConventions.GeneratesErrorBodies(_convention))
        {
            return bodies;
        }

        foreach (var pair in operation.Responses.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (IsSuccessStatus(pair.Key) || MediaTypes.First(pair.Value.ActualResponse.Content.Keys, BodyKind.Json) is not { } json
                || pair.Value.ActualResponse.Content[json].Schema is not { } schema || !_componentNames.ContainsKey(Unwrap(schema)))
            {
                continue;
            }

            if (MapComponent(Unwrap(schema)) is { Kind: TypeKind.Object or TypeKind.Union } type)
            {
                bodies.Add(new ErrorBodySpec(pair.Key, type));
            }
        }

        return bodies;
    }

    /// <summary>
    /// A parameter's type: primitives, enums, primitive unions and arrays of those as they are; in the query also
    /// objects, maps and unions (written from their JSON by the OpenAPI style: <c>RequestBuilder.AppendQueryJson</c>)
    /// and arrays of them or of arrays (typed, written as their JSON text, warned); objects, maps and unions in a path,
    /// header or cookie degrade to <c>JsonElement</c> sent as its JSON text, and a schema without a type to <c>string</c>.
    /// </summary>
    private TypeRef ParameterType(OpenApiParameter parameter, ParameterLocation location, JsonSchema schema, string typePrefix, string pointer)
    {
        // `enum: ["true", "false"]` reads better as bool? (sent as "true"/"false").
        if (IsBooleanStringEnum(Unwrap(schema)))
        {
            return TypeRef.Boolean;
        }

        var type = Map(schema, typePrefix + Naming.Pascal(parameter.Name), pointer + "/schema");
        var scalar = type.Kind == TypeKind.Array ? type.Element! : type;
        switch (ParameterShape(scalar))
        {
            case ParameterValueShape.Text:
                return type;
            case ParameterValueShape.Untyped when type.Kind != TypeKind.Array:
                Report(DiagnosticDescriptors.UnsupportedFallback, pointer, $"The parameter '{parameter.Name}' without a type", "string", "a parameter's value is text on the wire");
                return TypeRef.String;
            case ParameterValueShape.Untyped:
                Report(DiagnosticDescriptors.UnsupportedFallback, pointer, $"The array parameter '{parameter.Name}' with untyped items", "a list of strings", "a parameter's value is text on the wire");
                return new TypeRef(TypeKind.Array, null, TypeRef.String);
            case ParameterValueShape.Structured when location == ParameterLocation.Query && type.Kind != TypeKind.Array:
                return type;
            case ParameterValueShape.Structured when location == ParameterLocation.Query:
                // Typed, and written as one parameter of JSON text (ValueStyle.JsonText, chosen by the caller).
                Report(DiagnosticDescriptors.UnsupportedFallback, pointer, $"The parameter '{parameter.Name}' of type {Describe(type)}", "a typed list sent as its JSON text (one parameter)", "the specification defines no form for an object or array item in the query");
                return type;
            case ParameterValueShape.Structured:
                break;
        }

        // An object, map or union in a path, header or cookie.
        Report(DiagnosticDescriptors.UnsupportedFallback, pointer, $"The {location.ToString().ToLowerInvariant()} parameter '{parameter.Name}' of type {Describe(type)}", "JsonElement (sent as its JSON text)", "objects, maps and unions are written in the query only; a path, header or cookie value here is its JSON text");
        return TypeRef.Any;
    }

    /// <summary>A query array whose items are objects, maps, unions or arrays: no style writes it, so it is its JSON text.</summary>
    private static bool IsJsonTextParameter(ParameterLocation location, TypeRef type) =>
        location == ParameterLocation.Query && type.Kind == TypeKind.Array && ParameterShape(type.Element!) == ParameterValueShape.Structured;

    private enum ParameterValueShape
    {
        Text,
        Untyped,
        Structured,
    }

    private static ParameterValueShape ParameterShape(TypeRef type) => type.Kind switch
    {
        TypeKind.String or TypeKind.Boolean or TypeKind.Integer or TypeKind.Number or TypeKind.DateTime or TypeKind.Enum or TypeKind.IntegerEnum or TypeKind.PrimitiveUnion
            => ParameterValueShape.Text,
        TypeKind.Any => ParameterValueShape.Untyped,
        TypeKind.Object or TypeKind.Union or TypeKind.ValueUnion or TypeKind.Array or TypeKind.Map => ParameterValueShape.Structured,
    };

    private static string Describe(TypeRef type) => type.Kind == TypeKind.Array ? "array of " + Describe(type.Element!) : type.Kind.ToString().ToLowerInvariant();

    /// <summary>The OpenAPI <c>style</c>/<c>explode</c> of an array, object or map parameter, with the specification's defaults per location.</summary>
    private ValueStyle ValueStyleOf(OpenApiParameter parameter, ParameterLocation location, bool isArray, string pointer)
    {
        var raw = ResolvePointer(pointer);
        var explode = _yaml.Exists(raw + "/explode") ? parameter.Explode : (bool?)null;
        var style = _yaml.Exists(raw + "/style") ? parameter.Style : OpenApiParameterStyle.Undefined;
        switch (location)
        {
            case ParameterLocation.Query:
                switch (style)
                {
                    case OpenApiParameterStyle.SpaceDelimeted:
                        return ValueStyle.SpaceDelimited;
                    case OpenApiParameterStyle.PipeDelimited:
                        return ValueStyle.PipeDelimited;
                    case OpenApiParameterStyle.Undefined:
                    case OpenApiParameterStyle.Form:
                        return explode ?? true ? ValueStyle.Exploded : ValueStyle.CommaDelimited;
                    case OpenApiParameterStyle.DeepObject when !isArray:
                        return ValueStyle.DeepObject;
                    default:
                        Report(DiagnosticDescriptors.UnsupportedFallback, pointer, $"The query parameter style '{style}'", "style: form", isArray ? "arrays in the query are written as form, spaceDelimited or pipeDelimited" : "objects in the query are written as form, spaceDelimited, pipeDelimited or deepObject");
                        return explode ?? true ? ValueStyle.Exploded : ValueStyle.CommaDelimited;
                }

            case ParameterLocation.Path:
            case ParameterLocation.Header:
                if (style is not (OpenApiParameterStyle.Undefined or OpenApiParameterStyle.Simple))
                {
                    Report(DiagnosticDescriptors.UnsupportedFallback, pointer, $"The {location.ToString().ToLowerInvariant()} parameter style '{style}'", "style: simple", "label and matrix styles are not written");
                }

                return ValueStyle.CommaDelimited;
            case ParameterLocation.Cookie:
                // form is a cookie's only style; an array is one cookie of comma-joined items (explode has no cookie form).
                if (style is not (OpenApiParameterStyle.Undefined or OpenApiParameterStyle.Form))
                {
                    Report(DiagnosticDescriptors.UnsupportedFallback, pointer, $"The cookie parameter style '{style}'", "style: form", "a cookie is written as name=value");
                }

                return ValueStyle.CommaDelimited;
            default:
                throw new ArgumentOutOfRangeException(nameof(location), location, "Unknown parameter location.");
        }
    }

    /// <summary>Follows <c>$ref</c>s from a node's pointer to the pointer of the node that defines it (for raw lookups such as "is explode written").</summary>
    private string ResolvePointer(string pointer)
    {
        if (_referenceAt is null)
        {
            _referenceAt = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (at, reference) in _yaml.References)
            {
                _referenceAt[at] = reference;
            }
        }

        for (var guard = 0; guard < 32; guard++)
        {
            if (!_referenceAt.TryGetValue(pointer + "/$ref", out var reference) || !reference.StartsWith("#", StringComparison.Ordinal))
            {
                break;
            }

            pointer = Uri.UnescapeDataString(reference.Substring(1));
        }

        return pointer;
    }

    private static List<PathSegment> PathSegments(string path)
    {
        var segments = new List<PathSegment>();
        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            var close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                segments.Add(new PathSegment(false, path.Substring(position)));
                break;
            }

            if (open > position)
            {
                segments.Add(new PathSegment(false, path.Substring(position, open - position)));
            }

            segments.Add(new PathSegment(true, path.Substring(open + 1, close - open - 1)));
            position = close + 1;
        }

        return segments;
    }

    private static bool IsBooleanStringEnum(JsonSchema schema) =>
        schema.Enumeration.Count == 2 && schema.Enumeration.OfType<string>().OrderBy(v => v, StringComparer.Ordinal).SequenceEqual(new[] { "false", "true" });
}
