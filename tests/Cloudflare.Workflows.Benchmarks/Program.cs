using BenchmarkDotNet.Running;
using Cloudflare.Workflows.Benchmarks.Diagnostics;

// dotnet run -c Release --project tests/Cloudflare.Workflows.Benchmarks -- --filter '*'   BenchmarkDotNet (see RESULTS.md)
// ... -- --cpu-ab          alternating-batch thread-CPU-time ratios (robust on a busy machine)
// ... -- --alloc-profile   allocated bytes per call by type (GCAllocationTick sampling)
switch (args.FirstOrDefault())
{
    case "--cpu-ab":
        CpuTimeComparison.Run();
        break;
    case "--alloc-profile":
        await AllocationProfile.RunAsync();
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        break;
}
