using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace Cloudflare.OpenApi.Telemetry;

/// <summary>The instruments of one <see cref="Meter"/>: the shared static one, or one an <see cref="IMeterFactory"/> made.</summary>
internal sealed class ClientMetrics
{
    // The OpenTelemetry semantic conventions' advice for http.client.request.duration.
    private static readonly double[] s_durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    // One set of instruments per meter: a transient client (IHttpClientFactory's typed clients are transient) must
    // not create instruments on every construction.
    private static readonly ConditionalWeakTable<Meter, ClientMetrics> s_byMeter = new();

    // Per factory too: asking the factory for the meter takes its lock and compares its meters on every construction.
    private static readonly ConditionalWeakTable<IMeterFactory, ClientMetrics> s_byFactory = new();

    private static readonly string? s_version = typeof(ClientMetrics).Assembly.GetName().Version?.ToString();

    private static readonly ClientMetrics s_shared = new(new Meter(CloudflareClientTelemetry.MeterName, s_version));

    private ClientMetrics(Meter meter)
    {
#if NET9_0_OR_GREATER
        Duration = meter.CreateHistogram<double>(
            CloudflareClientTelemetry.RequestDuration,
            unit: "s",
            description: "Duration of HTTP client requests.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = s_durationBuckets });
#else
        // Bucket advice needs System.Diagnostics.DiagnosticSource 9: on .NET 8 the exporter's defaults apply.
        Duration = meter.CreateHistogram<double>(CloudflareClientTelemetry.RequestDuration, "s", "Duration of HTTP client requests.");
#endif
        Attempts = meter.CreateCounter<long>(CloudflareClientTelemetry.RequestAttempts, "{attempt}", "HTTP attempts sent by Cloudflare clients.");
        Retries = meter.CreateCounter<long>(CloudflareClientTelemetry.RequestRetries, "{retry}", "Retries Cloudflare clients decided to make.");
    }

    public Histogram<double> Duration { get; }

    public Counter<long> Attempts { get; }

    public Counter<long> Retries { get; }

    /// <summary>Whether anything listens; false costs three field reads per call and nothing else.</summary>
    public bool Enabled => Duration.Enabled || Attempts.Enabled || Retries.Enabled;

    public static ClientMetrics For(IMeterFactory? factory)
    {
        if (factory is null)
        {
            return s_shared;
        }

        return s_byFactory.GetValue(factory, static f =>
        {
            var meter = f.Create(new MeterOptions(CloudflareClientTelemetry.MeterName) { Version = s_version });
            return s_byMeter.GetValue(meter, static m => new ClientMetrics(m));
        });
    }

    /// <summary>The bucket boundaries advised for the duration histogram (seconds).</summary>
    internal static IReadOnlyList<double> DurationBuckets => s_durationBuckets;
}
