using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Cloudflare.OpenApi;

namespace Cloudflare.Workflows.LocalDevelopment;

/// <summary>
/// Bridges the local Workflows engine of <c>wrangler dev</c> (its explorer API under <c>/cdn-cgi/explorer/api</c>) to the
/// public API the SDK is generated from, so the same <see cref="WorkflowsClient"/> code gets the same typed results
/// and exceptions in both places. Every divergence measured in the engine (shared/engine/ENGINE.md §5) is handled
/// here and nowhere else:
/// <list type="bullet">
/// <item>no <c>/accounts/{account_id}</c> segment in paths;</item>
/// <item>create takes <c>id</c> (not <c>instance_id</c>) and answers a duplicate id with 200 and no change: the bridge
/// checks first and answers 409 (<see cref="CloudflareConflictException"/>), as the public API does;</item>
/// <item>an invalid instance id is a 500 (code 10001) locally: answered as 400;</item>
/// <item>no batch endpoint: the bridge creates the instances one by one, in order;</item>
/// <item>status changes take <c>{"action": …}</c> and answer <c>{success: true}</c>: the bridge sends the action and
/// then reads the instance's actual status for the result;</item>
/// <item><c>order=desc</c> and <c>simple=true</c> on get are not supported locally: the bridge reverses or drops the steps;</item>
/// <item>listing can show half-made entries with no status (left by probing unknown ids): they are dropped;</item>
/// <item>the list filters <c>date_start</c> and <c>date_end</c> are silently ignored locally (every instance came back):
/// the bridge drops the items of each page whose <c>created_on</c> is outside the range (both ends inclusive);</item>
/// <item>a request body is never sent where the engine would answer without reading it (an unknown workflow, a route
/// the engine does not have): workerd then stalls the engine's next request for as long as the caller waits (see
/// tests/engine/README.md, "The engine stall"). The bridge checks once per workflow name that the workflow exists and
/// answers such requests itself, with the engine's own 404s.</item>
/// </list>
/// Dropping items keeps the engine's paging, so a page can hold fewer than <c>per_page</c> items (even none) while
/// <c>result_info</c> still counts the unfiltered list; <see cref="InstancesClient.ListAllAsync"/> follows the page
/// numbers and returns exactly the matching instances.
/// Not bridged (the local engine has no data for them): list parameters <c>direction</c> and <c>cursor</c>, and the
/// fields the local engine never returns (<c>version_id</c>, <c>trigger</c>, …), which stay null.
/// </summary>
public sealed class LocalDevelopmentPolicy : CloudflarePipelinePolicy
{
    /// <summary>The code of the bridge's own "already exists" error.</summary>
    public const int AlreadyExistsCode = 10409;

    /// <summary>Workflow names the engine has confirmed (its workflows come from wrangler's config and never go away).</summary>
    private readonly ConcurrentDictionary<string, bool> _knownWorkflows = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CloudflarePipelineNext next, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (next is null)
        {
            throw new ArgumentNullException(nameof(next));
        }

        var route = LocalRoute.Parse(request.RequestUri!);
        request.RequestUri = route.Uri;
        var method = request.Method.Method;
        if (request.Content is not null)
        {
            // The engine must read every body it is sent, or its next request stalls: answer what it would not read.
            if (!AcceptsBody(route.Kind, method))
            {
                return NoSuchRoute(request);
            }

            if (await FindMissingWorkflowAsync(request, route, next, cancellationToken).ConfigureAwait(false) is { } notFound)
            {
                return notFound;
            }
        }

