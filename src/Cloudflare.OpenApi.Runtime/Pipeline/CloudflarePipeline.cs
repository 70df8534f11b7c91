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
    private static readonly MediaTypeHeaderValue s_json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _httpClient;
    private readonly CloudflarePipelinePolicy[] _policies;
    private readonly AuthenticationHeaderValue? _bearer;
    private readonly string? _email;
    private readonly string? _key;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly int _maxRetries;
    private readonly TimeSpan _retryDelay;
    private readonly TimeSpan _maxRetryDelay;
    private readonly ClientTelemetry _telemetry;

    /// <summary>Creates the pipeline for one client.</summary>
    /// <param name="options">The client's options (copied: later changes have no effect).</param>
    /// <param name="httpClient">The transport; a private, pooled one when null.</param>
    /// <param name="defaultBaseUri">The spec's first server URL.</param>
    /// <param name="clientAssembly">The assembly of the generated client (names the SDK in <c>User-Agent</c>).</param>
    /// <param name="generatorVersion">The version of the generator that wrote the client.</param>
    public CloudflarePipeline(CloudflareClientOptions options, HttpClient? httpClient, string defaultBaseUri, Assembly clientAssembly, string generatorVersion)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "Timeout must be positive (or Timeout.InfiniteTimeSpan).");
        }

        if (options.MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxRetries, "MaxRetries must not be negative.");
        }

        var baseUri = options.BaseUri?.ToString() ?? defaultBaseUri;
        if (!Uri.TryCreate(baseUri, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The base URI '{baseUri}' is not an absolute http(s) URI.", nameof(options));
        }

        BaseUri = baseUri.TrimEnd('/');
        _httpClient = httpClient ?? CreateDefaultHttpClient();
        _policies = new List<CloudflarePipelinePolicy>(options.Policies).ToArray();
        _timeout = options.Timeout;
        _maxRetries = options.MaxRetries;
        _retryDelay = options.RetryDelay;
        _maxRetryDelay = options.MaxRetryDelay;
        _telemetry = new ClientTelemetry(options.LoggerFactory, options.MeterFactory);

        var token = options.ApiToken;
        var email = options.ApiEmail;
        var key = options.ApiKey;
        if (options.UseEnvironmentCredentials && token is null && email is null && key is null)
        {
            token = Environment.GetEnvironmentVariable("CLOUDFLARE_API_TOKEN");
            email = Environment.GetEnvironmentVariable("CLOUDFLARE_EMAIL");
            key = Environment.GetEnvironmentVariable("CLOUDFLARE_API_KEY");
        }

        if (!string.IsNullOrEmpty(token))
        {
            _bearer = new AuthenticationHeaderValue("Bearer", token);
        }
        else if (!string.IsNullOrEmpty(email) || !string.IsNullOrEmpty(key))
        {
            if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(key))
            {
                throw new ArgumentException(
                    $"API key authentication needs both ApiEmail and ApiKey; {(string.IsNullOrEmpty(email) ? "ApiEmail" : "ApiKey")} is missing.",
                    nameof(options));
            }

            _email = email;
            _key = key;
        }
        else if (!options.AllowAnonymous)
        {
            throw new ArgumentException(
                "No credentials: set ApiToken (or CLOUDFLARE_API_TOKEN), or ApiEmail and ApiKey (or CLOUDFLARE_EMAIL and CLOUDFLARE_API_KEY).",
                nameof(options));
        }

        _userAgent = BuildUserAgent(clientAssembly, generatorVersion, options.ApplicationId);
    }

    /// <summary>The base URI without a trailing '/'.</summary>
    public string BaseUri { get; }

    /// <summary>The <c>User-Agent</c> sent with every request.</summary>
    public string UserAgent => _userAgent;

    /// <summary>Sends a request whose envelope carries a <c>result</c> and returns that result.</summary>
    public async Task<T> SendForResultAsync<T>(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, JsonReadFunc<T> readResult, CancellationToken cancellationToken)
    {
        var (response, bytes) = await SendCoreAsync(operationName, method, uri, body, cancellationToken).ConfigureAwait(false);
        var envelope = ReadEnvelope(response, bytes, readResult);
        if (!envelope.HasResult)
        {
            throw Failure(response, "The response has no 'result'.", default, envelope.Errors, envelope.Messages, null);
        }

        return envelope.Result!;
    }

    /// <summary>Sends a request whose envelope carries a list <c>result</c> and <c>result_info</c>.</summary>
    public async Task<CloudflarePage<T>> SendForPageAsync<T>(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, JsonReadFunc<T> readItem, CancellationToken cancellationToken)
    {
        var readList = PageReaders<T>.ListReaders.GetValue(readItem, static item => (ref Utf8JsonReader reader) => JsonRead.List(ref reader, item));
        var (response, bytes) = await SendCoreAsync(operationName, method, uri, body, cancellationToken).ConfigureAwait(false);
        var envelope = ReadEnvelope(response, bytes, readList);
        return new CloudflarePage<T>((IReadOnlyList<T>?)envelope.Result ?? Array.Empty<T>(), envelope.ResultInfo);
    }

    /// <summary>Sends a request whose envelope carries no result the caller needs.</summary>
    public async Task SendAsync(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, CancellationToken cancellationToken)
    {
        var (response, bytes) = await SendCoreAsync(operationName, method, uri, body, cancellationToken).ConfigureAwait(false);
        ReadEnvelope<object?>(response, bytes, null);
    }

    /// <summary>Sends a request whose success response has no body the caller needs (e.g. 204); only the status is checked.</summary>
    public async Task SendWithoutContentAsync(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, CancellationToken cancellationToken)
    {
        var (_, bytes) = await SendCoreAsync(operationName, method, uri, body, cancellationToken).ConfigureAwait(false);
        bytes.Dispose();
    }

    /// <summary>Sends a request whose response is plain JSON (no Cloudflare envelope).</summary>
    public async Task<T> SendForBodyAsync<T>(string operationName, HttpMethod method, RequestBuilder uri, byte[]? body, JsonReadFunc<T> readBody, CancellationToken cancellationToken)
    {
        var (response, bytes) = await SendCoreAsync(operationName, method, uri, body, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonWrite.FromUtf8Bytes(bytes.Span, readBody);
        }
        catch (JsonException ex)
        {
            throw Failure(response, $"The response body is not the expected JSON: {ex.Message}", bytes.Span, null, null, ex);
        }
        finally
        {
            bytes.Dispose();
        }
    }

    // Synchronous on purpose: an async step between the public method and SendCoreAsync cost one more state machine
    // box per call whenever the network answered asynchronously.
    /// <summary>Reads the envelope and checks <c>success</c>; always disposes <paramref name="bytes"/>.</summary>
    private static Envelope<T> ReadEnvelope<T>(ResponseSummary response, ResponseBody bytes, JsonReadFunc<T>? readResult)
    {
        try
        {
            Envelope<T> envelope;
            try
            {
                envelope = Envelope<T>.Parse(bytes.Span, readResult);
            }
            catch (JsonException ex)
            {
                throw Failure(response, $"The response body is not a valid Cloudflare envelope: {ex.Message}", bytes.Span, null, null, ex);
            }

            if (envelope.Success != true)
            {
                var reason = envelope.Success is null ? "The response envelope has no 'success' flag." : "The response envelope says success: false.";
                throw Failure(response, reason, bytes.Span, envelope.Errors, envelope.Messages, null);
            }

            return envelope;
        }
        finally
        {
            bytes.Dispose();
        }
    }

    // A pooled ValueTask: when the call completes synchronously it costs nothing, and when it suspends (the network
    // answers later) its state machine box usually comes from a pool instead of the heap. Awaited exactly once, right
    // away, which is all a pooled ValueTask asks.
    /// <returns>The response and its body, which the caller owns and must dispose.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(ResponseSummary Response, ResponseBody Body)> SendCoreAsync(string operationName, HttpMethod method, RequestBuilder request, byte[]? body, CancellationToken cancellationToken)
    {
        var uri = request.ToUri();
        var template = request.PathTemplate;
        using var activity = s_activitySource.StartActivity(operationName, ActivityKind.Client);
        ClientTelemetry.StartCall(activity, method, uri, template);

        // Asked once per call: when nothing listens, nothing below takes a timestamp, builds tags or logs.
        var observed = _telemetry.IsEnabled(activity);

        for (var attempt = 0; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var message = CreateRequest(method, uri, body, request);
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (_timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                attemptCts.CancelAfter(_timeout);
            }

            HttpResponseMessage response;
            ResponseBody bytes;
            var started = observed ? ClientTelemetry.Now() : 0;
            try
            {
                response = await SendThroughPoliciesAsync(message, 0, attemptCts.Token).ConfigureAwait(false);
                try
                {
                    bytes = await ResponseBody.ReadAsync(response.Content, attemptCts.Token).ConfigureAwait(false);
                }
                catch
                {
                    // Release the connection now rather than when the GC finds the response.
                    response.Dispose();
                    throw;
                }
            }
            catch (Exception ex) when (observed && _telemetry.AttemptFailed(activity, operationName, method, template, message.RequestUri ?? uri, attempt, started, ex, cancellationToken))
            {
                throw; // never reached: AttemptFailed only records, and returns false
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                if (attempt < _maxRetries && IsIdempotent(method) && CanResend(request))
                {
                    var delay = Backoff(attempt, null);
                    if (observed)
                    {
                        _telemetry.Retrying(activity, operationName, method, template, uri, attempt, _maxRetries, delay, "timeout");
                    }

                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new TimeoutException($"{method} {uri.GetLeftPart(UriPartial.Path)} did not complete within {_timeout.TotalSeconds:0.###} s (attempt {attempt + 1}).", ex);
            }
            catch (HttpRequestException ex) when (attempt < _maxRetries && IsIdempotent(method) && CanResend(request))
            {
                var delay = Backoff(attempt, null);
                if (observed)
                {
                    _telemetry.Retrying(activity, operationName, method, template, uri, attempt, _maxRetries, delay, ClientTelemetry.ErrorType(ex, cancellationToken));
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var keepBody = false;
            TimeSpan retryDelay;
            try
            {
                using (response)
                {
                    var summary = new ResponseSummary(response, method.Method, uri);
                    if (observed)
                    {
                        _telemetry.AttemptAnswered(activity, operationName, method, template, summary.Uri, attempt, started, (int)response.StatusCode);
                    }

                    if (summary.RayId is not null)
                    {
                        activity?.SetTag("cloudflare.ray_id", summary.RayId);
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        if (attempt > 0)
                        {
                            activity?.SetTag("http.request.resend_count", attempt);
                        }

                        keepBody = true;
                        return (summary, bytes);
                    }

                    if (!(attempt < _maxRetries && IsRetriable(method, response.StatusCode) && CanResend(request)))
                    {
                        activity?.SetStatus(ActivityStatusCode.Error);
                        var errors = Envelope<object?>.TryParseMessages(bytes.Span, out var messages);
                        throw Failure(summary, null, bytes.Span, errors, messages, null);
                    }

                    retryDelay = Backoff(attempt, summary.RetryAfter);
                    if (observed)
                    {
                        _telemetry.Retrying(activity, operationName, method, template, summary.Uri, attempt, _maxRetries, retryDelay, ClientTelemetry.StatusText((int)response.StatusCode));
                    }
                }
            }
            finally
            {
                if (!keepBody)
                {
                    bytes.Dispose();
                }
            }

            // The failed response and its buffer are released before the wait, not after it.
            await Task.Delay(retryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<HttpResponseMessage> SendThroughPoliciesAsync(HttpRequestMessage request, int index, CancellationToken cancellationToken)
    {
        if (index == _policies.Length)
        {
            return _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }

        return _policies[index].SendAsync(request, (r, ct) => SendThroughPoliciesAsync(r, index + 1, ct), cancellationToken);
    }

    private HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, byte[]? body, RequestBuilder builder)
    {
        var parameters = builder.Headers;
        var accept = builder.Accept;
        var request = new HttpRequestMessage(method, uri);
        var headers = request.Headers;
        foreach (var parameter in parameters)
        {
            headers.TryAddWithoutValidation(parameter.Key, parameter.Value);
        }

        headers.TryAddWithoutValidation("User-Agent", _userAgent);
        headers.TryAddWithoutValidation("Accept", accept ?? "application/json");
        if (_bearer is not null)
        {
            headers.Authorization = _bearer;
        }
        else if (_email is not null)
        {
            headers.TryAddWithoutValidation("X-Auth-Email", _email);
            headers.TryAddWithoutValidation("X-Auth-Key", _key);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = s_json;
        }
        else if (builder.Content is { } content)
        {
            request.Content = content.CreateHttpContent();
        }

        return request;
    }


    // A non-seekable stream body is read by the first attempt: there is nothing left to send again.
    private static bool CanResend(RequestBuilder request) => request.Content is not { IsRepeatable: false };

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options;

    // A create or an event must not run twice: POST/PATCH are retried only when the server says it did not act on
    // the request (429 rate limited, 503 unavailable). Idempotent methods are also retried on other transient failures.
    private static bool IsRetriable(HttpMethod method, HttpStatusCode status)
    {
        var code = (int)status;
        if (code == 429 || code == 503)
        {
            return true;
        }

        return IsIdempotent(method) && (code == 408 || code == 500 || code == 502 || code == 504);
    }

    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } after && after > TimeSpan.Zero)
        {
            return after < _maxRetryDelay ? after : _maxRetryDelay;
        }

        var ceiling = _retryDelay.TotalMilliseconds * Math.Pow(2, attempt);
        ceiling = Math.Min(ceiling, _maxRetryDelay.TotalMilliseconds);
#if NET6_0_OR_GREATER
        var jittered = (ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2);
#else
        var jittered = ceiling;
#endif
        return TimeSpan.FromMilliseconds(jittered);
    }

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
                : response.IsJson
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
        var name = clientAssembly.GetName();
        var version = clientAssembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? name.Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+');
        if (plus >= 0)
        {
            version = version.Substring(0, plus);
        }

        var agent = $"{name.Name}/{version} Cloudflare.OpenApi.Generator/{generatorVersion} (.NET {Environment.Version.ToString(3)}; {System.Runtime.InteropServices.RuntimeInformation.OSDescription.Replace('(', '[').Replace(')', ']')})";
        return string.IsNullOrWhiteSpace(applicationId) ? agent : $"{applicationId} {agent}";
    }

    // Generated clients pass the same (static lambda) item reader on every call, so the list reader around it is made
    // once per item reader instead of a closure and a delegate per page.
    private static class PageReaders<T>
    {
        public static readonly ConditionalWeakTable<JsonReadFunc<T>, JsonReadFunc<List<T>?>> ListReaders = new();
    }

    private readonly struct ResponseSummary
    {
        public ResponseSummary(HttpResponseMessage response, string method, Uri uri)
        {
            StatusCode = response.StatusCode;
            ReasonPhrase = response.ReasonPhrase;
            Method = method;
            Uri = response.RequestMessage?.RequestUri ?? uri; // as sent, after any policy rewrote it
            RayId = response.Headers.TryGetValues("cf-ray", out var values) ? string.Join(",", values) : null;
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
