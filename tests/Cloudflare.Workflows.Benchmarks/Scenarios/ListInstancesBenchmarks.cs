using BenchmarkDotNet.Attributes;
using Cloudflare.Workflows.Benchmarks.Infrastructure;
using HandWrittenModels = Cloudflare.Workflows.Benchmarks.HandWritten;

namespace Cloudflare.Workflows.Benchmarks.Scenarios;

/// <summary>GET one page of 25 instances with <c>result_info</c>.</summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class ListInstancesBenchmarks
{
    private WorkflowsClient _sdk = null!;
    private HandWrittenModels.HandWrittenWorkflowsClient _handWritten = null!;

    /// <summary>Whether the transport answers after a thread-pool hop (as a socket does) or synchronously.</summary>
    [Params(false, true)]
    public bool AsyncTransport { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sdk = Clients.Sdk(Payloads.InstanceList, AsyncTransport);
        _handWritten = Clients.HandWritten(Payloads.InstanceList, AsyncTransport);

        var sdk = Sdk().GetAwaiter().GetResult();
        var (items, info) = HandWritten().GetAwaiter().GetResult();
        Clients.Check(sdk.Items.Count == 25 && items.Count == 25, "25 items");
        Clients.Check(sdk.Items[24].Id == items[24].Id && sdk.Items[24].CreatedOn == items[24].CreatedOn, "same last item");
        Clients.Check(sdk.ResultInfo?.TotalPages == 9 && info?.TotalPages == 9, "result_info");
    }

    [Benchmark(Baseline = true, Description = "HandWritten ListAsync")]
    public Task<(IReadOnlyList<HandWrittenModels.InstanceSummary> Items, HandWrittenModels.ApiResultInfo? Info)> HandWritten() =>
        _handWritten.ListAsync(Payloads.WorkflowName, page: 1, perPage: 25);

    [Benchmark(Description = "SDK ListAsync")]
    public Task<Cloudflare.OpenApi.CloudflarePage<InstanceSummary>> Sdk() =>
        _sdk.Instances.ListAsync(Payloads.WorkflowName, page: 1, perPage: 25);
}
