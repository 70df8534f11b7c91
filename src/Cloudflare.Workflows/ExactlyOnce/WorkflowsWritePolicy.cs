using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Cloudflare.OpenApi;

namespace Cloudflare.Workflows.ExactlyOnce;

/// <summary>
/// Makes the Workflows writes safe to retry, in the per-call position (once per call, before the first attempt):
/// <list type="bullet">
/// <item>a create (and each item of a batch create) without an <c>instance_id</c> gets one
/// (<see cref="WorkflowsClientOptions.InstanceIdGenerator"/>, else a UUID), so every attempt sends the same id and the
/// create can be retried on 5xx and resets like an idempotent call;</item>
/// <item>a create that was retried and then meets 409 ("already exists") for the ids this call sent fetches those
/// instances and returns them: the earlier attempt created them;</item>
/// <item>a pause, resume or terminate sets a state and is retried like an idempotent call; a restart is not.</item>
/// </list>
/// Sending an event has no id to make it safe and keeps the default rule (not retried once it may have reached the
/// server). The caller's <see cref="CloudflareRequestOptions.Idempotency"/> wins over all of this.
/// Operations are recognised by method and path shape, which the public API and the local bridge share.
/// </summary>
internal sealed class WorkflowsWritePolicy(Func<string>? idGenerator) : CloudflareCallPolicy
{
    private static readonly JsonEncodedText s_instanceId = JsonEncodedText.Encode("instance_id");

    // Not async: a read (most calls) passes straight through without a state machine.
    public override ValueTask<CloudflarePipelineResponse> ProcessAsync(CloudflarePipelineCall call, CloudflareCallNext next)
    {
        var method = call.Method;
        if (method == HttpMethod.Patch)
        {
            if (!call.IdempotencyFixedByCaller && PathOf(call.Uri).EndsWith("/status", StringComparison.Ordinal) && !IsRestart(call.Content))
            {
                call.IsIdempotent = true;
            }

            return next(call);
        }

        if (method != HttpMethod.Post)
        {
            return next(call);
        }

        var path = PathOf(call.Uri);
        var batch = path.EndsWith("/instances/batch", StringComparison.Ordinal);
        if (!batch && !path.EndsWith("/instances", StringComparison.Ordinal))
        {
            return next(call);
        }

        return CreateAsync(call, next, batch);
    }

    // The path of the URI as it was built, without its query: Uri.AbsolutePath would parse the whole URI (and
    // allocate its parts) on every write, and the transport parses it anyway.
    private static ReadOnlySpan<char> PathOf(Uri uri)
    {
        var text = uri.OriginalString.AsSpan();
        var end = text.IndexOfAny('?', '#');
        return end < 0 ? text : text.Slice(0, end);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<CloudflarePipelineResponse> CreateAsync(CloudflarePipelineCall call, CloudflareCallNext next, bool batch)
    {
        var sent = AssignIds(call.Content, batch);
        call.Content = sent;
        if (!call.IdempotencyFixedByCaller)
        {
            call.IsIdempotent = true;
        }

        var response = await next(call).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Conflict || call.LastAttempts < 2)
        {
            return response;
        }

        // Only now are the ids needed: read back from the body this call sent (every item that had or got one).
        var ids = SentIds(sent, batch);
        if (ids.Count == 0)
        {
            return response;
        }

        // The conflict came on a retry: an earlier attempt of this very call may have created the instances.
        var created = await FetchCreatedAsync(call, ids, next).ConfigureAwait(false);
        if (created is null)
        {
            return response;
        }

        var result = CloudflarePipelineResponse.Create(HttpStatusCode.OK, BuildEnvelope(created, batch), response);
        response.Dispose();
        return result;
    }

    private byte[] AssignIds(byte[]? content, bool batch)
    {
        if (content is null)
        {
            var id = NewId();
            return Write(writer => WriteWithId(writer, default, id));
        }

        if (!batch && HasTopLevelInstanceId(content))
        {
            // The caller's id: the body is sent as serialized (no parse into a document, no copy, no string).
            return content;
        }

        using var document = JsonDocument.Parse(content);
        var root = document.RootElement;
        if (batch)
        {
            if (root.ValueKind != JsonValueKind.Array)
            {
                return content;
            }

            return Write(writer =>
            {
                writer.WriteStartArray();
                foreach (var item in root.EnumerateArray())
                {
                    WriteItem(writer, item);
                }

                writer.WriteEndArray();
            });
        }

        return root.ValueKind == JsonValueKind.Object ? Write(writer => WriteItem(writer, root)) : content;
    }

