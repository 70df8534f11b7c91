using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Cloudflare.OpenApi.Telemetry;

namespace Cloudflare.OpenApi.Infrastructure;

// The call and its attempts: per-call policies, the retry loop with its two time limits, per-try policies, transport.
public sealed partial class CloudflarePipeline
{
    private static readonly MediaTypeHeaderValue s_jsonContentType = new("application/json") { CharSet = "utf-8" };

    /// <summary>
    /// Runs one call to its final response (any status); throws for transport failures, timeouts and cancellation. With
    /// <c>streamBody</c> a success response's body is left unread (the caller streams it; the size cap does not apply).
    /// </summary>
    /// <returns>The final response, which the caller owns and must dispose.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<CloudflarePipelineResponse> SendCoreAsync(
        string operationName, HttpMethod method, RequestBuilder request, byte[]? body, CloudflareRequestOptions? options, CancellationToken cancellationToken, bool streamBody = false)
    {
        var call = new CloudflarePipelineCall(operationName, method, request.ToUri(), body, request.Headers, options, cancellationToken)
        {
            StartTimestamp = Stopwatch.GetTimestamp(),
            OtherContent = request.Content,
            Accept = request.Accept,
            PathTemplate = request.PathTemplate,
            StreamsSuccessBody = streamBody,
        };

        using var activity = s_activitySource.StartActivity(operationName, ActivityKind.Client);
        ClientTelemetry.StartCall(activity, method, call.Uri, call.PathTemplate);

        // Asked once per call: when nothing listens, nothing below takes a timestamp, builds tags or logs.
        call.Activity = activity;
        call.Observed = _telemetry.IsEnabled(activity);

        CloudflarePipelineResponse response;
        try
        {
            response = _callPolicies.Length == 0
                ? await SendWithRetriesAsync(call).ConfigureAwait(false)
                : await RunCallPolicyAsync(call, 0).ConfigureAwait(false);
        }
        catch
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            throw;
        }


        if (options is not null)
        {
            options.Response = new CloudflareRawResponse(response.Message, response.Body.ToArray(), call.Attempts);
        }

        if (!response.IsSuccessStatusCode)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            try
            {
                var errors = Envelope<object?>.TryParseMessages(response.Body.Span, out var messages);
                throw Failure(response, null, response.Body.Span, errors, messages, null);
            }
            finally
            {
                response.Dispose();
            }
        }

        // Only a span needs the ray id of a success: no header lookup, Content-Type parse or string when none listens.
        if (activity is not null && ReadRayId(response.Message) is { } rayId)
        {
            activity.SetTag("cloudflare.ray_id", rayId);
        }

        return response;
    }

    private ValueTask<CloudflarePipelineResponse> RunCallPolicyAsync(CloudflarePipelineCall call, int index)
    {
        if (index == _callPolicies.Length)
        {
            // Handed on as it is (no AsTask): a policy that passes the call through costs no Task.
            return SendWithRetriesAsync(call);
        }

        // The continuations are made once per pipeline (CreateCallContinuations), not per call.
        return _callPolicies[index].ProcessAsync(call, _callContinuations[index]);
    }

    private CloudflareCallNext[] CreateCallContinuations()
    {
        var continuations = new CloudflareCallNext[_callPolicies.Length];
        for (var i = 0; i < continuations.Length; i++)
        {
            var next = i + 1;
            continuations[i] = call => RunCallPolicyAsync(call, next);
        }

        return continuations;
    }

    /// <summary>The retry loop: attempts until one succeeds, fails for good, or a limit is hit.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<CloudflarePipelineResponse> SendWithRetriesAsync(CloudflarePipelineCall call)
    {
        var options = call.RequestOptions;
        var attemptTimeout = options?.Timeout ?? _timeout;
        var totalTimeout = options?.TotalTimeout ?? _totalTimeout;
        // A non-seekable stream body is read by the first attempt: there is nothing left to send again.
        var maxRetries = call.OtherContent is { IsRepeatable: false } ? 0 : options?.MaxRetries ?? _maxRetries;
        var cancellationToken = call.CancellationToken;
        var method = call.Method.Method;
        call.LastAttempts = 0;

        for (var attempt = 1; ; attempt++)
        {
            ThrowIfCallerCanceled(cancellationToken, null);
            var remaining = Remaining(call, totalTimeout);
            if (remaining <= TimeSpan.Zero)
            {
                throw TotalTimeout(call, totalTimeout, null);
            }

            call.CountAttempt();
            call.LastAttempts = attempt;
            using var message = CreateRequest(call, out var content);
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var totalIsShorter = remaining != System.Threading.Timeout.InfiniteTimeSpan && (attemptTimeout == System.Threading.Timeout.InfiniteTimeSpan || remaining < attemptTimeout);
            var limit = totalIsShorter ? remaining : attemptTimeout;
            if (limit != System.Threading.Timeout.InfiniteTimeSpan)
            {
                attemptCts.CancelAfter(limit);
            }

            HttpResponseMessage? response = null;
            ResponseBody bytes;
            CloudflareRetryContext failure;
            var started = call.Observed ? ClientTelemetry.Now() : 0;
            try
            {
                response = await SendThroughPoliciesAsync(message, 0, attemptCts.Token).ConfigureAwait(false);
                bytes = call.StreamsSuccessBody && response.IsSuccessStatusCode
                    ? default
                    : await ResponseBody.ReadAsync(response.Content, _maxResponseSize, attemptCts.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (call.Observed && _telemetry.AttemptFailed(call.Activity, call.OperationName, call.Method, call.PathTemplate, message.RequestUri ?? call.Uri, attempt - 1, started, ex, cancellationToken))
            {
                throw; // never reached: AttemptFailed only records, and returns false
            }
            catch (OperationCanceledException ex)
            {
                // Release the connection now rather than when the GC finds the response.
                response?.Dispose();
                ThrowIfCallerCanceled(cancellationToken, ex);
                if (totalIsShorter)
                {
                    throw TotalTimeout(call, totalTimeout, ex);
                }

                failure = new CloudflareRetryContext(call.OperationName, method, attempt, maxRetries, call.IsIdempotent, null, null, new TimeoutException($"The attempt did not complete within {Seconds(attemptTimeout)}.", ex), true);
                if (attempt > maxRetries || !_retryPolicy.ShouldRetry(failure))
                {
                    throw new CloudflareTimeoutException(
                        $"{method} {call.Uri.GetLeftPart(UriPartial.Path)} timed out: attempt {attempt} did not complete within the per-attempt timeout of {Seconds(attemptTimeout)} (Timeout).",
                        method, call.Uri, call.Attempts, CloudflareTimeoutLimit.PerAttempt, attemptTimeout, failure.Exception);
                }

                await WaitBeforeRetryAsync(call, failure, totalTimeout, "timeout").ConfigureAwait(false);
                continue;
            }
            catch (ResponseTooLargeException ex)
            {
                using (response)
                {
                    var summary = new ResponseSummary(response!, method, call.Uri);
                    var message2 = $"{method} {summary.Uri.GetLeftPart(UriPartial.Path)}: the response body is {(ex.Declared ? $"{ex.Size:N0} bytes (Content-Length)" : $"more than {_maxResponseSize:N0} bytes (stopped reading at {ex.Size:N0})")}, over the limit of {_maxResponseSize:N0} bytes (MaxResponseSize).";
                    var apiFailure = new CloudflareApiFailure(summary.StatusCode, method, summary.Uri, Array.Empty<CloudflareMessage>(), Array.Empty<CloudflareMessage>(), summary.RayId, summary.ContentType, null, summary.RetryAfter);
                    throw new CloudflareResponseTooLargeException(message2, apiFailure, ex.Size, _maxResponseSize, ex.Declared);
                }
            }
            catch (HttpRequestException ex)
            {
                response?.Dispose();
                var sent = MayHaveBeenSent(ex, content);
                failure = new CloudflareRetryContext(call.OperationName, method, attempt, maxRetries, call.IsIdempotent, null, null, ex, sent);
                if (attempt > maxRetries || !_retryPolicy.ShouldRetry(failure))
                {
                    throw new CloudflareConnectionException(
                        $"{method} {call.Uri.GetLeftPart(UriPartial.Path)} failed without a complete response after {attempt} attempt(s){(sent ? "; the request may have reached the server" : "; the request was not sent")}: {ex.Message}",
                        method, call.Uri, call.Attempts, sent, ex);
                }

                await WaitBeforeRetryAsync(call, failure, totalTimeout, ClientTelemetry.ErrorType(ex, cancellationToken)).ConfigureAwait(false);
                continue;
            }

            if (call.Observed)
            {
                _telemetry.AttemptAnswered(call.Activity, call.OperationName, call.Method, call.PathTemplate, response.RequestMessage?.RequestUri ?? call.Uri, attempt - 1, started, (int)response.StatusCode);
            }

            if (response.IsSuccessStatusCode || attempt > maxRetries)
            {
                return new CloudflarePipelineResponse(response, bytes, call.Uri, method);
            }

            var retryAfter = new ResponseSummary(response, method, call.Uri).RetryAfter;
            failure = new CloudflareRetryContext(call.OperationName, method, attempt, maxRetries, call.IsIdempotent, response.StatusCode, retryAfter, null, true);
            if (!_retryPolicy.ShouldRetry(failure))
            {
                return new CloudflarePipelineResponse(response, bytes, call.Uri, method);
            }

            // The failed response and its buffer are released before the wait, not after it.
            bytes.Dispose();
            response.Dispose();
            await WaitBeforeRetryAsync(call, failure, totalTimeout, ClientTelemetry.StatusText((int)failure.StatusCode!.Value)).ConfigureAwait(false);
        }
    }

    private async ValueTask WaitBeforeRetryAsync(CloudflarePipelineCall call, CloudflareRetryContext failure, TimeSpan totalTimeout, string errorType)
    {
        var delay = _retryPolicy.GetNextDelay(failure);
        if (call.Observed)
        {
            _telemetry.Retrying(call.Activity, call.OperationName, call.Method, call.PathTemplate, call.Uri, failure.Attempt - 1, failure.MaxRetries, delay, errorType);
        }

        var remaining = Remaining(call, totalTimeout);
        if (remaining != System.Threading.Timeout.InfiniteTimeSpan && delay >= remaining)
        {
            // Waiting would end after the total limit: fail now, with what went wrong.
            throw TotalTimeout(call, totalTimeout, failure.Exception);
        }

        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(delay, call.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex)
        {
            ThrowIfCallerCanceled(call.CancellationToken, ex);
            throw;
        }
    }

    private static TimeSpan Remaining(CloudflarePipelineCall call, TimeSpan totalTimeout) =>
        totalTimeout == System.Threading.Timeout.InfiniteTimeSpan
            ? System.Threading.Timeout.InfiniteTimeSpan
            : totalTimeout - Stopwatch.GetElapsedTime(call.StartTimestamp);

    private static CloudflareTimeoutException TotalTimeout(CloudflarePipelineCall call, TimeSpan totalTimeout, Exception? last) =>
        new(
            $"{call.Method.Method} {call.Uri.GetLeftPart(UriPartial.Path)} timed out: the call did not complete within the total timeout of {Seconds(totalTimeout)} (TotalTimeout) after {call.Attempts} attempt(s).",
            call.Method.Method, call.Uri, call.Attempts, CloudflareTimeoutLimit.Total, totalTimeout, new TimeoutException("The total timeout of the call elapsed.", last));

    // The caller's cancellation surfaces as an OperationCanceledException that carries the caller's token (HttpClient's
    // own carries the linked per-attempt token), so `catch (OperationCanceledException e) when (e.CancellationToken == token)` works.
    private static void ThrowIfCallerCanceled(CancellationToken cancellationToken, Exception? inner)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The call was canceled by the caller's token.", inner, cancellationToken);
        }
    }

    private static bool MayHaveBeenSent(HttpRequestException exception, TrackedContent? content)
    {
#if NET8_0_OR_GREATER
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            return false;
        }
