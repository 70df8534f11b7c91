using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cloudflare.OpenApi.Serialization;
using Cloudflare.OpenApi.Telemetry;

namespace Cloudflare.OpenApi.Infrastructure;

/// <summary>
/// Sends the requests of a generated client: authentication, <c>User-Agent</c>, per-attempt timeout, retries with
/// jittered exponential backoff that honour <c>Retry-After</c>, policies, Cloudflare's envelope and typed errors.
/// One instance per client; thread-safe.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class CloudflarePipeline
{
    /// <summary>The name of the <see cref="ActivitySource"/> every request is traced with.</summary>
    public const string ActivitySourceName = "Cloudflare.OpenApi";

    private const int MaxKeptErrorBody = 64 * 1024;
    private static readonly ActivitySource s_activitySource = new(ActivitySourceName);
    private static UserAgentEntry? s_userAgent;

    private readonly HttpClient _httpClient;
    private readonly CloudflarePipelinePolicy[] _policies;
    private readonly CloudflareCallPolicy[] _callPolicies;
    private readonly CloudflareCallNext[] _callContinuations;
    private readonly CloudflareRetryPolicy _retryPolicy;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _totalTimeout;
    private readonly int _maxRetries;
    private readonly long _maxResponseSize;
    private readonly JsonReadSettings _readSettings;
    private readonly ClientTelemetry _telemetry;

    /// <summary>Creates the pipeline for one client.</summary>
    /// <param name="options">The client's options (copied: later changes have no effect).</param>
    /// <param name="httpClient">The transport; a private, pooled one when null.</param>
    /// <param name="defaultBaseUri">The spec's first server URL.</param>
    /// <param name="clientAssembly">The assembly of the generated client (names the SDK in <c>User-Agent</c>).</param>
    /// <param name="generatorVersion">The version of the generator that wrote the client.</param>
    public CloudflarePipeline(ApiClientOptions options, HttpClient? httpClient, string defaultBaseUri, Assembly clientAssembly, string generatorVersion)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        EnsureTimeout(options.Timeout, nameof(options.Timeout));
        EnsureTimeout(options.TotalTimeout, nameof(options.TotalTimeout));
        if (options.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetries, "MaxRetries must not be negative.");
        }

        if (options.MaxResponseSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxResponseSize, "MaxResponseSize must be positive.");
        }

        if (options.MaxPages <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxPages, "MaxPages must be positive.");
        }

        var baseUri = options.BaseUri?.ToString() ?? defaultBaseUri;
        if (!Uri.TryCreate(baseUri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base URI '{baseUri}' is not an absolute http(s) URI.", nameof(options));
        }

        BaseUri = baseUri.TrimEnd('/');
        _httpClient = httpClient ?? CreateDefaultHttpClient();
        _timeout = options.Timeout;
        _totalTimeout = options.TotalTimeout;
        _maxRetries = options.MaxRetries;
        _maxResponseSize = options.MaxResponseSize;
        MaxPages = options.MaxPages;
        _retryPolicy = options.RetryPolicy ?? new CloudflareRetryPolicy(options.RetryDelay, options.MaxRetryDelay);
        _readSettings = new JsonReadSettings(options.StrictReading, options.ReadIssueHandler);
        _telemetry = new ClientTelemetry(options.LoggerFactory, options.MeterFactory);
        HeaderValues.EnsureValue(options.ApplicationId, nameof(options.ApplicationId));
        _userAgent = BuildUserAgent(clientAssembly, generatorVersion, options.ApplicationId);

        // Per try, in order: user agent, credentials, then the caller's policies (which see the finished request).
        var policies = new List<CloudflarePipelinePolicy> { new CloudflareUserAgentPolicy(_userAgent) };
        if (CreateAuthenticationPolicy(options) is { } authentication)
        {
            policies.Add(authentication);
        }

        policies.AddRange(options.Policies);
        _policies = policies.ToArray();

        var callPolicies = new List<CloudflareCallPolicy>(options.CreateBuiltInCallPolicies());
        callPolicies.AddRange(options.CallPolicies);
        _callPolicies = callPolicies.ToArray();
        _callContinuations = CreateCallContinuations();
    }

    /// <summary>The base URI without a trailing '/'.</summary>
    public string BaseUri { get; }

    /// <summary>The <c>User-Agent</c> sent with every request.</summary>
    public string UserAgent => _userAgent;

    /// <summary>The most pages one enumeration fetches (<see cref="ApiClientOptions.MaxPages"/>).</summary>
    public int MaxPages { get; }

    /// <summary>Sends a request whose envelope carries a <c>result</c> and returns that result.</summary>
    public async Task<T> SendForResultAsync<T>(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, JsonReadFunc<T> readResult, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(operationName, method, uri, body, requestOptions, cancellationToken).ConfigureAwait(false);
        var envelope = ReadEnvelope(response, readResult);
        if (!envelope.HasResult)
        {
            throw Failure(response, "The response has no 'result'.", default, envelope.Errors, envelope.Messages, null);
        }

        return envelope.Result!;
    }

    /// <summary>Sends a request whose envelope carries a list <c>result</c> and <c>result_info</c>.</summary>
    public async Task<CloudflarePage<T>> SendForPageAsync<T>(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, JsonReadFunc<T> readItem, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var readList = PageReaders<T>.ListReaders.GetValue(readItem, static item => (ref Utf8JsonReader reader) => JsonRead.Array(ref reader, item));
        var response = await SendCoreAsync(operationName, method, uri, body, requestOptions, cancellationToken).ConfigureAwait(false);
        var envelope = ReadEnvelope(response, readList);
        return new CloudflarePage<T>((IReadOnlyList<T>?)envelope.Result ?? Array.Empty<T>(), envelope.ResultInfo);
    }

    /// <summary>Sends a request whose envelope carries no result the caller needs.</summary>
    public async Task SendAsync(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(operationName, method, uri, body, requestOptions, cancellationToken).ConfigureAwait(false);
        ReadEnvelope<object?>(response, null);
    }

    /// <summary>Sends a request whose success response has no body the caller needs (e.g. 204); only the status is checked.</summary>
    public async Task SendWithoutContentAsync(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(operationName, method, uri, body, requestOptions, cancellationToken).ConfigureAwait(false);
        response.Dispose();
    }

    /// <summary>Sends a request whose response is plain JSON (no Cloudflare envelope).</summary>
    public async Task<T> SendForBodyAsync<T>(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, JsonReadFunc<T> readBody, CloudflareRequestOptions? requestOptions, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(operationName, method, uri, body, requestOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            using var scope = JsonRead.Enter(_readSettings);
            return JsonWrite.FromUtf8Bytes(response.Body.Span, readBody);
        }
        catch (JsonException ex)
        {
            throw Unreadable(response, "the expected JSON", ex);
        }
        finally
        {
            response.Dispose();
        }
    }

    // Synchronous on purpose: an async step between the public method and SendCoreAsync cost one more state machine
    // box per call whenever the network answered asynchronously.
    /// <summary>Reads the envelope and checks <c>success</c>; always disposes <paramref name="response"/>.</summary>
    private Envelope<T> ReadEnvelope<T>(CloudflarePipelineResponse response, JsonReadFunc<T>? readResult)
    {
        try
        {
            Envelope<T> envelope;
            try
            {
                using var scope = JsonRead.Enter(_readSettings);
                envelope = Envelope<T>.Parse(response.Body.Span, readResult);
            }
            catch (JsonException ex)
            {
                throw Unreadable(response, "a valid Cloudflare envelope", ex);
            }

            if (envelope.Success != true)
            {
                var reason = envelope.Success is null ? "The response envelope has no 'success' flag." : "The response envelope says success: false.";
                throw Failure(response, reason, response.Body.Span, envelope.Errors, envelope.Messages, null);
            }

            return envelope;
        }
        finally
        {
            response.Dispose();
        }
    }

    private static void EnsureTimeout(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive (or Timeout.InfiniteTimeSpan).");
        }
    }

    private static CloudflarePipelinePolicy? CreateAuthenticationPolicy(ApiClientOptions options) =>
        options.AuthenticationPolicy ?? options.CreateCredentialPolicy();

    // A success whose body does not parse. When it is not JSON at all (a captive portal's or proxy's HTML page on a
    // 200, a wrong base URI answering text) the message says what came instead, its content type and the start of
    // the body, as for an error status, rather than the parser's "'<' is an invalid start of a value".
    private static CloudflareApiException Unreadable(CloudflarePipelineResponse response, string expected, JsonException exception)
    {
        var summary = new ResponseSummary(response.Message, response.Method, response.RequestUri);
        var body = response.Body.Span;
        var blank = body.Trim(" \t\r\n"u8).IsEmpty;
        var reason = !blank && !LooksLikeJson(summary, body) ? null : $"The response body is not {expected}: {exception.Message}";
        return Failure(summary, reason, body, null, null, exception);
    }

    // JSON by its content type and by its first character (a value can only start with one of these); a blank body
    // contradicts neither.
    private static bool LooksLikeJson(in ResponseSummary response, ReadOnlySpan<byte> body)
    {
        if (!response.IsJson)
        {
            return false;
        }

        if (body.StartsWith("\uFEFF"u8))
        {
            body = body.Slice(3);
        }

        foreach (var b in body)
        {
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9') or (byte)'t' or (byte)'f' or (byte)'n':
                    return true;
                default:
                    return false;
            }
        }

        return true;
    }

    private static CloudflareApiException Failure(CloudflarePipelineResponse response, string? reason, ReadOnlySpan<byte> body, IReadOnlyList<CloudflareMessage>? errors, IReadOnlyList<CloudflareMessage>? messages, Exception? inner) =>
        Failure(new ResponseSummary(response.Message, response.Method, response.RequestUri), reason, body, errors, messages, inner);

    private static CloudflareApiException Failure(
        ResponseSummary response, string? reason, ReadOnlySpan<byte> body, IReadOnlyList<CloudflareMessage>? errors, IReadOnlyList<CloudflareMessage>? messages, Exception? inner)
    {
        errors ??= Array.Empty<CloudflareMessage>();
        messages ??= Array.Empty<CloudflareMessage>();
        string? text = null;
        if (body.Length > 0)
        {
            text = Encoding.UTF8.GetString(body.Slice(0, Math.Min(body.Length, MaxKeptErrorBody)));
        }

        var failure = new CloudflareApiFailure(
            response.StatusCode, response.Method, response.Uri, errors, messages, response.RayId, response.ContentType, text, response.RetryAfter);

        var message = new StringBuilder();
        message.Append(response.Method).Append(' ').Append(response.Uri.GetLeftPart(UriPartial.Path))
            .Append(" failed: HTTP ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase ?? response.StatusCode.ToString());
        if (errors.Count > 0)
        {
            message.Append(". Errors: ").Append(string.Join("; ", errors));
        }
        else if (reason is null)
        {
            message.Append(body.Length == 0
                ? ". The response body is empty."
                : LooksLikeJson(response, body)
                    ? ". The response carried no error details."
                    : $". The response is not JSON ({response.ContentType ?? "no content type"}): {Preview(text)}");
        }

        if (reason is not null)
        {
            message.Append(". ").Append(reason);
        }

        if (response.RayId is not null)
        {
            message.Append(" (cf-ray: ").Append(response.RayId).Append(')');
        }

        return CloudflareApiException.Create(message.ToString(), failure, inner);
    }

    private static string Preview(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "(blank)";
        }

        var flat = text!.Replace('\r', ' ').Replace('\n', ' ').Trim();
        return flat.Length <= 200 ? flat : flat.Substring(0, 200) + "…";
    }

    private static HttpClient CreateDefaultHttpClient()
    {
#if NET5_0_OR_GREATER
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.All,
        };
