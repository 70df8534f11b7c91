using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Cloudflare.OpenApi.Generator.Tests.Corpus;

/// <summary>
/// Collects the corpus results of one test run; with <c>UPDATE_CORPUS_TABLE=1</c> it rewrites the table in
/// <c>Corpus/RESULTS.md</c> when the test class is done (the table is only as current as its last such run).
/// </summary>
public sealed class CorpusTable : IDisposable
{
    private const string Begin = "<!-- corpus-table:begin -->";
    private const string End = "<!-- corpus-table:end -->";
    private readonly ConcurrentDictionary<string, CorpusResult> _results = new(StringComparer.Ordinal);

    internal void Add(CorpusResult result) => _results[result.Spec.File] = result;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_CORPUS_TABLE") != "1" || _results.IsEmpty)
        {
            return;
        }

        var path = Path.Combine(ProjectDirectory(), "Corpus", "RESULTS.md");
        var text = File.Exists(path) ? File.ReadAllText(path) : $"# Corpus results\n\n{Begin}\n{End}\n";
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"{path} lost its {Begin}/{End} markers");
        }

        File.WriteAllText(path, text[..(start + Begin.Length)] + "\n" + Render() + text[end..], new UTF8Encoding(false));
    }

    private string Render()
    {
        var table = new StringBuilder();
        table.Append("| spec | size | types | `…Async` methods | warnings (id × count) | generate (first) | generate (warm) | compile | result |\n");
        table.Append("|---|---:|---:|---:|---|---:|---:|---:|---|\n");
        foreach (var spec in CorpusCatalog.All)
        {
            if (!_results.TryGetValue(spec.File, out var r))
            {
                continue;
            }

            var warnings = r.WarningCounts.Count == 0 ? "none" : string.Join(", ", r.WarningCounts.Select(p => $"{p.Key} × {p.Value}"));
            var result = r.Failures.Count == 0 ? "compiles" : $"**known failure** ({spec.KnownFailure?.Owner}): {r.Failures.Count} problem(s), first: `{Shorten(r.Failures[0])}`";
            table.Append(CultureInfo.InvariantCulture, $"| {spec.File} | {Size(r.SpecBytes)} | {r.Types} | {r.Methods} | {warnings} | {Ms(r.GenerationTime)} | {(r.WarmGenerationTime is { } warm ? Ms(warm) : "–")} | {Ms(r.CompileTime)} | {result} |\n");
        }

        return table.ToString();
    }

    private static string Shorten(string text)
    {
        var line = text.Replace('\n', ' ').Replace('|', '/').Replace('`', '\'');
        return line.Length <= 160 ? line : line[..157] + "...";
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static string ProjectDirectory() =>
        typeof(CorpusTable).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectDirectory").Value!;
}
