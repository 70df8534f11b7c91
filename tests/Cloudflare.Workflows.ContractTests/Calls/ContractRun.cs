using System.Diagnostics;

namespace Cloudflare.Workflows.ContractTests.Calls;

/// <summary>The calls of one mode (static or dynamic) against one Prism, and what came of them.</summary>
internal sealed class ContractRun
{
    private ContractRun(string mode, int rounds, IReadOnlyList<CallRecord> calls, TimeSpan elapsed)
    {
        Mode = mode;
        Rounds = rounds;
        Calls = calls;
        Elapsed = elapsed;
    }

    public string Mode { get; }

    public int Rounds { get; }

    public IReadOnlyList<CallRecord> Calls { get; }

    public TimeSpan Elapsed { get; }

    public int Rejections => Calls.Count(c => c.Rejected);

    public int Unreadable => Calls.Count(c => c.Unreadable);

    /// <summary>
    /// What went wrong, grouped: one line per operation and kind of problem (numbers, byte offsets and values blanked
    /// out) with its count, then the first <paramref name="examples"/> failed calls in full (request, status,
    /// <c>sl-violations</c>, read issues, exception, body).
    /// </summary>
    public string DescribeFailures(int examples = 3)
    {
        var failed = Calls.Where(c => c.Rejected || c.Unreadable).ToList();
        var text = $"{Mode}: {Calls.Count} calls in {Rounds} rounds, {Rejections} rejected by Prism, {Unreadable} unreadable by the SDK";
        var kinds = failed
            .SelectMany(c => c.Problems().Select(p => (c.Operation.OperationId, Kind: c.Rejected ? p : ProblemKind.Replace(p, "#"))))
            .GroupBy(k => k)
            .OrderBy(g => g.Key.OperationId, StringComparer.Ordinal)
            .ThenByDescending(g => g.Count());
        foreach (var kind in kinds)
        {
            text += $"\n  {kind.Key.OperationId}: {kind.Count()} x {kind.Key.Kind}";
        }

        foreach (CallRecord call in failed.Take(examples))
        {
            text += "\n  example: " + call.Describe();
        }

        return text;
    }

    // Values that differ from call to call in read issues and exceptions: numbers, quoted strings.
    private static readonly System.Text.RegularExpressions.Regex ProblemKind = new("-?[0-9][0-9.e+-]*|'[^']*'|\"[^\"]*\"");

    /// <summary>
    /// Calls every operation of <see cref="ContractOperations.All"/> once per round against <paramref name="baseUri"/>;
    /// round r uses request shape r % variants and, when <paramref name="seedOf"/> is given, <c>Prefer: seed=seedOf(r)</c>.
    /// The operations of a round run concurrently; rounds run one after the other.
    /// </summary>
    public static Task<ContractRun> RunAsync(string mode, Uri baseUri, int rounds, Func<int, string>? seedOf) =>
        RunAsync(mode, baseUri, rounds, round => ContractOperations.All.Select(o => new CallRecord(o, round, seedOf?.Invoke(round))));

    /// <summary>
    /// Calls every operation once per declared error answer (<paramref name="errorStatuses"/>: operation id → the
    /// spec's non-2xx response codes) and round, asking Prism for that answer with <c>Prefer: code=…</c>.
    /// </summary>
    public static Task<ContractRun> RunErrorsAsync(string mode, Uri baseUri, int rounds, Func<int, string>? seedOf, IReadOnlyDictionary<string, IReadOnlyList<int>> errorStatuses) =>
        RunAsync(mode, baseUri, rounds, round => ContractOperations.All.SelectMany(
            o => errorStatuses[o.OperationId].Select(status => new CallRecord(o, round, seedOf?.Invoke(round), status))));

    private static async Task<ContractRun> RunAsync(string mode, Uri baseUri, int rounds, Func<int, IEnumerable<CallRecord>> callsOf)
    {
        var records = new List<CallRecord>();
        var stopwatch = Stopwatch.StartNew();
        using var transport = new HttpClient(new ContractRecorder());
        var client = new WorkflowsClient(Options(baseUri), transport);
        for (int round = 0; round < rounds; round++)
        {
            var roundRecords = callsOf(round).ToList();
            await Task.WhenAll(roundRecords.Select(r => CallAsync(client, r)));
            records.AddRange(roundRecords);
        }

        return new ContractRun(mode, rounds, records, stopwatch.Elapsed);
    }

    private static async Task CallAsync(WorkflowsClient client, CallRecord record)
    {
        // Set on this flow before the first await: the SDK's pipeline and its reader run below it and see it.
        ContractRecorder.Current = record;
        try
        {
            await record.Operation.Call(client, record.Round);
        }
        catch (Exception e)
        {
            // Whatever the SDK threw (an API error for a refused request, a JsonException, a bug) fails the test with its call.
            record.Failure = e;
        }
    }

    private static WorkflowsClientOptions Options(Uri baseUri) => new()
    {
        BaseUri = baseUri,
        AccountId = ContractOperations.AccountId,
        // Prism checks the spec's security (a bearer token): without one it answers 401.
        ApiToken = "contract-test-token",
        UseEnvironmentCredentials = false,
        // A refused or broken answer must show as it is, not be retried away.
        MaxRetries = 0,
        Timeout = TimeSpan.FromSeconds(15),
        // Lenient reading, so that every replaced value of a response is counted, not just the first.
        ReadIssueHandler = issue => ContractRecorder.Current?.ReadIssues.Add(issue.ToString()),
    };
}
