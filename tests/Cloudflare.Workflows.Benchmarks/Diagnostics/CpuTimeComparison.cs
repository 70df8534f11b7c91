using System.Runtime.InteropServices;

namespace Cloudflare.Workflows.Benchmarks.Diagnostics;

/// <summary>
/// A cross-check of BenchmarkDotNet's time ratios for a busy machine: the two clients run in alternating short batches
/// on one thread, each batch timed by the thread's own CPU clock (CLOCK_THREAD_CPUTIME_ID), so time the thread spends
/// preempted by other processes does not count, and both clients see the same machine state. Gen0 collections run on
/// the allocating thread (workstation GC) and do count. Prints the median of the per-round ratios.
/// </summary>
internal static class CpuTimeComparison
{
    private const int ClockThreadCpuTimeId = 3;

    public static void Run(int rounds = 41, int batch = 2000)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("The CPU-time comparison reads CLOCK_THREAD_CPUTIME_ID and runs on Linux only.");
            return;
        }

        Console.WriteLine(
            $"Response bodies: GET {Infrastructure.Payloads.InstanceDetails.Length} B, LIST {Infrastructure.Payloads.InstanceList.Length} B, CREATE {Infrastructure.Payloads.InstanceCreated.Length} B");
        Console.WriteLine($"Thread CPU time per call, {rounds} alternating rounds of {batch} calls each (median; ratio = SDK / hand-written)");
        Console.WriteLine("| Scenario | Hand-written | SDK | Ratio (median of rounds) | Ratio p25-p75 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var scenario in Scenario.All())
        {
            // Warm up past tiered compilation (30 calls, then a background tier-1 compile with OSR/PGO).
            for (var i = 0; i < 3; i++)
            {
                Measure(scenario.HandWritten, 20_000);
                Measure(scenario.Sdk, 20_000);
                Thread.Sleep(200);
            }

            var handWritten = new double[rounds];
            var sdk = new double[rounds];
            var ratios = new double[rounds];
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which one goes first so neither always inherits the other's garbage.
                if (round % 2 == 0)
                {
                    handWritten[round] = Measure(scenario.HandWritten, batch);
                    sdk[round] = Measure(scenario.Sdk, batch);
                }
                else
                {
                    sdk[round] = Measure(scenario.Sdk, batch);
                    handWritten[round] = Measure(scenario.HandWritten, batch);
                }

                ratios[round] = sdk[round] / handWritten[round];
            }

            Array.Sort(handWritten);
            Array.Sort(sdk);
            Array.Sort(ratios);
            Console.WriteLine(
                $"| {scenario.Name} | {handWritten[rounds / 2]:F2} µs | {sdk[rounds / 2]:F2} µs | {ratios[rounds / 2]:F3} | {ratios[rounds / 4]:F3}-{ratios[rounds * 3 / 4]:F3} |");
        }
    }

    /// <returns>Microseconds of this thread's CPU time per call.</returns>
    private static double Measure(Func<Task> call, int count)
    {
        var start = ThreadCpuTimeNs();
        for (var i = 0; i < count; i++)
        {
            Scenario.RunSync(call);
        }

        return (ThreadCpuTimeNs() - start) / 1000.0 / count;
    }

    private static long ThreadCpuTimeNs()
    {
        if (ClockGetTime(ClockThreadCpuTimeId, out var time) != 0)
        {
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        }

        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
}
