using System.Collections.Concurrent;
using Cloudflare.Workflows.ContractTests.Calls;

namespace Cloudflare.Workflows.ContractTests;

/// <summary>What one test run measured: the runs per mode and Prism's start-up times.</summary>
internal sealed class ContractResults
{
    public ConcurrentDictionary<string, ContractRun> Runs { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TimeSpan> StartupTimes { get; set; } = new Dictionary<string, TimeSpan>();

    /// <summary>From the fixture's start to all servers ready (spec written, npm ci if needed, three Prism starts in parallel).</summary>
    public TimeSpan SetupTime { get; set; }

    /// <summary>From the fixture's start to all servers killed.</summary>
    public TimeSpan TotalTime { get; set; }
}
