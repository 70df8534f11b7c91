using Microsoft.Extensions.Logging;

namespace Cloudflare.OpenApi.Extensions.DependencyInjection;

/// <summary>The hosting package's log messages (source-generated).</summary>
internal static partial class HostingLog
{
    /// <summary>The logger category.</summary>
    public const string Category = "Cloudflare.OpenApi.Hosting";

    [LoggerMessage(EventId = 101, EventName = "NestedRetries", Level = LogLevel.Warning,
        Message = "{Client}: an HttpClient handler re-sent a {HttpMethod} request that the SDK also retries (MaxRetries = {MaxRetries}): " +
                  "each SDK attempt now becomes several requests, and requests the SDK does not repeat (a send-event POST) may be repeated. " +
                  "Keep one retry layer: set MaxRetries = 0, or turn the handler's retry off (AddStandardResilienceHandler(o => o.Retry.ShouldHandle = _ => ValueTask.FromResult(false))).")]
    public static partial void NestedRetries(ILogger logger, string client, string httpMethod, int maxRetries);
}
