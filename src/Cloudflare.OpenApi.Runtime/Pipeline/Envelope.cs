using System;
using System.Collections.Generic;
using System.Text.Json;
using Cloudflare.OpenApi.Serialization;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>Cloudflare's response envelope, read in one pass: the runtime reads the frame, the generated reader the result.</summary>
internal readonly struct Envelope<T>
{
    public bool? Success { get; init; }

    public IReadOnlyList<CloudflareMessage> Errors { get; init; }

    public IReadOnlyList<CloudflareMessage> Messages { get; init; }

    public bool HasResult { get; init; }

    public T? Result { get; init; }

    public CloudflareResultInfo? ResultInfo { get; init; }

    public static Envelope<T> Parse(ReadOnlySpan<byte> json, JsonReadFunc<T>? readResult)
    {
        // Utf8JsonReader throws its own "does not contain any JSON tokens" for an empty (or blank) final block
        // instead of returning false from Read(), so the plain message has to be decided before reading.
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new JsonException("The response body is empty.");
        }

        var reader = new Utf8JsonReader(json);
        reader.Read();

        JsonRead.ExpectStartObject(ref reader, "Cloudflare envelope");
        bool? success = null;
        IReadOnlyList<CloudflareMessage> errors = Array.Empty<CloudflareMessage>();
        IReadOnlyList<CloudflareMessage> messages = Array.Empty<CloudflareMessage>();
        var hasResult = false;
        T? result = default;
        CloudflareResultInfo? info = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("success"u8))
            {
                reader.Read();
                success = JsonRead.Boolean(ref reader);
            }
            else if (reader.ValueTextEquals("errors"u8))
            {
                reader.Read();
                errors = ReadMessages(ref reader);
            }
            else if (reader.ValueTextEquals("messages"u8))
            {
                reader.Read();
                messages = ReadMessages(ref reader);
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                if (readResult is not null && reader.TokenType != JsonTokenType.Null)
                {
                    result = readResult(ref reader);
                    hasResult = true;
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("result_info"u8))
            {
                reader.Read();
                info = ReadResultInfo(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new Envelope<T> { Success = success, Errors = errors, Messages = messages, HasResult = hasResult, Result = result, ResultInfo = info };
    }

    /// <summary>Reads <c>errors</c> and <c>messages</c> from an error body, if it is an envelope at all.</summary>
    public static IReadOnlyList<CloudflareMessage>? TryParseMessages(ReadOnlySpan<byte> body, out IReadOnlyList<CloudflareMessage>? messages)
    {
        messages = null;
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            var envelope = Envelope<object?>.Parse(body, null);
            messages = envelope.Messages;
            return envelope.Errors;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IReadOnlyList<CloudflareMessage> ReadMessages(ref Utf8JsonReader reader)
    {
        // "errors": [] and "messages": [] come with every successful response: share one empty list instead of two new ones.
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var probe = reader;
            if (probe.Read() && probe.TokenType == JsonTokenType.EndArray)
            {
                reader = probe;
                return Array.Empty<CloudflareMessage>();
            }
        }

        return (IReadOnlyList<CloudflareMessage>?)JsonRead.List(ref reader, ReadMessage) ?? Array.Empty<CloudflareMessage>();
    }

    private static CloudflareMessage ReadMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new CloudflareMessage(0, reader.GetString()!);
        }

        JsonRead.ExpectStartObject(ref reader, "error");
        var code = 0;
        var message = string.Empty;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                code = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var c) ? c : 0;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = reader.TokenType == JsonTokenType.String ? reader.GetString()! : message;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new CloudflareMessage(code, message);
    }

    private static CloudflareResultInfo? ReadResultInfo(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        JsonRead.ExpectStartObject(ref reader, "result_info");
        long? count = null, perPage = null, total = null, page = null, totalPages = null;
        string? cursor = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("count"u8))
            {
                reader.Read();
                count = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("per_page"u8))
            {
                reader.Read();
                perPage = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("total_count"u8))
            {
                reader.Read();
                total = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("page"u8))
            {
                reader.Read();
                page = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("total_pages"u8))
            {
                reader.Read();
                totalPages = JsonRead.Int64(ref reader);
            }
            else if (reader.ValueTextEquals("cursor"u8))
            {
                reader.Read();
                cursor = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new CloudflareResultInfo { Count = count, PerPage = perPage, TotalCount = total, Page = page, TotalPages = totalPages, Cursor = cursor };
    }
}