#endif
        return content is null || content.SendStarted;
    }

    private static string Seconds(TimeSpan value) => $"{value.TotalSeconds:0.###} s";

    private Task<HttpResponseMessage> SendThroughPoliciesAsync(HttpRequestMessage request, int index, CancellationToken cancellationToken)
    {
        // Synchronous policies (user agent, credentials, headers) run inline: no delegate, no state machine.
        while (index < _policies.Length && _policies[index] is CloudflareSynchronousPolicy synchronous)
        {
            synchronous.OnSendingRequest(request);
            index++;
        }

        if (index == _policies.Length)
        {
            return _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }

        return _policies[index].SendAsync(request, (r, ct) => SendThroughPoliciesAsync(r, index + 1, ct), cancellationToken);
    }

    private static HttpRequestMessage CreateRequest(CloudflarePipelineCall call, out TrackedContent? content)
    {
        var request = new HttpRequestMessage(call.Method, call.Uri);
        var headers = request.Headers;
        foreach (var parameter in call.Headers)
        {
            headers.TryAddWithoutValidation(parameter.Key, parameter.Value);
        }

        if (call.RequestOptions?.HeadersOrNull is { Count: > 0 } extra)
        {
            foreach (var header in extra)
            {
                HeaderValues.EnsureValue(header.Key, "requestOptions.Headers (name)");
                HeaderValues.EnsureValue(header.Value, $"requestOptions.Headers[\"{header.Key}\"]");
                headers.Remove(header.Key);
                headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        headers.TryAddWithoutValidation("Accept", call.Accept ?? "application/json");
        content = null;
        if (call.Content is { } body)
        {
            content = new TrackedContent(body);
            content.Headers.ContentType = s_jsonContentType;
            request.Content = content;
        }
        else if (call.OtherContent is { } other)
        {
            request.Content = other.CreateHttpContent();
        }

        return request;
    }
}
