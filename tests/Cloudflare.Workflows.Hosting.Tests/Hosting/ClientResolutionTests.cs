using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cloudflare.Workflows.Hosting.Tests.Hosting;

/// <summary>
/// The typed client is transient, so every resolution builds a client and its pipeline: what does not depend on the
/// HttpClient (the request log's logger, the meter's instruments) is made once per factory, and every client still uses it.
/// </summary>
public sealed class ClientResolutionTests
{
    [Fact]
    public async Task Resolving_the_client_again_asks_the_logger_and_meter_factories_once_and_every_client_logs_and_measures()
    {
        await using var api = await FakeCloudflareApi.StartAsync();
        var logs = new CapturingLoggerProvider();
        var loggers = new CountingLoggerFactory(logs);
        using var meters = new CountingMeterFactory();
        using var host = Hosts.Build(Hosts.Complete(api), configure: o =>
        {
            o.LoggerFactory = loggers;
            o.MeterFactory = meters;
        });
        using var collector = new MetricsCollector(api.BaseUri.Port);

        for (var i = 0; i < 3; i++)
        {
            await host.Services.GetRequiredService<WorkflowsClient>().Instances.GetAsync("approval", "order-42");
        }

        Assert.Equal(1, loggers.Created);
        Assert.Equal(1, meters.Created);
        Assert.Equal(3, logs.Of(CloudflareClientTelemetry.LoggerCategory).Count);
        var attempts = collector.Of(CloudflareClientTelemetry.RequestAttempts);
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, m => Assert.Same(meters, m.MeterScope));
    }

    private sealed class CountingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
    {
        public int Created { get; private set; }

        public ILogger CreateLogger(string categoryName)
        {
            Created++;
            return inner.CreateLogger(categoryName);
        }

        public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

        public void Dispose()
        {
        }
    }

    private sealed class CountingMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public int Created { get; private set; }

        public Meter Create(MeterOptions options)
        {
            Created++;
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
