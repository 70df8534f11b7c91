namespace Cloudflare.OpenApi;

/// <summary>
/// The names under which every generated client reports what it does, for <c>AddMeter</c>, <c>AddSource</c> and log
/// filters. The HTTP names and attributes follow the OpenTelemetry semantic conventions for HTTP clients.
/// </summary>
public static class CloudflareClientTelemetry
{
    /// <summary>The <see cref="System.Diagnostics.Metrics.Meter"/> of every client.</summary>
    public const string MeterName = "Cloudflare.OpenApi";

    /// <summary>The <see cref="System.Diagnostics.ActivitySource"/> every call is traced with (one span per call, over all its attempts).</summary>
    public const string ActivitySourceName = Infrastructure.CloudflarePipeline.ActivitySourceName;

    /// <summary>The <see cref="Microsoft.Extensions.Logging.ILogger"/> category of the request log.</summary>
    public const string LoggerCategory = "Cloudflare.OpenApi.Http";

    /// <summary>Histogram, seconds: the duration of each HTTP attempt, from sending to the end of its body (OpenTelemetry <c>http.client.request.duration</c>).</summary>
    public const string RequestDuration = "http.client.request.duration";

    /// <summary>Counter: HTTP attempts sent, each with its outcome's attributes (one per try; a call retried twice counts three).</summary>
    public const string RequestAttempts = "cloudflare.client.request.attempts";

    /// <summary>Counter: retries the SDK decided to make, with the <c>error.type</c> that caused each.</summary>
    public const string RequestRetries = "cloudflare.client.request.retries";
}
