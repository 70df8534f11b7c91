using System.Collections.Immutable;
using Cloudflare.OpenApi.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Cloudflare.OpenApi.Generator.Tests.Infrastructure;

/// <summary>Options an <c>OpenApiSpec</c> item would carry.</summary>
/// <param name="Conventions">The item's Conventions option: the feature specs under Specs/ are written in Cloudflare's style
/// (its envelope and credentials); real specs (the corpus) pass null, as users do, and get the detected convention.</param>
internal sealed record SpecOptions(string? Namespace = "Test.Api", string? ClientName = "TestClient", string? ClientParameters = null, string? Conventions = "cloudflare");

/// <summary>Drives the generator in-process with <see cref="CSharpGeneratorDriver"/>, the way the compiler does.</summary>
internal static class GeneratorHarness
{
    public const string SpecPath = "/specs/api.yaml";

    /// <summary>The language version, and the symbol that turns nullable warnings back on in the generated code: the
    /// tests compile it with them, so a nullable mistake in generated code fails a test (users build without it).</summary>
    public static readonly CSharpParseOptions ParseOptions = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithPreprocessorSymbols("OPENAPI_GENERATOR_NULLABLE_CHECKS");

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = trusted
            .Where(p => Path.GetFileName(p) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll" or "Microsoft.Win32.Primitives.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(Cloudflare.OpenApi.CloudflareClientOptions).Assembly.Location));
        return references.ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, GeneratorHarness.ParseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(string specText, SpecOptions? options = null, string path = SpecPath, bool trackSteps = true) =>
        CreateDriver(new[] { new InMemoryAdditionalText(path, specText) }, options ?? new SpecOptions(), trackSteps);

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, SpecOptions options, bool trackSteps = true)
    {
        var fileList = files.ToImmutableArray();
        var provider = new TestOptionsProvider(fileList.ToDictionary(f => f.Path, _ => options));
        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            fileList,
            GeneratorHarness.ParseOptions,
            provider,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>Runs the generator over one spec; returns the run and the compilation with the generated code.</summary>
    public static GeneratorRun Run(string specText, SpecOptions? options = null, string path = SpecPath, params string[] extraSources)
    {
        var compilation = CreateCompilation(extraSources.Length == 0 ? new[] { "namespace Consumer { internal static class Placeholder { } }" } : extraSources);
        var driver = CreateDriver(specText, options, path).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, generatorDiagnostics);
    }

    public static string ReadSpec(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", name));
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorRun(GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;

    public Exception? Exception => Result.Results.Single().Exception;

    public string Source(string hintEnd) => Sources.Single(s => s.HintName.EndsWith(hintEnd, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Compiles the generated code and loads it (in a collectible context), to exercise its behaviour.</summary>
    public System.Reflection.Assembly Load()
    {
        using var stream = new MemoryStream();
        var result = Output.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        stream.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>Compiler errors and warnings of the compilation that includes the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}

internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, SpecOptions> files) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer" });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        if (!files.TryGetValue(textFile.Path, out var options))
        {
            return DictionaryOptions.Empty;
        }

        var values = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.OpenApiSpec"] = "true" };
        if (options.Namespace is not null)
        {
            values["build_metadata.AdditionalFiles.OpenApiNamespace"] = options.Namespace;
        }

        if (options.ClientName is not null)
        {
            values["build_metadata.AdditionalFiles.OpenApiClientName"] = options.ClientName;
        }

        if (options.ClientParameters is not null)
        {
            values["build_metadata.AdditionalFiles.OpenApiClientParameters"] = options.ClientParameters;
        }

        if (options.Conventions is not null)
        {
            values["build_metadata.AdditionalFiles.OpenApiConventions"] = options.Conventions;
        }

        return new DictionaryOptions(values);
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
