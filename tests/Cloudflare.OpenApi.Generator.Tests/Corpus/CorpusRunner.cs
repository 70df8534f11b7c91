using System.Diagnostics;
using System.IO.Compression;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cloudflare.OpenApi.Generator.Tests.Corpus;

/// <summary>What generating and compiling one corpus spec in-process gave.</summary>
internal sealed record CorpusResult(
    CorpusSpec Spec,
    long SpecBytes,
    int Types,
    int Methods,
    IReadOnlyList<string> Errors,
    IReadOnlyList<Diagnostic> Warnings,
    TimeSpan GenerationTime,
    TimeSpan? WarmGenerationTime,
    TimeSpan CompileTime)
{
    /// <summary>Warning ids that occurred, with how often.</summary>
    public IReadOnlyDictionary<string, int> WarningCounts =>
        Warnings.GroupBy(w => w.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Why the spec does not pass: exceptions, errors, warnings not on its list (empty when it passes).</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var allowed = Spec.ExpectedWarnings.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
            var unexpected = Warnings.Where(w => !allowed.Contains(w.Id)).Select(w => w.ToString());
            return Errors.Concat(unexpected).ToList();
        }
    }

    /// <summary>Expected warnings that no longer occur (the list would go stale).</summary>
    public IReadOnlyList<string> StaleExpectations =>
        Spec.ExpectedWarnings.Where(w => !WarningCounts.ContainsKey(w.Id)).Select(w => $"{w.Id} is listed as expected but did not occur ({w.Reason})").ToList();
}

/// <summary>Generates a corpus spec with the in-process driver and compiles the output.</summary>
internal static class CorpusRunner
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static string ReadText(CorpusSpec spec)
    {
        var path = Path.Combine(Directory, spec.File);
        if (!spec.File.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllText(path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }

    public static CorpusResult Run(CorpusSpec spec)
    {
        var text = ReadText(spec);
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Placeholder { } }");
        var driver = GeneratorHarness.CreateDriver(text, new SpecOptions(spec.Namespace, ClientName: null, spec.ClientParameters, Conventions: null), "/corpus/" + spec.SpecFileName, trackSteps: false);

        var generation = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        generation.Stop();
        var run = driver.GetRunResult().Results.Single();

        var errors = new List<string>();
        if (run.Exception is { } exception)
        {
            errors.Add("generator exception: " + exception);
        }

        errors.AddRange(generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        var warnings = generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList();

        var compile = Stopwatch.StartNew();
        var compileDiagnostics = output.GetDiagnostics();
        compile.Stop();
        errors.AddRange(compileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(50).Select(d => d.ToString()));
        warnings.AddRange(compileDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning));

        // Warm: a second, fresh driver in the same process (JIT done, NSwag loaded), as an IDE or a build server sees
        // it after the first compilation. Only for specs under 512 KB (large ones would double the test's time).
        TimeSpan? warm = null;
        if (text.Length < 512 * 1024)
        {
            var again = GeneratorHarness.CreateDriver(text, new SpecOptions(spec.Namespace, ClientName: null, spec.ClientParameters, Conventions: null), "/corpus/" + spec.SpecFileName, trackSteps: false);
            var watch = Stopwatch.StartNew();
            again.RunGenerators(compilation);
            warm = watch.Elapsed;
        }

        var generatedTrees = run.GeneratedSources.Select(s => s.SyntaxTree).ToList();
        var types = generatedTrees.Sum(t => t.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>()
            .Count(d => !d.Identifier.Text.EndsWith("Client", StringComparison.Ordinal) && !d.Identifier.Text.EndsWith("ClientOptions", StringComparison.Ordinal)));
        var methods = generatedTrees.Sum(t => t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Count(m => m.Identifier.Text.EndsWith("Async", StringComparison.Ordinal) && m.Modifiers.Any(k => k.Text == "public")));

        return new CorpusResult(spec, System.Text.Encoding.UTF8.GetByteCount(text), types, methods, errors, warnings, generation.Elapsed, warm, compile.Elapsed);
    }
}
