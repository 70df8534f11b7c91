using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;

namespace Cloudflare.OpenApi;

/// <summary>
/// One call of a generated method as the pipeline carries it (System.ClientModel's <c>PipelineMessage</c>): the
/// operation, the request parts every attempt is built from, and the call's settings.
/// </summary>
public sealed class CloudflarePipelineCall
{
    private static readonly KeyValuePair<string, string>[] s_noHeaders = Array.Empty<KeyValuePair<string, string>>();

    internal CloudflarePipelineCall(
        string operationName, HttpMethod method, Uri uri, byte[]? content, IReadOnlyList<KeyValuePair<string, string>>? headers, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        OperationName = operationName;
        Method = method;
        Uri = uri;
        Content = content;
        Headers = headers ?? s_noHeaders;
        RequestOptions = requestOptions;
        CancellationToken = cancellationToken;
        IsIdempotent = requestOptions?.Idempotency switch
        {
            CloudflareIdempotency.Idempotent => true,
            CloudflareIdempotency.NotIdempotent => false,
            _ => CloudflareRetryPolicy.IsIdempotentMethod(method.Method),
        };
    }

    /// <summary>The operation (the spec's operationId).</summary>
    public string OperationName { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; set; }

    /// <summary>The request URI.</summary>
    public Uri Uri { get; set; }

    /// <summary>The request body (JSON), or null.</summary>
    public byte[]? Content { get; set; }

    /// <summary>The header parameters of the operation.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; set; }

    /// <summary>The caller's per-call options, or null.</summary>
    public CloudflareRequestOptions? RequestOptions { get; }

    /// <summary>The caller's token.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Whether repeating the request is safe, which lets the retry policy retry after the server may have acted.
    /// A policy that makes the request safe to repeat (by giving it an id) sets it, unless the caller's per-call
    /// <see cref="CloudflareRequestOptions.Idempotency"/> decided.
    /// </summary>
    public bool IsIdempotent { get; set; }

    /// <summary>Whether the caller's per-call options fixed <see cref="IsIdempotent"/>.</summary>
    public bool IdempotencyFixedByCaller => RequestOptions is { Idempotency: not CloudflareIdempotency.Default };

    /// <summary>Attempts sent so far for this call, over every request it made.</summary>
    public int Attempts { get; private set; }

    /// <summary>Attempts sent by the last retry loop (1 when its first attempt succeeded or failed for good).</summary>
    public int LastAttempts { get; internal set; }

    internal long StartTimestamp { get; set; }

    private CloudflarePipelineCall? Parent { get; set; }

    /// <summary>A body other than JSON (form, multipart, bytes, text), made into a fresh <see cref="HttpContent"/> per attempt.</summary>
    internal Cloudflare.OpenApi.Infrastructure.RequestContent? OtherContent { get; set; }

    /// <summary>The operation's path template, for telemetry.</summary>
    internal string? PathTemplate { get; set; }

    /// <summary>The call's span (shared by its follow-ups).</summary>
    internal System.Diagnostics.Activity? Activity { get; set; }

    /// <summary>Whether telemetry listens to this call (asked once per call).</summary>
    internal bool Observed { get; set; }

    /// <summary>The <c>Accept</c> header when the operation answers something other than JSON.</summary>
    internal string? Accept { get; set; }

    /// <summary>Whether a success response's body is left unread, for the caller to stream (<see cref="StreamedContent"/>).</summary>
    internal bool StreamsSuccessBody { get; set; }

    /// <summary>
    /// A new request that is part of this call (same options, token, time budget): for a policy that has to look something up.
    /// It has no body and no header parameters and is idempotent when its method is.
    /// </summary>
    public CloudflarePipelineCall CreateFollowUp(HttpMethod method, Uri uri) =>
        new(OperationName, method, uri, null, null, RequestOptions, CancellationToken) { StartTimestamp = StartTimestamp, Attempts = Attempts, Parent = this, PathTemplate = PathTemplate, Activity = Activity, Observed = Observed };

    // A follow-up's attempts are attempts of the call it belongs to.
    internal void CountAttempt()
    {
        Attempts++;
        Parent?.CountAttempt();
    }
}