    private void WriteItem(Utf8JsonWriter writer, JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || GivenId(item) is not null)
        {
            item.WriteTo(writer);
            return;
        }

        WriteWithId(writer, item, NewId());
    }

    // The id of an object item, when it has a usable one.
    private static string? GivenId(JsonElement item) =>
        item.TryGetProperty("instance_id", out var given) && given.ValueKind == JsonValueKind.String && given.GetString() is { Length: > 0 } id ? id : null;

    // The ids the body sent by AssignIds carries: the one of the object (first top-level instance_id, as a caller's
    // id is found), or one per object item of a batch. Empty when the body had no place for one (not an object/array).
    private static List<string> SentIds(byte[] sent, bool batch)
    {
        var ids = new List<string>(1);
        if (!batch && TopLevelInstanceId(sent) is { } first)
        {
            ids.Add(first);
            return ids;
        }

        using var document = JsonDocument.Parse(sent);
        var root = document.RootElement;
        if (batch && root.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && GivenId(item) is { } id)
                {
                    ids.Add(id);
                }
            }
        }
        else if (!batch && root.ValueKind == JsonValueKind.Object && GivenId(root) is { } id)
        {
            ids.Add(id);
        }

        return ids;
    }

    private static void WriteWithId(Utf8JsonWriter writer, JsonElement item, string id)
    {
        writer.WriteStartObject();
        writer.WriteString(s_instanceId, id);
        if (item.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (!property.NameEquals("instance_id"u8))
                {
                    property.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
    }

    private string NewId()
    {
        var id = idGenerator is null ? Guid.NewGuid().ToString("D") : idGenerator();
        if (string.IsNullOrEmpty(id))
        {
            throw new InvalidOperationException("WorkflowsClientOptions.InstanceIdGenerator returned an empty id.");
        }

        return id;
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    private static bool HasTopLevelInstanceId(byte[] content)
    {
        var reader = new Utf8JsonReader(content);
        return FindTopLevelInstanceId(ref reader);
    }

    private static string? TopLevelInstanceId(byte[] content)
    {
        var reader = new Utf8JsonReader(content);
        return FindTopLevelInstanceId(ref reader) ? reader.GetString() : null;
    }

    // Moves the reader to the value of the first top-level instance_id; true when that is a non-empty string.
    private static bool FindTopLevelInstanceId(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals("instance_id"u8);
            reader.Read();
            if (match)
            {
                return reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0;
            }

            reader.Skip();
        }

        return false;
    }

    private static bool IsRestart(byte[]? content)
    {
        if (content is null)
        {
            return false;
        }

        var reader = new Utf8JsonReader(content);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("restart"u8);
            }
        }

        return false;
    }

    // Looks each id up through the rest of the pipeline (same token, options and total time budget). Null when one is
    // missing: then the conflict was not ours and the caller gets it as it came.
    private static async Task<List<JsonElement>?> FetchCreatedAsync(CloudflarePipelineCall call, List<string> ids, CloudflareCallNext next)
    {
        var baseUri = call.Uri.GetLeftPart(UriPartial.Path);
        if (baseUri.EndsWith("/batch", StringComparison.Ordinal))
        {
            baseUri = baseUri.Substring(0, baseUri.Length - "/batch".Length);
        }

        var created = new List<JsonElement>(ids.Count);
        foreach (var id in ids)
        {
            var lookup = call.CreateFollowUp(HttpMethod.Get, new Uri(baseUri + "/" + Uri.EscapeDataString(id)));
            using var response = await next(lookup).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(response.Content.ToArray());
            if (!document.RootElement.TryGetProperty("result", out var details) || details.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            created.Add(ToCreated(id, details));
        }

        return created;
    }

    private static JsonElement ToCreated(string id, JsonElement details)
    {
        var bytes = Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            foreach (var name in new[] { "status", "version_id", "workflow_id" })
            {
                if (details.TryGetProperty(name, out var value))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        });
        using var document = JsonDocument.Parse(bytes);
        return document.RootElement.Clone();
    }

    private static byte[] BuildEnvelope(List<JsonElement> created, bool batch) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteBoolean("success", true);
        writer.WriteStartArray("errors");
        writer.WriteEndArray();
        writer.WriteStartArray("messages");
        writer.WriteStartObject();
        writer.WriteNumber("code", 0);
        writer.WriteString("message", "The instance already existed: an earlier attempt of this call created it.");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WritePropertyName("result");
        if (batch)
        {
            writer.WriteStartArray();
            foreach (var item in created)
            {
                item.WriteTo(writer);
            }

            writer.WriteEndArray();
        }
        else
        {
            created[0].WriteTo(writer);
        }

        writer.WriteEndObject();
    });
}
