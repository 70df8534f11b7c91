using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cloudflare.OpenApi.Serialization;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>Responses other than JSON: bytes, text, and JSON-or-bytes chosen by the response's <c>Content-Type</c>.</summary>
public sealed partial class CloudflarePipeline
{
    /// <summary>Sends a request whose success response is bytes (any media type); the bytes are copied out of the pooled buffer.</summary>
    public async Task<BinaryContent> SendForBinaryAsync(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(operationName, method, uri, body, requestOptions, cancellationToken).ConfigureAwait(false);
        return BinaryContent.FromBytes(response.Body.Span.ToArray(), response.ContentHeaders.ContentType?.MediaType);
    }

    /// <summary>
    /// Sends a request whose success response is bytes and returns them unread: the caller reads the stream at its own
    /// pace and disposes it. Timeouts and retries cover the call until the response headers; an error status is read
    /// and thrown as usual.
    /// </summary>
    public async Task<StreamedContent> SendForStreamAsync(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(operationName, method, uri, body, requestOptions, cancellationToken, streamBody: true).ConfigureAwait(false);
        try
        {
            var stream = await response.Message.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new StreamedContent(response, stream);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Sends a request whose success response is text, decoded as UTF-8.</summary>
    public async Task<string> SendForTextAsync(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(operationName, method, uri, body, requestOptions, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(response.Body.Span);
    }

    /// <summary>
    /// Sends a request that answers JSON or bytes: a JSON <c>Content-Type</c> (<c>application/json</c>, <c>*+json</c>) is
    /// read with <paramref name="readJson"/> (inside Cloudflare's envelope when <paramref name="envelope"/>), anything
    /// else is returned as bytes with its media type.
    /// </summary>
    public async Task<JsonOrBinary<T>> SendForJsonOrBinaryAsync<T>(
        string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, bool envelope, JsonReadFunc<T> readJson, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(operationName, method, uri, body, requestOptions, cancellationToken).ConfigureAwait(false);
        var summary = new ResponseSummary(response.Message, response.Method, response.RequestUri);
        if (!summary.IsJson)
        {
            using (response)
            {
                return JsonOrBinary<T>.FromBinary(BinaryContent.FromBytes(response.Body.Span.ToArray(), summary.ContentType));
            }
        }

        if (envelope)
        {
            // ReadEnvelope disposes the response.
            var parsed = ReadEnvelope(response, readJson);
            if (!parsed.HasResult)
            {
                throw Failure(response, "The response has no 'result'.", default, parsed.Errors, parsed.Messages, null);
            }

            return JsonOrBinary<T>.FromJson(parsed.Result!);
        }

        using (response)
        {
            try
            {
                using var scope = JsonRead.Enter(_readSettings);
                return JsonOrBinary<T>.FromJson(JsonWrite.FromUtf8Bytes(response.Body.Span, readJson));
            }
            catch (JsonException ex)
            {
                throw Failure(response, $"The response body is not the expected JSON: {ex.Message}", response.Body.Span, null, null, ex);
            }
        }
    }
}
