using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Cloudflare.Workflows.Benchmarks.Diagnostics;

/// <summary>
/// Where the bytes go. First the exact bytes per call of both clients (GC.GetTotalAllocatedBytes, all threads, so the
/// thread-pool continuations of the asynchronous transport count too); then, per type, the runtime's GCAllocationTick
/// events (one per ~100 KB allocated, naming the type of the object that crossed the mark) summed over many calls and
/// divided by the number of calls. The per-type figures are sampled, so small types are approximate.
/// </summary>
internal static class AllocationProfile
{
    public static async Task RunAsync(int calls = 100_000)
    {
        Console.WriteLine("| Scenario | AsyncTransport | Hand-written B/call | SDK B/call | SDK / hand-written |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        var details = new List<string>();
        foreach (var asyncTransport in new[] { false, true })
        {
            foreach (var scenario in Scenario.All(asyncTransport))
            {
                var (handWritten, handWrittenTypes) = await MeasureAsync(scenario.HandWritten, calls);
                var (sdk, sdkTypes) = await MeasureAsync(scenario.Sdk, calls);
                Console.WriteLine($"| {scenario.Name} | {asyncTransport} | {handWritten:F0} | {sdk:F0} | {sdk / handWritten:F2} |");
                if (!asyncTransport)
                {
                    details.Add(Describe($"{scenario.Name}, hand-written", handWritten, handWrittenTypes, calls));
                    details.Add(Describe($"{scenario.Name}, SDK", sdk, sdkTypes, calls));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Synchronous transport, sampled by type:");
        Console.WriteLine();
        details.ForEach(Console.WriteLine);
    }

    private static async Task<(double BytesPerCall, IReadOnlyDictionary<string, long> ByType)> MeasureAsync(Func<Task> call, int calls)
    {
        for (var i = 0; i < 20_000; i++)
        {
            await call();
        }

        using var listener = new AllocationTickListener();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var bytes = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls;
        return (bytes, new Dictionary<string, long>(listener.ByType));
    }

    private static string Describe(string title, double bytesPerCall, IReadOnlyDictionary<string, long> byType, int calls)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"## {title}: {bytesPerCall:F0} B/call");
        text.AppendLine("| Type | ~B/call |");
        text.AppendLine("|---|---:|");
        foreach (var (type, bytes) in byType.OrderByDescending(p => p.Value).Take(18))
        {
            text.AppendLine($"| `{type}` | {bytes / (double)calls:F0} |");
        }

        return text.ToString();
    }

    private sealed class AllocationTickListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;

        public ConcurrentDictionary<string, long> ByType { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null)
            {
                return;
            }

            var names = eventData.PayloadNames!;
            var type = (string?)eventData.Payload[names.IndexOf("TypeName")] ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            ByType.AddOrUpdate(type, amount, (_, total) => total + amount);
        }
    }
}
