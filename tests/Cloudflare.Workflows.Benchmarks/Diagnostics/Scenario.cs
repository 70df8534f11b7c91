using Cloudflare.Workflows.Benchmarks.Scenarios;

namespace Cloudflare.Workflows.Benchmarks.Diagnostics;

/// <summary>One benchmark class's pair of calls, set up exactly as BenchmarkDotNet sets them up.</summary>
internal sealed record Scenario(string Name, Func<Task> HandWritten, Func<Task> Sdk)
{
    public static IReadOnlyList<Scenario> All(bool asyncTransport = false)
    {
        var get = new GetInstanceBenchmarks { AsyncTransport = asyncTransport };
        get.Setup();
        var list = new ListInstancesBenchmarks { AsyncTransport = asyncTransport };
        list.Setup();
        var create = new CreateInstanceBenchmarks { AsyncTransport = asyncTransport };
        create.Setup();
        return
        [
            new("GetAsync", get.HandWritten, get.Sdk),
            new("ListAsync", list.HandWritten, list.Sdk),
            new("CreateAsync", create.HandWritten, create.Sdk),
        ];
    }

    /// <summary>Runs a call that completes synchronously (the transport does), failing loudly if it does not.</summary>
    public static void RunSync(Func<Task> call)
    {
        var task = call();
        if (!task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            throw new InvalidOperationException("The call did not complete synchronously.");
        }
    }
}
