using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;

namespace Cloudflare.OpenApi;

/// <summary>The HTTP response behind a typed result: status, headers and the body as it arrived.</summary>
public sealed class CloudflareRawResponse
{
    internal CloudflareRawResponse(HttpResponseMessage response, byte[] body, int attempts)
    {
        StatusCode = response.StatusCode;
        ReasonPhrase = response.ReasonPhrase;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        foreach (var header in response.Content.Headers)
        {
            headers[header.Key] = string.Join(",", header.Value);
        }

        Headers = headers;
        Content = body;
        Attempts = attempts;
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The reason phrase.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>Every response and content header (values of repeated headers joined with ',').</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The <c>cf-ray</c> header: quote it to Cloudflare support.</summary>
    public string? RayId => Headers.TryGetValue("cf-ray", out var ray) ? ray : null;

    /// <summary>The body's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>How many attempts the call made (1 without retries).</summary>
    public int Attempts { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public override string ToString() => Encoding.UTF8.GetString(Content.Span);

    /// <summary>The value of a header, or null.</summary>
    public string? GetHeader(string name) => Headers.TryGetValue(name, out var value) ? value : null;

}