#else
        var handler = new HttpClientHandler();
#endif
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    private static string BuildUserAgent(Assembly clientAssembly, string generatorVersion, string? applicationId)
    {
        // The SDK part depends only on the client's assembly and the generator: made once, not on every construction
        // (IHttpClientFactory's typed clients are transient, so every resolution builds a pipeline).
        var cached = s_userAgent;
        if (cached is null || cached.Assembly != clientAssembly || cached.GeneratorVersion != generatorVersion)
        {
            cached = new UserAgentEntry(clientAssembly, generatorVersion, BuildSdkUserAgent(clientAssembly, generatorVersion));
            s_userAgent = cached;
        }

        return string.IsNullOrWhiteSpace(applicationId) ? cached.Value : $"{applicationId} {cached.Value}";
    }

    private static string BuildSdkUserAgent(Assembly clientAssembly, string generatorVersion)
    {
        var name = clientAssembly.GetName();
        var version = clientAssembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? name.Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+');
        if (plus >= 0)
        {
            version = version.Substring(0, plus);
        }

        return $"{name.Name}/{version} Cloudflare.OpenApi.Generator/{generatorVersion} (.NET {Environment.Version.ToString(3)}; {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Replace('(', '[').Replace(')', ']')})";
    }

    // One entry (a process has one generated SDK, or a few): replaced whole, so a reader sees a consistent entry.
    private sealed record UserAgentEntry(Assembly Assembly, string GeneratorVersion, string Value);

    // Generated clients pass the same (static lambda) item reader on every call, so the list reader around it is made
    // once per item reader instead of a closure and a delegate per page.
    private static class PageReaders<T>
    {
        public static readonly ConditionalWeakTable<JsonReadFunc<T>, JsonReadFunc<T[]?>> ListReaders = new();
    }

    // cf-ray is not a header HttpClient knows, so the validating TryGetValues would only copy it into a string[].
    private static string? ReadRayId(HttpResponseMessage response)
    {
#if NET5_0_OR_GREATER
        if (!response.Headers.NonValidated.TryGetValues("cf-ray", out var values))
        {
            return null;
        }

        if (values.Count == 1)
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return string.Join(",", values);
#else
        return response.Headers.TryGetValues("cf-ray", out var values) ? string.Join(",", values) : null;
#endif
    }

    private readonly struct ResponseSummary
    {
        public ResponseSummary(HttpResponseMessage response, string method, Uri uri)
        {
            StatusCode = response.StatusCode;
            ReasonPhrase = response.ReasonPhrase;
            Method = method;
            Uri = response.RequestMessage?.RequestUri ?? uri; // as sent, after any policy rewrote it
            RayId = ReadRayId(response);
            ContentType = response.Content.Headers.ContentType?.MediaType;
            IsJson = ContentType is not null && (ContentType.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || ContentType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
            var retryAfter = response.Headers.RetryAfter;
            RetryAfter = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        }

        public HttpStatusCode StatusCode { get; }

        public string? ReasonPhrase { get; }

        public string Method { get; }

        public Uri Uri { get; }

        public string? RayId { get; }

        public string? ContentType { get; }

        public bool IsJson { get; }

        public TimeSpan? RetryAfter { get; }
    }
}
