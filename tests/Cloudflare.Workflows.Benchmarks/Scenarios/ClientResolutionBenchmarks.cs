using BenchmarkDotNet.Attributes;
using Cloudflare.Workflows.Benchmarks.HandWritten;
using Cloudflare.Workflows.Benchmarks.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Cloudflare.Workflows.Benchmarks.Scenarios;

/// <summary>
/// Resolving the typed client from IHttpClientFactory, as an ASP.NET Core request does for every controller or
/// handler that takes it: a transient client around a pooled handler. The hand-written client registered the same way
/// (<c>AddHttpClient&lt;T&gt;</c>) is the baseline, so the ratio is what the SDK adds per resolution.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class ClientResolutionBenchmarks
{
    private ServiceProvider _sdkProvider = null!;
    private ServiceProvider _handWrittenProvider = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sdk = new ServiceCollection();
        sdk.AddCloudflareWorkflows(configure: o =>
            {
                o.AccountId = Payloads.AccountId;
                o.ApiToken = Payloads.ApiToken;
                o.UseEnvironmentCredentials = false;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new CannedResponseHandler(Payloads.InstanceCreated, completeAsynchronously: false));
        _sdkProvider = sdk.BuildServiceProvider();

        var handWritten = new ServiceCollection();
        handWritten.AddHttpClient<HandWrittenWorkflowsClient, HandWrittenWorkflowsClient>((HttpClient http, IServiceProvider _) => new HandWrittenWorkflowsClient(http, Payloads.BaseUri, Payloads.AccountId, Payloads.ApiToken))
            .ConfigurePrimaryHttpMessageHandler(() => new CannedResponseHandler(Payloads.InstanceCreated, completeAsynchronously: false));
        _handWrittenProvider = handWritten.BuildServiceProvider();

        Clients.Check(Sdk() is not null && HandWritten() is not null, "clients resolve");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdkProvider.Dispose();
        _handWrittenProvider.Dispose();
    }

    [Benchmark(Baseline = true, Description = "HandWritten resolve")]
    public HandWrittenWorkflowsClient HandWritten() => _handWrittenProvider.GetRequiredService<HandWrittenWorkflowsClient>();

    [Benchmark(Description = "SDK resolve")]
    public WorkflowsClient Sdk() => _sdkProvider.GetRequiredService<WorkflowsClient>();
}
