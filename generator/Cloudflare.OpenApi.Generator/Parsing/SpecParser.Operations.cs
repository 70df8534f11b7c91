using System;
using System.Collections.Generic;
using System.Linq;
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

    private (List<GroupSpec> Groups, List<ClientParameterSpec> ClientParameters) BuildOperations(string clientName)
    {
        var clientParameterNames = new HashSet<string>(_input.ClientParameters, StringComparer.Ordinal);
        var clientParameters = new Dictionary<string, ClientParameterSpec>(StringComparer.Ordinal);
        var byGroup = new Dictionary<string, List<OperationSpec>>(StringComparer.Ordinal);
        var groupOrder = new List<string>();
        var groupScope = new Naming.Scope(clientName, "Options");
        var groupNames = new Dictionary<string, string>(StringComparer.Ordinal);
        var groupClasses = new Dictionary<string, string>(StringComparer.Ordinal) { [string.Empty] = clientName };
        var methodScopes = new Dictionary<string, Naming.Scope>(StringComparer.Ordinal);

        foreach (var pathPair in _document.Paths)
        {
            var pathPointer = "/paths/" + YamlSpecReader.Escape(pathPair.Key);
            var operations = pathPair.Value.OrderBy(p => Array.IndexOf(s_methodOrder, p.Key.ToLowerInvariant()));
            foreach (var opPair in operations)
            {
                var method = opPair.Key.ToLowerInvariant();
                var operation = opPair.Value;
                var pointer = pathPointer + "/" + method;
                var (group, methodName) = SplitOperationId(operation, method, pathPair.Key);
                if (!groupNames.TryGetValue(group, out var groupName))
                {
                    groupName = group.Length == 0 ? string.Empty : groupScope.Claim(Naming.Pascal(group), group, out _);
                    groupNames[group] = groupName;
                    if (groupName.Length > 0)
                    {
                        // The class shares the namespace with the root client and every schema type: claim its name too.
                        groupClasses[groupName] = ClaimTypeName(groupName + "Client", "operation group " + group, pointer);
                    }

                    groupOrder.Add(groupName);
                    byGroup[groupName] = new List<OperationSpec>();
                    methodScopes[groupName] = new Naming.Scope("Equals", "GetHashCode", "ToString", "GetType");
                }

                var uniqueMethod = methodScopes[groupName].Claim(methodName + "Async", operation.OperationId ?? pointer, out var clash);
                if (clash is not null)
                {
                    Report(DiagnosticDescriptors.NameCollision, pointer, "Operation", clash, operation.OperationId ?? pointer, methodName + "Async", uniqueMethod);
                }

                var spec = BuildOperation(operation, pathPair.Value, method, pathPair.Key, pointer, uniqueMethod, groupName, clientParameterNames, clientParameters);
                if (spec is not null)
                {
                    byGroup[groupName].Add(spec);
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

        var groups = groupOrder
            .Select(g => new GroupSpec(
                g,
                groupClasses[g],
                tagDescriptions.TryGetValue(g, out var d) ? NullIfEmpty(d) : null,
                byGroup[g].ToEquatableArray()))
            .ToList();
        return (groups, clientParameters.Values.ToList());
    }

    /// <summary>
    /// <c>Group_Method</c> (the AutoRest convention) → sub-client <c>Group</c>, method <c>Method</c>; otherwise the first tag
    /// names the group and the whole operationId the method; with neither, the method goes on the root client.
    /// </summary>
    private static (string Group, string Method) SplitOperationId(OpenApiOperation operation, string method, string path)
    {
        var id = operation.OperationId;
        var tag = operation.Tags?.FirstOrDefault();
        if (!string.IsNullOrWhiteSpace(id))
        {
            var underscore = id!.IndexOf('_');
            if (underscore > 0 && underscore < id.Length - 1)
            {
                return (id.Substring(0, underscore), Naming.Pascal(id.Substring(underscore + 1)));
            }

            return (tag ?? string.Empty, Naming.Pascal(id));
        }

        var segments = path.Split('/').Where(s => s.Length > 0 && !s.StartsWith("{", StringComparison.Ordinal));
        return (tag ?? string.Empty, Naming.Pascal(method) + string.Concat(segments.Select(Naming.Pascal)));
    }

    private OperationSpec? BuildOperation(
        OpenApiOperation operation,
        OpenApiPathItem pathItem,
        string method,
        string path,
        string pointer,
        string methodName,
        string groupName,
        HashSet<string> clientParameterNames,
        Dictionary<string, ClientParameterSpec> clientParameters)
    {
        var parameters = new List<ParameterSpec>();
        var scope = new Naming.Scope("cancellationToken", "body");

        // Inline schemas of this operation are named after it: "Events" + "List" + "Response".
        var typePrefix = groupName + methodName.Substring(0, methodName.Length - "Async".Length);
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
                _ => (ParameterLocation?)null,
            };

            if (location is null)
            {
                // Cookies are left to policies (CloudflareClientOptions.Policies); say so rather than drop them silently.
                Report(DiagnosticDescriptors.UnsupportedFallback, parameterPointer, $"The {parameter.Kind.ToString().ToLowerInvariant()} parameter '{parameter.Name}'", "no method parameter", "only path, query and header parameters become method parameters; set it with a pipeline policy");
                continue;
            }

            var schema = parameter.Schema ?? parameter;
            // `enum: ["true", "false"]` reads better as bool? (sent as "true"/"false").
            var type = IsBooleanStringEnum(Unwrap(schema)) ? TypeRef.Boolean : Map(schema, typePrefix + Naming.Pascal(parameter.Name), parameterPointer + "/schema");
            if (type.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Map or TypeKind.Any
                || (type.Kind == TypeKind.Array && type.Element!.Kind is TypeKind.Object or TypeKind.Union or TypeKind.Array or TypeKind.Map or TypeKind.Any))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, parameterPointer, $"The parameter '{parameter.Name}' of type {type.Kind}", "parameters must be primitives, enums or arrays of those");
                continue;
            }

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
            parameters.Add(new ParameterSpec(parameter.Name, name, location.Value, type, required, NullIfEmpty(parameter.Description), constraints, clientProperty));
        }

        foreach (var segment in PathParameterNames(path))
        {
            if (!parameters.Any(p => p.Location == ParameterLocation.Path && p.JsonName == segment))
            {
                Report(DiagnosticDescriptors.UnsupportedConstruct, pointer, $"The path placeholder '{{{segment}}}'", "it has no matching `in: path` parameter");
                return null;
            }
        }

        var body = BuildBody(operation, typePrefix, pointer);
        var response = BuildResponse(operation, typePrefix, pointer);
        return new OperationSpec(
            operation.OperationId ?? methodName,
            methodName,
            method.ToUpperInvariant(),
            path,
            NullIfEmpty(operation.Summary),
            NullIfEmpty(operation.Description),
            operation.IsDeprecated,
            parameters.ToEquatableArray(),
            body,
            response);
    }

    private static bool IsBooleanStringEnum(JsonSchema schema) =>
        schema.Enumeration.Count == 2 && schema.Enumeration.OfType<string>().OrderBy(v => v, StringComparer.Ordinal).SequenceEqual(new[] { "false", "true" });

    private static IEnumerable<string> PathParameterNames(string path)
    {
        var start = path.IndexOf('{');
        while (start >= 0)
        {
            var end = path.IndexOf('}', start);
            if (end < 0)
            {
                yield break;
            }

            yield return path.Substring(start + 1, end - start - 1);
            start = path.IndexOf('{', end);
        }
    }

    private BodySpec? BuildBody(OpenApiOperation operation, string typePrefix, string pointer)
    {
        var body = operation.RequestBody?.ActualRequestBody;
        if (body is null)
        {
            return null;
        }

        var (mediaType, content) = PickJson(body.Content);
        if (content is null)
        {
            Report(DiagnosticDescriptors.UnsupportedConstruct, pointer + "/requestBody", "A request body of " + string.Join(", ", body.Content.Keys), "only JSON request bodies are supported");
            return null;
        }

        var schema = content.Schema;
        var type = schema is null ? TypeRef.Any : Map(schema, typePrefix + "Request", pointer + "/requestBody/content/" + YamlSpecReader.Escape(mediaType!) + "/schema");
        return new BodySpec(type, body.IsRequired, NullIfEmpty(body.Description));
    }

    private ResponseSpec BuildResponse(OpenApiOperation operation, string typePrefix, string pointer)
    {
        foreach (var code in s_successCodes)
        {
            if (!operation.Responses.TryGetValue(code, out var response))
            {
                continue;
            }

            var (mediaType, content) = PickJson(response.ActualResponse.Content);
            if (content?.Schema is not { } schema)
            {
                return new ResponseSpec(ResponseShape.None, null);
            }

            var schemaPointer = pointer + "/responses/" + code + "/content/" + YamlSpecReader.Escape(mediaType!) + "/schema";
            var properties = Properties(schema);
            var hasSuccess = properties.Any(p => p.Name == "success");
            var result = properties.FirstOrDefault(p => p.Name == "result");
            if (hasSuccess && (result.Property is not null || properties.Any(p => p.Name == "errors")))
            {
                if (result.Property is null)
                {
                    return new ResponseSpec(ResponseShape.EnvelopeNone, null);
                }

                var resultSchema = Unwrap(result.Property);
                if (resultSchema.Type == JsonObjectType.None && resultSchema.Properties.Count == 0 && resultSchema.AllOf.Count == 0
                    && resultSchema.OneOf.Count == 0 && resultSchema.AnyOf.Count == 0)
                {
                    return new ResponseSpec(ResponseShape.EnvelopeNone, null);
                }

                var resultName = typePrefix + "Result";
                var resultType = Map(result.Property, resultName, schemaPointer + "/properties/result");
                var paged = resultType.Kind == TypeKind.Array && properties.Any(p => p.Name == "result_info");
                return paged
                    ? new ResponseSpec(ResponseShape.EnvelopePage, resultType.Element)
                    : new ResponseSpec(ResponseShape.EnvelopeResult, resultType);
            }

            return new ResponseSpec(ResponseShape.Plain, Map(schema, typePrefix + "Response", schemaPointer));
        }

        return new ResponseSpec(ResponseShape.None, null);
    }

    private static (string? MediaType, OpenApiMediaType? Content) PickJson(IDictionary<string, OpenApiMediaType> content)
    {
        foreach (var pair in content)
        {
            var type = pair.Key.Split(';')[0].Trim();
            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
                || type == "*/*")
            {
                return (pair.Key, pair.Value);
            }
        }

        return (null, null);
    }
}
