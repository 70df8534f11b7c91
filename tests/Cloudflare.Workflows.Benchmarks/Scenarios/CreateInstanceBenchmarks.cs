using BenchmarkDotNet.Attributes;
using Cloudflare.Workflows.Benchmarks.Infrastructure;
using HandWrittenModels = Cloudflare.Workflows.Benchmarks.HandWritten;

namespace Cloudflare.Workflows.Benchmarks.Scenarios;

/// <summary>POST a new instance: an id, a retention and a params object out; the small created instance back.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class CreateInstanceBenchmarks
{
    private WorkflowsClient _sdk = null!;
    private HandWrittenModels.HandWrittenWorkflowsClient _handWritten = null!;
    private InstanceCreateRequest _sdkRequest = null!;
    private HandWrittenModels.CreateInstanceRequest _handWrittenRequest = null!;

    /// <summary>Whether the transport answers after a thread-pool hop (as a socket does) or synchronously.</summary>
    [Params(false, true)]
    public bool AsyncTransport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sdk = Clients.Sdk(Payloads.InstanceCreated, AsyncTransport);
        _handWritten = Clients.HandWritten(Payloads.InstanceCreated, AsyncTransport);
        _sdkRequest = new InstanceCreateRequest
        {
            InstanceId = Payloads.InstanceId,
            InstanceRetention = new InstanceRetention { ErrorRetention = "7 days", SuccessRetention = 86400000d },
            Params = Payloads.CreateParams,
        };
        _handWrittenRequest = new HandWrittenModels.CreateInstanceRequest
        {
            InstanceId = Payloads.InstanceId,
            InstanceRetention = new HandWrittenModels.InstanceRetention
            {
                ErrorRetention = new HandWrittenModels.FlexibleValue("7 days", null, null),
                SuccessRetention = new HandWrittenModels.FlexibleValue(null, 86400000d, null),
            },
            Params = Payloads.CreateParams,
        };

        var sdk = Sdk().GetAwaiter().GetResult();
        var handWritten = HandWritten().GetAwaiter().GetResult();
        Clients.Check(sdk.Id == Payloads.InstanceId && handWritten.Id == Payloads.InstanceId, "created id");
    }

    [Benchmark(Baseline = true, Description = "HandWritten CreateAsync")]
    public Task<HandWrittenModels.CreatedInstance> HandWritten() =>
        _handWritten.CreateAsync(Payloads.WorkflowName, _handWrittenRequest);

    [Benchmark(Description = "SDK CreateAsync")]
    public Task<InstanceCreated> Sdk() =>
        _sdk.Instances.CreateAsync(Payloads.WorkflowName, _sdkRequest);
}
