using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cloudflare.OpenApi.Generator.Tests.Overlay;

/// <summary>
/// The SDK's real inputs: Cloudflare's published Workflows description (spec/cloudflare-workflows.openapi.json, as
/// extracted) and spec/workflows.overlay.yaml. Every overlay action still matches (no OAG009: a spec bump that moves
/// a target shows up here first), and the result generates code that compiles.
/// </summary>
public sealed class WorkflowsOverlayTests
{
    private static readonly string s_specPath = Path.Combine(AppContext.BaseDirectory, "Specs", "cloudflare-workflows.openapi.json");
    private static readonly string s_overlayPath = Path.Combine(AppContext.BaseDirectory, "Specs", "workflows.overlay.yaml");

    [Fact]
    public void Every_action_of_the_committed_overlay_matches_the_committed_extract_and_the_result_compiles()
    {
        var (run, diagnostics) = Generate(File.ReadAllText(s_overlayPath));

        Assert.Null(run.Results.Single().Exception);
        Assert.DoesNotContain(diagnostics, d => d.Id is "OAG008" or "OAG009");
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.True(run.Results.Single().GeneratedSources.Length > 20, "the client and its models were generated");
    }

    [Fact]
    public void The_overlay_renames_the_operations_into_the_sdk_groups()
    {
        var (run, _) = Generate(File.ReadAllText(s_overlayPath));
        var hints = run.Results.Single().GeneratedSources.Select(s => s.HintName).ToList();

        Assert.Contains(hints, h => h.EndsWith(".InstancesClient.g.cs", StringComparison.Ordinal));
        Assert.Contains(hints, h => h.EndsWith(".VersionsClient.g.cs", StringComparison.Ordinal));
        Assert.Contains(hints, h => h.EndsWith(".SettingsClient.g.cs", StringComparison.Ordinal));
        var instances = run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".InstancesClient.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        foreach (var method in new[] { "ListAsync(", "ListAllAsync(", "GetAsync(", "CreateAsync(", "CreateBatchAsync(", "DeleteAsync(", "ChangeStatusAsync(", "SendEventAsync(", "GetStepAsync(", "DeleteBatchAsync(", "TerminateBatchAsync(", "GetTerminateStatusAsync(" })
        {
            Assert.Contains(" " + method, instances, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_workflows_group_of_WorkflowsClient_is_WorkflowsOperationsClient_without_a_warning()
    {
        var (run, diagnostics) = Generate(File.ReadAllText(s_overlayPath));

        Assert.DoesNotContain(diagnostics, d => d.Id == "OAG004");
        var root = run.Results.Single().GeneratedSources.Single(s => s.HintName.EndsWith(".WorkflowsClient.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("WorkflowsOperationsClient Workflows", root, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_overlay_the_upstream_file_still_generates_with_its_own_operation_ids()
    {
        var (run, diagnostics) = Generate(overlay: null);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(run.Results.Single().GeneratedSources, s => s.HintName.EndsWith(".InstancesClient.g.cs", StringComparison.Ordinal));
    }

    private static (GeneratorDriverRunResult Run, IReadOnlyList<Diagnostic> Diagnostics) Generate(string? overlay)
    {
        const string specPath = "/repo/spec/cloudflare-workflows.openapi.json";
        const string overlayPath = "/repo/spec/workflows.overlay.yaml";
        var files = new List<AdditionalText> { new InMemoryAdditionalText(specPath, File.ReadAllText(s_specPath)) };
        var metadata = new Dictionary<string, Dictionary<string, string>>
        {
            [specPath] = new()
            {
                ["build_metadata.AdditionalFiles.OpenApiSpec"] = "true",
                ["build_metadata.AdditionalFiles.OpenApiNamespace"] = "Cloudflare.Workflows",
                ["build_metadata.AdditionalFiles.OpenApiClientName"] = "WorkflowsClient",
                ["build_metadata.AdditionalFiles.OpenApiClientParameters"] = "account_id",
            },
        };
        if (overlay is not null)
        {
            files.Add(new InMemoryAdditionalText(overlayPath, overlay));
            metadata[overlayPath] = new()
            {
                ["build_metadata.AdditionalFiles.OpenApiOverlay"] = "true",
                ["build_metadata.AdditionalFiles.OpenApiOverlaySpec"] = specPath,
            };
        }

        var driver = CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            files,
            GeneratorHarness.ParseOptions,
            new Options(metadata));
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Placeholder { } }");
        var result = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        return (result.GetRunResult(), generatorDiagnostics.Concat(errors).ToList());
    }

    private sealed class Options(Dictionary<string, Dictionary<string, string>> files) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Values(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Values(files.TryGetValue(textFile.Path, out var values) ? values : new Dictionary<string, string>());

        private sealed class Values(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
