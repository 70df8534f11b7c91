using BenchmarkDotNet.Attributes;
using Cloudflare.Workflows.Benchmarks.Infrastructure;
using HandWrittenModels = Cloudflare.Workflows.Benchmarks.HandWritten;

namespace Cloudflare.Workflows.Benchmarks.Scenarios;

/// <summary>GET one instance with ten steps of all four kinds (about 5 KB of JSON).</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class GetInstanceBenchmarks
{
    private WorkflowsClient _sdk = null!;
    private HandWrittenModels.HandWrittenWorkflowsClient _handWritten = null!;

    /// <summary>Whether the transport answers after a thread-pool hop (as a socket does) or synchronously.</summary>
    [Params(false, true)]
    public bool AsyncTransport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sdk = Clients.Sdk(Payloads.InstanceDetails, AsyncTransport);
        _handWritten = Clients.HandWritten(Payloads.InstanceDetails, AsyncTransport);

        var sdk = Sdk().GetAwaiter().GetResult();
        var handWritten = HandWritten().GetAwaiter().GetResult();
        Clients.Check(HandWrittenBuffered().GetAwaiter().GetResult().Steps!.Count == 10, "buffered: ten steps");
        Clients.Check(sdk.Steps!.Count == 10 && handWritten.Steps!.Count == 10, "ten steps");
        Clients.Check(sdk.Steps.Select(s => s.Type).Distinct().Count() == 4, "SDK: four step kinds");
        Clients.Check(handWritten.Steps!.Select(s => s.GetType()).Distinct().Count() == 4, "hand-written: four step kinds");
        Clients.Check(sdk.Status == InstanceStatus.Terminated && handWritten.Status == HandWrittenModels.Status.Terminated, "status");
    }

    [Benchmark(Baseline = true, Description = "HandWritten GetAsync")]
    public Task<HandWrittenModels.InstanceDetails> HandWritten() =>
        _handWritten.GetAsync(Payloads.WorkflowName, Payloads.InstanceId);

    [Benchmark(Description = "HandWritten, buffered")]
    public Task<HandWrittenModels.InstanceDetails> HandWrittenBuffered() =>
        _handWritten.GetBufferedAsync(Payloads.WorkflowName, Payloads.InstanceId);

    [Benchmark(Description = "SDK GetAsync")]
    public Task<InstanceDetails> Sdk() =>
        _sdk.Instances.GetAsync(Payloads.WorkflowName, Payloads.InstanceId);
}
