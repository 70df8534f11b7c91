using Microsoft.Extensions.Logging;

namespace Cloudflare.OpenApi.Telemetry;

/// <summary>
/// The request log (source-generated, no boxing or formatting unless a logger is enabled). Only the method, the path
/// TEMPLATE, the status, the attempt, the duration and the operation are logged: never the expanded path or query
/// (ids, filters), never a header, never an exception message (those can quote the URL), so no credential or
/// resource value can reach a log.
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1, EventName = "RequestCompleted", Level = LogLevel.Information,
        Message = "{HttpMethod} {PathTemplate} answered {StatusCode} in {DurationMs} ms (attempt {Attempt}, {Operation})")]
    public static partial void Completed(ILogger logger, string httpMethod, string pathTemplate, int statusCode, double durationMs, int attempt, string operation);

    [LoggerMessage(EventId = 2, EventName = "RequestFailed", Level = LogLevel.Warning,
        Message = "{HttpMethod} {PathTemplate} failed with {ErrorType} after {DurationMs} ms (attempt {Attempt}, {Operation})")]
    public static partial void Failed(ILogger logger, string httpMethod, string pathTemplate, string errorType, double durationMs, int attempt, string operation);

    [LoggerMessage(EventId = 3, EventName = "RequestRetrying", Level = LogLevel.Information,
        Message = "{HttpMethod} {PathTemplate} is retried in {DelayMs} ms after {ErrorType} (attempt {NextAttempt} of at most {MaxAttempts}, {Operation})")]
    public static partial void Retrying(ILogger logger, string httpMethod, string pathTemplate, double delayMs, string errorType, int nextAttempt, int maxAttempts, string operation);
}
