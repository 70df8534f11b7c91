using System.Globalization;
using System.Text;
using Cloudflare.Workflows.ContractTests.Calls;
using Cloudflare.Workflows.ContractTests.Mock;

namespace Cloudflare.Workflows.ContractTests;

/// <summary>
/// Rewrites the tables of RESULTS.md (between its markers) from the run that just ended, with
/// <c>UPDATE_CONTRACT_RESULTS=1</c> only: a normal test run never writes into the repository.
/// </summary>
internal static class ResultsTable
{
    private const string Begin = "<!-- contract-results:begin -->";
    private const string End = "<!-- contract-results:end -->";
    private static readonly string[] Modes = { "static", "dynamic", "upstream", "static errors", "dynamic errors" };

    public static void WriteIfRequested(ContractResults results)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_CONTRACT_RESULTS") != "1" || !Modes.All(results.Runs.ContainsKey))
        {
            return;
        }

        string path = Path.Combine(MockSpec.RepoRoot, "tests", "Cloudflare.Workflows.ContractTests", "RESULTS.md");
        string text = File.ReadAllText(path);
        int begin = text.IndexOf(Begin, StringComparison.Ordinal);
        int end = text.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidOperationException($"{path} has no {Begin} … {End} markers.");
        }

        File.WriteAllText(path, text.Substring(0, begin + Begin.Length) + "\n" + Render(results) + text.Substring(end));
    }

    private static string Render(ContractResults results)
    {
        var b = new StringBuilder();
        b.Append("| mode | Prism mocks | rounds | calls | rejected by Prism | unreadable by the SDK | Prism start | calls took |\n");
        b.Append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (string mode in Modes)
        {
            ContractRun run = results.Runs[mode];
            string server = mode.Split(' ')[0];
            string spec = server == "upstream" ? "upstream extract" : "extract + overlay";
            string flags = server == "dynamic" ? $" (`--dynamic --seed {PrismFixture.DynamicSeed}`, `Prefer: seed=1…{run.Rounds}`)" : string.Empty;
            string errors = mode.EndsWith(" errors", StringComparison.Ordinal) ? " (`Prefer: code=` each declared error answer)" : string.Empty;
            b.Append($"| {mode}{flags}{errors} | {spec} | {run.Rounds} | {run.Calls.Count} | {run.Rejections} | {run.Unreadable} | {Seconds(results.StartupTimes[server])} | {Seconds(run.Elapsed)} |\n");
        }

        b.Append('\n').Append($"Fixture: {Seconds(results.SetupTime)} from start to three servers ready (spec written, `npm ci` skipped when installed, three Prism starts in parallel), {Seconds(results.TotalTime)} to all killed.\n\n");
        b.Append("| operation | C# call | static: calls / rejected / unreadable | dynamic: calls / rejected / unreadable | upstream extract: calls / rejected |\n");
        b.Append("|---|---|---:|---:|---:|\n");
        foreach (ContractOperation operation in ContractOperations.All)
        {
            b.Append($"| {operation.OperationId} | `{operation.CSharpCall}` | {Cell(results.Runs["static"], operation, true)} | {Cell(results.Runs["dynamic"], operation, true)} | {Cell(results.Runs["upstream"], operation, false)} |\n");
        }

        return b.ToString();
    }

    private static string Cell(ContractRun run, ContractOperation operation, bool withUnreadable)
    {
        var calls = run.Calls.Where(c => c.Operation == operation).ToList();
        string cell = $"{calls.Count} / {calls.Count(c => c.Rejected)}";
        return withUnreadable ? cell + $" / {calls.Count(c => c.Unreadable)}" : cell;
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