        return route.Kind switch
        {
            RouteKind.Instances when method == "POST" => await CreateAsync(request, route, next, cancellationToken).ConfigureAwait(false),
            RouteKind.Instances when method == "GET" => await ListAsync(request, route, next, cancellationToken).ConfigureAwait(false),
            RouteKind.Batch when method == "POST" => await CreateBatchAsync(request, route, next, cancellationToken).ConfigureAwait(false),
            RouteKind.Instance when method == "GET" => await GetAsync(request, route, next, cancellationToken).ConfigureAwait(false),
            RouteKind.Status when method == "PATCH" => await ChangeStatusAsync(request, route, next, cancellationToken).ConfigureAwait(false),
            _ => await next(request, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The routes where the engine (or this bridge) reads a request body: create, batch, status and events.</summary>
    private static bool AcceptsBody(RouteKind kind, string method) => kind switch
    {
        RouteKind.Instances or RouteKind.Batch or RouteKind.Event => method == "POST",
        RouteKind.Status => method == "PATCH",
        RouteKind.Other or RouteKind.Instance => false,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The engine's own 404 for the request's workflow when it does not exist, found with a body-less GET (once per
    /// name: a confirmed workflow is remembered); <see langword="null"/> when it exists.
    /// </summary>
    private async Task<HttpResponseMessage?> FindMissingWorkflowAsync(
        HttpRequestMessage request, LocalRoute route, CloudflarePipelineNext next, CancellationToken cancellationToken)
    {
        if (route.Workflow is not { } workflow || _knownWorkflows.ContainsKey(workflow))
        {
            return null;
        }

        using var probe = Derive(request, HttpMethod.Get, route.WorkflowUri(), null);
        var response = await next(probe, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            _knownWorkflows.TryAdd(workflow, true);
            response.Dispose();
            return null;
        }

        response.RequestMessage = request;
        return response;
    }

    private static HttpResponseMessage NoSuchRoute(HttpRequestMessage request) =>
        new(HttpStatusCode.NotFound)
        {
            RequestMessage = request,
            Content = new StringContent("404 Not Found", Encoding.UTF8, "text/plain"),
        };

    private static async Task<HttpResponseMessage> CreateAsync(HttpRequestMessage request, LocalRoute route, CloudflarePipelineNext next, CancellationToken cancellationToken)
    {
        var body = await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false) as JsonObject;
        var (response, _) = await CreateOneAsync(request, route, body, next, cancellationToken).ConfigureAwait(false);
        return response;
    }

    private static async Task<(HttpResponseMessage Response, JsonNode? Result)> CreateOneAsync(
        HttpRequestMessage original, LocalRoute route, JsonObject? body, CloudflarePipelineNext next, CancellationToken cancellationToken)
    {
        var local = new JsonObject();
        var id = body?["instance_id"]?.GetValue<string>();
        if (id is not null)
        {
            // The engine answers a duplicate id with 200 and silently keeps the old instance: ask first.
            using var probe = Derive(original, HttpMethod.Get, route.InstanceUri(id), null);
            using var existing = await next(probe, cancellationToken).ConfigureAwait(false);
            if (existing.IsSuccessStatusCode)
            {
                return (Failure(original, HttpStatusCode.Conflict, AlreadyExistsCode, $"Workflow instance '{id}' already exists."), null);
            }

            local["id"] = id;
        }

        if (body?["params"] is { } parameters)
        {
            local["params"] = parameters.DeepClone();
        }

        using var create = Derive(original, HttpMethod.Post, route.Uri, local);
        var response = await next(create, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode == 500)
        {
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (text.Contains("invalid id", StringComparison.OrdinalIgnoreCase))
            {
                response.Dispose();
                return (Failure(original, HttpStatusCode.BadRequest, 10001, $"Workflow instance id '{id}' is invalid."), null);
            }

            response.Content = Json(text);
            return (response, null);
        }

        var envelope = await ReadEnvelopeAsync(response).ConfigureAwait(false);
        if (envelope?["result"] is JsonObject result && response.IsSuccessStatusCode)
        {
            response.Content = Json(envelope.ToJsonString());
            return (response, result);
        }

        return (response, null);
    }

    private static async Task<HttpResponseMessage> CreateBatchAsync(HttpRequestMessage request, LocalRoute route, CloudflarePipelineNext next, CancellationToken cancellationToken)
    {
        var items = await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false) as JsonArray ?? new JsonArray();
        var instancesRoute = route with { Kind = RouteKind.Instances, Uri = route.InstancesUri() };
        var results = new JsonArray();
        foreach (var item in items)
        {
            var (response, result) = await CreateOneAsync(request, instancesRoute, item as JsonObject, next, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                return response; // the first failure ends the batch, as one request would
            }

            response.Dispose();
            results.Add(result.DeepClone());
        }

        return Success(request, results);
    }

    private static async Task<HttpResponseMessage> ListAsync(HttpRequestMessage request, LocalRoute route, CloudflarePipelineNext next, CancellationToken cancellationToken)
    {
        var createdFrom = ParseTimestamp(route.Query("date_start"));
        var createdTo = ParseTimestamp(route.Query("date_end"));
        var response = await next(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return response;
        }

        var envelope = await ReadEnvelopeAsync(response).ConfigureAwait(false);
        if (envelope?["result"] is JsonArray items)
        {
            bool Keep(JsonNode? item)
            {
                if (item is not JsonObject o || !o.ContainsKey("status"))
                {
                    return false; // a half-made entry
                }

                if (createdFrom is null && createdTo is null)
                {
                    return true;
                }

                var created = o["created_on"] is JsonValue value && value.TryGetValue<string>(out var text) ? ParseTimestamp(text) : null;
                return created is not null && !(created < createdFrom) && !(created > createdTo);
            }

            foreach (var item in items.Where(i => !Keep(i)).ToList())
            {
                items.Remove(item);
            }

            response.Content = Json(envelope.ToJsonString());
        }

        return response;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpRequestMessage request, LocalRoute route, CloudflarePipelineNext next, CancellationToken cancellationToken)
    {
        var descending = string.Equals(route.Query("order"), "desc", StringComparison.Ordinal);
        var simple = string.Equals(route.Query("simple"), "true", StringComparison.Ordinal);
        var response = await next(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || (!descending && !simple))
        {
            return response;
        }

        var envelope = await ReadEnvelopeAsync(response).ConfigureAwait(false);
        if (envelope?["result"] is JsonObject result && result["steps"] is JsonArray steps)
        {
            if (simple)
            {
                result.Remove("steps");
            }
            else
            {
                var reversed = new JsonArray(steps.Reverse().Select(s => s?.DeepClone()).ToArray());
                result["steps"] = reversed;
            }

            response.Content = Json(envelope.ToJsonString());
        }

        return response;
    }

    private static async Task<HttpResponseMessage> ChangeStatusAsync(HttpRequestMessage request, LocalRoute route, CloudflarePipelineNext next, CancellationToken cancellationToken)
    {
        var body = await ReadJsonAsync(request, cancellationToken).ConfigureAwait(false) as JsonObject;
        var action = body?["status"]?.GetValue<string>();
        using var change = Derive(request, HttpMethod.Patch, route.Uri, new JsonObject { ["action"] = action });
        var response = await next(change, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return response;
        }

        response.Dispose();
        using var read = Derive(request, HttpMethod.Get, route.InstanceUri(route.InstanceId!), null);
        using var current = await next(read, cancellationToken).ConfigureAwait(false);
        var details = await ReadEnvelopeAsync(current).ConfigureAwait(false);
        var result = new JsonObject
        {
            ["status"] = details?["result"]?["status"]?.DeepClone(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        return Success(request, result);
    }

    private static DateTimeOffset? ParseTimestamp(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : null;

    private static HttpRequestMessage Derive(HttpRequestMessage original, HttpMethod method, Uri uri, JsonNode? body)
    {
        var request = new HttpRequestMessage(method, uri);
        foreach (var header in original.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            request.Content = Json(body.ToJsonString());
        }

        return request;
    }

    private static async Task<JsonNode?> ReadJsonAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null)
        {
            return null;
        }

#if NET5_0_OR_GREATER
        var bytes = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
        var bytes = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        return bytes.Length == 0 ? null : JsonNode.Parse(bytes);
    }

    private static async Task<JsonObject?> ReadEnvelopeAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            response.Content = new StringContent(text, Encoding.UTF8, response.Content.Headers.ContentType?.MediaType ?? "text/plain");
            return null;
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpResponseMessage Success(HttpRequestMessage request, JsonNode result) =>
        new(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = Json(new JsonObject
            {
                ["success"] = true,
                ["errors"] = new JsonArray(),
                ["messages"] = new JsonArray(),
                ["result"] = result,
            }.ToJsonString()),
        };

    private static HttpResponseMessage Failure(HttpRequestMessage request, HttpStatusCode status, int code, string message) =>
        new(status)
        {
            RequestMessage = request,
            Content = Json(new JsonObject
            {
                ["success"] = false,
                ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }),
                ["messages"] = new JsonArray(),
                ["result"] = null,
            }.ToJsonString()),
        };

    private enum RouteKind
    {
        Other,
        Instances,
        Batch,
        Instance,
        Status,
        Event,
    }

    /// <summary>A request URI with the account segment removed, and what it addresses.</summary>
    private sealed record LocalRoute(Uri Uri, RouteKind Kind, string Prefix, string? Workflow, string? InstanceId)
    {
        public static LocalRoute Parse(Uri uri)
        {
            var path = uri.AbsolutePath;
            var accounts = path.IndexOf("/accounts/", StringComparison.Ordinal);
            if (accounts >= 0)
            {
                var end = path.IndexOf('/', accounts + "/accounts/".Length);
                path = end < 0 ? path.Substring(0, accounts) : path.Substring(0, accounts) + path.Substring(end);
            }

            var rewritten = With(uri, path, uri.Query);
            var workflows = path.IndexOf("/workflows/", StringComparison.Ordinal);
            if (workflows < 0)
            {
                return new LocalRoute(rewritten, RouteKind.Other, path, null, null);
            }

            var segments = path.Substring(workflows + "/workflows/".Length).Split('/');
            var prefix = path.Substring(0, workflows) + "/workflows/" + segments[0] + "/instances";
            var kind = segments.Length switch
            {
                2 when segments[1] == "instances" => RouteKind.Instances,
                3 when segments[1] == "instances" && segments[2] == "batch" => RouteKind.Batch,
                3 when segments[1] == "instances" => RouteKind.Instance,
                4 when segments[1] == "instances" && segments[3] == "status" => RouteKind.Status,
                5 when segments[1] == "instances" && segments[3] == "events" => RouteKind.Event,
                _ => RouteKind.Other,
            };
            var instanceId = kind is RouteKind.Instance or RouteKind.Status or RouteKind.Event ? Uri.UnescapeDataString(segments[2]) : null;
            var workflow = segments[0].Length == 0 ? null : Uri.UnescapeDataString(segments[0]);
            return new LocalRoute(rewritten, kind, prefix, workflow, instanceId);
        }

        public Uri WorkflowUri() => With(Uri, Prefix.Substring(0, Prefix.Length - "/instances".Length), string.Empty);

        public Uri InstancesUri() => With(Uri, Prefix, string.Empty);

        public Uri InstanceUri(string id) => With(Uri, Prefix + "/" + Uri.EscapeDataString(id), string.Empty);

        // Built as text from the escaped path: UriBuilder would re-escape '%' and turn %2F into %252F.
        private static Uri With(Uri uri, string escapedPath, string query) =>
            new(uri.GetLeftPart(UriPartial.Authority) + escapedPath + query, UriKind.Absolute);

        public string? Query(string name)
        {
            foreach (var pair in Uri.Query.TrimStart('?').Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0 && Uri.UnescapeDataString(pair.Substring(0, equals)) == name)
                {
                    return Uri.UnescapeDataString(pair.Substring(equals + 1));
                }
            }

            return null;
        }
    }
}
