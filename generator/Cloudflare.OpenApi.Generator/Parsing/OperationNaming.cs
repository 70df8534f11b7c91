using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Cloudflare.OpenApi.Generator.Helpers;
using NJsonSchema;
using NSwag;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>Where an operation goes: its group path (nested sub-clients, outermost first) and its method name.</summary>
/// <param name="Group">Pascal-cased group names, outermost first; empty for the root client.</param>
/// <param name="Method">The method name without <c>Async</c>.</param>
/// <param name="Fallback">The name to use when <paramref name="Method"/> is taken in its group (from the operationId).</param>
internal sealed record OperationName(IReadOnlyList<string> Group, string Method, string Fallback);

/// <summary>
/// Names an operation from what the spec says about it, in this order (the first that applies wins):
/// <list type="number">
/// <item><c>x-fern-sdk-group-name</c> (dotted: <c>workflows.instances</c> → <c>Workflows.Instances</c>) and
/// <c>x-fern-sdk-method-name</c>, as Cloudflare's published spec carries them for its own SDKs.</item>
/// <item>The AutoRest operationId form <c>Group_Method</c> (one underscore, the group capitalised).</item>
/// <item>The group Fern names for the nearest path at or above this one, plus the literal segments below it
/// (<c>PATCH …/instances/{id}/status</c> under <c>workflows.instances</c> → <c>Workflows.Instances.Status</c>).</item>
/// <item>The path: every literal segment is a group (<c>/users/{id}/keys</c> → <c>Users.Keys</c>), after a leading
/// version (<c>v1</c>, <c>api</c>) and the scopes that come from the client options (<c>/accounts/{account_id}</c>) are
/// dropped; the method comes from the verb and whether the path ends in an item (<c>{id}</c>) or a collection:
/// <c>List</c> (a GET that answers a list) or <c>Get</c>, <c>Create</c>, <c>Update</c> (PUT), <c>Edit</c> (PATCH, as in
/// Cloudflare's SDKs), <c>Delete</c>.</item>
/// <item>Otherwise the operationId, or the verb and the path's literal segments.</item>
/// </list>
/// Every rule reads only the operation, its own path item and the paths above it, so adding an operation elsewhere never
/// renames one. Two additions can: a second verb on an action's path (it is a resource then: <c>Feed.CreateAsync</c>),
/// and a Fern group on a path above unnamed operations. When two operations of a group derive the same name, the later
/// one falls back to its operationId.
/// </summary>
internal static class OperationNaming
{
    private const string FernGroup = "x-fern-sdk-group-name";
    private const string FernMethod = "x-fern-sdk-method-name";

    private static readonly Regex s_autoRest = new("^[A-Z][A-Za-z0-9]*_[A-Za-z0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_version = new(@"^(v[0-9]+([._][0-9]+)*|[0-9]+(\.[0-9]+)*|api)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly string[] s_listProperties = { "result", "results", "data", "items" };

    /// <summary>The group Fern names for each path (the first operation of the path that has one).</summary>
    public static Dictionary<string, string> FernGroups(OpenApiDocument document)
    {
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in document.Paths)
        {
            if (path.Value.Select(p => Text(p.Value, FernGroup)).FirstOrDefault(g => g is not null) is { } group)
            {
                groups[path.Key] = group;
            }
        }

        return groups;
    }

    /// <param name="fernGroups">From <see cref="FernGroups"/>.</param>
    /// <param name="paths">Every path of the document (an action is a POST below another path).</param>
    public static OperationName Name(
        OpenApiOperation operation, string method, string path, OpenApiPathItem pathItem, ISet<string> clientParameters, IReadOnlyDictionary<string, string> fernGroups, ICollection<string> paths)
    {
        var fallback = Fallback(operation, method, path);
        var (segments, isItem) = ResourceSegments(path, clientParameters);
        var action = Action(method, path, pathItem, paths);
        var derived = action ?? DerivedMethod(operation, method, isItem);
        var fernMethod = Text(operation, FernMethod);
        if (Text(operation, FernGroup) is { } fernGroup)
        {
            return new OperationName(Split(fernGroup), fernMethod is null ? derived ?? fallback : Naming.Pascal(fernMethod), fallback);
        }

        var id = operation.OperationId;
        if (IsAutoRest(id))
        {
            var underscore = id!.IndexOf('_');
            return new OperationName(new[] { id.Substring(0, underscore) }, Naming.Pascal(id.Substring(underscore + 1)), fallback);
        }

        // No Fern name of its own: the group Fern gives the nearest path above it (Cloudflare names most operations; an
        // unnamed PATCH …/instances/{id}/status goes below …/instances/{id}'s workflows.instances, as in its SDKs).
        var ownPath = action is null ? path : Parent(path);
        if (Ancestor(ownPath, fernGroups) is { } inherited)
        {
            var below = ResourceSegments(ownPath.Substring(inherited.Path.Length), new HashSet<string>()).Segments;
            return new OperationName(Split(inherited.Group).Concat(below).ToList(), fernMethod is null ? derived ?? fallback : Naming.Pascal(fernMethod), fallback);
        }

        var group = action is null ? segments : ResourceSegments(Parent(path), clientParameters).Segments;
        if (group.Count == 0 || derived is null)
        {
            return new OperationName(group, fallback, fallback);
        }

        return new OperationName(group, derived, fallback);
    }

    private static List<string> Split(string fernGroup) => fernGroup.Split('.').Where(s => s.Length > 0).Select(Naming.Pascal).ToList();

