using System.Text.RegularExpressions;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>Cloudflare's published Workflows description as it is (no overlay): typed where the spec is typed.</summary>
public sealed class UpstreamWorkflowsTests
{
    private static readonly Lazy<GeneratorRun> s_run = new(() => GeneratorHarness.Run(
        GeneratorHarness.ReadSpec("upstream/cloudflare-workflows.json"),
        new SpecOptions("Cloudflare.Upstream", "CloudflareClient", "account_id"),
        path: "/specs/cloudflare-workflows.json"));

    [Fact]
    public void Upstream_spec_compiles_without_errors_or_warnings()
    {
        var run = s_run.Value;
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Steps_union_is_typed_with_all_four_variants_and_the_rollback_tag_selects_the_step_variant()
    {
        var converter = s_run.Value.Sources.Select(s => s.SourceText.ToString())
            .Single(s => s.Contains("case \"waitForEvent\":", StringComparison.Ordinal) && s.Contains("public abstract partial record", StringComparison.Ordinal));

        var cases = Regex.Matches(converter, @"case ""(\w+)"":\s*(?:case ""(\w+)"":\s*)?return ([\w.:]+)\.ReadJson")
            .Select(m => (m.Groups[1].Value + (m.Groups[2].Success ? "|" + m.Groups[2].Value : string.Empty), m.Groups[3].Value))
            .ToList();
        Assert.Equal(new[] { "step|rollback", "sleep", "termination", "waitForEvent" }, cases.Select(c => c.Item1));
        Assert.Equal(4, cases.Select(c => c.Item2).Distinct().Count());
        Assert.Contains("return new global::Cloudflare.Upstream.Unknown", converter);
        Assert.DoesNotContain(s_run.Value.GeneratorDiagnostics, d => d.GetMessage().Contains("oneOf/anyOf without a discriminator", StringComparison.Ordinal));
    }

    [Fact]
    public void Instance_status_is_one_enum_wherever_it_appears()
    {
        var run = s_run.Value;
        var statusEnums = run.Sources.Where(s => s.SourceText.ToString() is var t && t.Contains("readonly partial struct", StringComparison.Ordinal)
            && t.Contains("\"waitingForPause\"", StringComparison.Ordinal) && t.Contains("\"rollingBack\"", StringComparison.Ordinal)).ToList();

        var status = Assert.Single(statusEnums);
        var name = Regex.Match(status.SourceText.ToString(), @"readonly partial struct (\w+)").Groups[1].Value;
        var uses = run.Sources.Count(s => s.SourceText.ToString().Contains("global::Cloudflare.Upstream." + name + "?", StringComparison.Ordinal)
            || s.SourceText.ToString().Contains("global::Cloudflare.Upstream." + name + " ", StringComparison.Ordinal));
        Assert.True(uses >= 5, $"{name} is used in {uses} files");
    }
}
