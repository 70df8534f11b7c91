using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace Cloudflare.OpenApi.Telemetry;

/// <summary>
/// What one pipeline reports about its attempts: the request log, the OpenTelemetry HTTP client metrics and the
/// attributes of the call's span. The pipeline asks <see cref="IsEnabled"/> once per call and, when nothing listens,
/// calls nothing else, so an unobserved call costs what it cost before (no timestamps, no tags, no allocations).
/// </summary>
internal sealed class ClientTelemetry
{
    private readonly ILogger? _logger;
    private readonly ClientMetrics _metrics;

    // A factory hands out one logger per category anyway (updated in place when providers change), but finding it
    // takes the factory's lock: asked once per factory rather than on every (transient) client's construction.
    private static readonly ConditionalWeakTable<ILoggerFactory, ILogger> s_loggers = new();

    public ClientTelemetry(ILoggerFactory? loggerFactory, IMeterFactory? meterFactory)
    {
        _logger = loggerFactory is null ? null : s_loggers.GetValue(loggerFactory, static f => f.CreateLogger(CloudflareClientTelemetry.LoggerCategory));
        _metrics = ClientMetrics.For(meterFactory);
    }

    /// <summary>Whether a listener, a logger or the span wants this call's attempts.</summary>
    public bool IsEnabled(Activity? activity) =>
        activity is not null || _metrics.Enabled || (_logger is not null && _logger.IsEnabled(LogLevel.Warning));

    /// <summary>The timestamp an attempt starts at, for <see cref="AttemptAnswered"/> and <see cref="AttemptFailed"/>.</summary>
    public static long Now() => Stopwatch.GetTimestamp();

    /// <summary>Tags the call's span with what is known before the first attempt.</summary>
    public static void StartCall(Activity? activity, HttpMethod method, Uri uri, string? pathTemplate)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("http.request.method", method.Method);
        activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
        activity.SetTag("server.address", uri.Host);
        activity.SetTag("server.port", uri.Port);
        if (pathTemplate is not null)
        {
            activity.SetTag("url.template", pathTemplate);
        }
    }

    /// <summary>An attempt that got a response (any status); <paramref name="uri"/> is the URI as sent.</summary>
    public void AttemptAnswered(Activity? activity, string operation, HttpMethod method, string? pathTemplate, Uri uri, int attempt, long started, int statusCode)
    {
        var errorType = statusCode >= 400 ? StatusText(statusCode) : null;
        var elapsed = Elapsed(started);
        activity?.SetTag("http.response.status_code", statusCode);
        activity?.SetTag("error.type", errorType);
        Record(method, pathTemplate, uri, statusCode, errorType, elapsed);
        if (_logger is not null)
        {
            if (errorType is null)
            {
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    ClientLog.Completed(_logger, method.Method, pathTemplate ?? "(unknown)", statusCode, Milliseconds(elapsed), attempt + 1, operation);
                }
            }
            else if (_logger.IsEnabled(LogLevel.Warning))
            {
                ClientLog.Failed(_logger, method.Method, pathTemplate ?? "(unknown)", errorType, Milliseconds(elapsed), attempt + 1, operation);
            }
        }
    }

    /// <summary>
    /// An attempt that ended in an exception. Always returns false, so the pipeline calls it from an exception filter
    /// and the exception goes on unchanged.
    /// </summary>
    public bool AttemptFailed(Activity? activity, string operation, HttpMethod method, string? pathTemplate, Uri uri, int attempt, long started, Exception exception, CancellationToken callerToken)
    {
        var errorType = ErrorType(exception, callerToken);
        var elapsed = Elapsed(started);
        activity?.SetTag("error.type", errorType);
        Record(method, pathTemplate, uri, 0, errorType, elapsed);
        if (_logger is not null && _logger.IsEnabled(LogLevel.Warning))
        {
            ClientLog.Failed(_logger, method.Method, pathTemplate ?? "(unknown)", errorType, Milliseconds(elapsed), attempt + 1, operation);
        }

        return false;
    }

    /// <summary>The pipeline decided to try again after <paramref name="errorType"/>.</summary>
    public void Retrying(Activity? activity, string operation, HttpMethod method, string? pathTemplate, Uri uri, int attempt, int maxRetries, TimeSpan delay, string errorType)
    {
        activity?.SetTag("http.request.resend_count", attempt + 1);
        if (_metrics.Retries.Enabled)
        {
            var tags = BaseTags(method, pathTemplate, uri);
            tags.Add("error.type", errorType);
            _metrics.Retries.Add(1, tags);
        }

        if (_logger is not null && _logger.IsEnabled(LogLevel.Information))
        {
            ClientLog.Retrying(_logger, method.Method, pathTemplate ?? "(unknown)", Math.Round(delay.TotalMilliseconds), errorType, attempt + 2, maxRetries + 1, operation);
        }
    }

    /// <summary>
    /// The <c>error.type</c> of a failed attempt: <c>timeout</c> when the attempt's own timeout fired (the caller's token
    /// is not cancelled), otherwise the exception's full type name, as the semantic conventions ask.
    /// </summary>
    public static string ErrorType(Exception exception, CancellationToken callerToken) =>
        exception is OperationCanceledException && !callerToken.IsCancellationRequested
            ? "timeout"
            : exception.GetType().FullName ?? exception.GetType().Name;

    /// <summary>The <c>error.type</c> of an attempt answered with <paramref name="statusCode"/> (≥ 400).</summary>
    public static string StatusText(int statusCode) => statusCode switch
    {
        400 => "400",
        401 => "401",
        403 => "403",
        404 => "404",
        409 => "409",
        429 => "429",
        500 => "500",
        502 => "502",
        503 => "503",
        504 => "504",
        _ => statusCode.ToString(CultureInfo.InvariantCulture),
    };

    private void Record(HttpMethod method, string? pathTemplate, Uri uri, int statusCode, string? errorType, TimeSpan elapsed)
    {
        if (!_metrics.Duration.Enabled && !_metrics.Attempts.Enabled)
        {
            return;
        }

        var tags = BaseTags(method, pathTemplate, uri);
        if (statusCode > 0)
        {
            tags.Add("http.response.status_code", statusCode);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        _metrics.Duration.Record(elapsed.TotalSeconds, tags);
        _metrics.Attempts.Add(1, tags);
    }

    private static TagList BaseTags(HttpMethod method, string? pathTemplate, Uri uri)
    {
        var tags = new TagList
        {
            { "http.request.method", method.Method },
            { "server.address", uri.Host },
            { "server.port", uri.Port },
        };
        if (pathTemplate is not null)
        {
            tags.Add("url.template", pathTemplate);
        }

        return tags;
    }

    private static TimeSpan Elapsed(long started) =>
#if NET7_0_OR_GREATER
        Stopwatch.GetElapsedTime(started);
#else
        TimeSpan.FromTicks((long)((Stopwatch.GetTimestamp() - started) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency)));
#endif

    private static double Milliseconds(TimeSpan elapsed) => Math.Round(elapsed.TotalMilliseconds, 1);
}