    /// <summary>The longest path, this one or above it, that Fern names a group for.</summary>
    private static (string Path, string Group)? Ancestor(string path, IReadOnlyDictionary<string, string> fernGroups)
    {
        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (fernGroups.TryGetValue(candidate, out var group))
            {
                return (candidate, group);
            }
        }

        return null;
    }

    private static string Parent(string path)
    {
        var slash = path.TrimEnd('/').LastIndexOf('/');
        return slash <= 0 ? string.Empty : path.Substring(0, slash);
    }

    /// <summary>
    /// An action (<c>POST /customers/{id}/cancel</c> → <c>Customers.CancelAsync</c>): a POST, the only verb of a path
    /// that ends in a literal below another path of the document. A POST to a path that can also be listed creates.
    /// </summary>
    private static string? Action(string method, string path, OpenApiPathItem pathItem, ICollection<string> paths)
    {
        var last = path.TrimEnd('/').Split('/').LastOrDefault() ?? string.Empty;
        if (method != "post" || last.Length == 0 || IsPlaceholder(last) || pathItem.Count != 1 || !paths.Contains(Parent(path)))
        {
            return null;
        }

        return Naming.Pascal(last);
    }

    private static bool IsAutoRest(string? operationId) => operationId is not null && s_autoRest.IsMatch(operationId);

    /// <summary>The operationId, or the verb and the path's literal segments when there is none.</summary>
    private static string Fallback(OpenApiOperation operation, string method, string path)
    {
        if (!string.IsNullOrWhiteSpace(operation.OperationId))
        {
            return Naming.Pascal(operation.OperationId);
        }

        var literals = path.Split('/').Where(s => s.Length > 0 && s.IndexOf('{') < 0);
        return Naming.Pascal(method) + string.Concat(literals.Select(Naming.Pascal));
    }

    /// <summary>The path's literal segments as group names, and whether the path ends in an item placeholder.</summary>
    private static (List<string> Segments, bool IsItem) ResourceSegments(string path, ISet<string> clientParameters)
    {
        var parts = path.Split('/').Where(s => s.Length > 0).ToList();
        var start = 0;
        while (start < parts.Count)
        {
            if (IsPlaceholder(parts[start]) && clientParameters.Contains(parts[start].Trim('{', '}')))
            {
                start++;
            }
            else if (!IsPlaceholder(parts[start]) && start + 1 < parts.Count && IsPlaceholder(parts[start + 1]) && clientParameters.Contains(parts[start + 1].Trim('{', '}')))
            {
                start += 2; // accounts/{account_id}: the client's scope, not a resource of its own
            }
            else if (!IsPlaceholder(parts[start]) && s_version.IsMatch(parts[start]) && parts.Skip(start + 1).Any(p => !IsPlaceholder(p)))
            {
                start++;
            }
            else
            {
                break;
            }
        }

        var rest = parts.Skip(start).ToList();
        var segments = rest.Where(p => !IsPlaceholder(p)).Select(Naming.Pascal).ToList();
        return (segments, rest.Count > 0 && IsPlaceholder(rest[rest.Count - 1]));
    }

    private static bool IsPlaceholder(string segment) => segment.IndexOf('{') >= 0;

    /// <summary>The method a resource-style SDK gives the verb, or null when the verb says nothing (a POST to an item).</summary>
    private static string? DerivedMethod(OpenApiOperation operation, string method, bool isItem) => method switch
    {
        "get" => isItem || !AnswersList(operation) ? "Get" : "List",
        "post" => isItem ? null : "Create",
        "put" => "Update",
        "patch" => "Edit",
        "delete" => "Delete",
        _ => null,
    };

    /// <summary>Whether the first successful JSON answer is a list: an array, or an object with a list in <c>result</c>, <c>data</c>, ….</summary>
    private static bool AnswersList(OpenApiOperation operation)
    {
        foreach (var pair in operation.Responses.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (pair.Key.Length != 3 || pair.Key[0] != '2')
            {
                continue;
            }

            var content = pair.Value.ActualResponse.Content;
            var json = MediaTypes.First(content.Keys, Model.BodyKind.Json);
            if (json is null || content[json].Schema is not { } schema)
            {
                return false;
            }

            return IsArray(schema, 0) || s_listProperties.Any(name => Property(schema, name, 0) is { } list && IsArray(list, 0));
        }

        return false;
    }

    private static bool IsArray(JsonSchema schema, int depth)
    {
        var actual = schema.ActualSchema;
        return actual.Type.HasFlag(JsonObjectType.Array) || actual.Item is not null
            || depth < 8 && actual.AllOf.Any(s => IsArray(s, depth + 1));
    }

    /// <summary>A property of an object schema, looking through <c>allOf</c> (Cloudflare's envelope is composed).</summary>
    private static JsonSchema? Property(JsonSchema schema, string name, int depth)
    {
        var actual = schema.ActualSchema;
        if (actual.Properties.TryGetValue(name, out var property))
        {
            return property;
        }

        return depth < 8 ? actual.AllOf.Select(s => Property(s, name, depth + 1)).FirstOrDefault(p => p is not null) : null;
    }

    /// <summary>A string extension (a list, as Fern also allows, is joined with dots).</summary>
    private static string? Text(OpenApiOperation operation, string extension)
    {
        if (operation.ExtensionData is not { } data || !data.TryGetValue(extension, out var value) || value is null)
        {
            return null;
        }

        var text = value switch
        {
            string s => s,
            IEnumerable items => string.Join(".", items.Cast<object?>().Select(i => i?.ToString()).Where(s => !string.IsNullOrWhiteSpace(s))),
            _ => value.ToString(),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
