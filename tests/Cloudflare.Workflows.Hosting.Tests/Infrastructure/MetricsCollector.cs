using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Cloudflare.Workflows.Hosting.Tests.Infrastructure;

/// <summary>One measurement with its tags.</summary>
public sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags, object? MeterScope);

/// <summary>
/// Listens to the <c>Cloudflare.OpenApi</c> meter (every instance of it) and keeps the measurements of one fake
/// server's port: tests run in parallel and share the process-wide meter, the port tells their requests apart.
/// </summary>
public sealed class MetricsCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly int _port;

    public MetricsCollector(int port)
    {
        _port = port;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CloudflareClientTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Of(string instrument) => _measurements.Where(m => m.Instrument == instrument).ToArray();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        if (dictionary.TryGetValue("server.port", out var port) && port is int p && p == _port)
        {
            _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, dictionary, instrument.Meter.Scope));
        }
    }
}
