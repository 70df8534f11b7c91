using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>
/// Broken specs never crash the generator: every mutation of the real spec either generates code that compiles, or
/// reports an error diagnostic that says why — never an exception, never silently missing code.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly SpecOptions s_workflows = new("Cloudflare.Workflows", "WorkflowsClient", "account_id");

    public static TheoryData<string, int> Mutations()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in new[] { "truncate", "drop-line", "swap-char", "duplicate-line" })
        {
            for (var seed = 0; seed < 20; seed++)
            {
                data.Add(kind, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Mutated_spec_gives_compiling_code_or_an_error_diagnostic(string kind, int seed)
    {
        var spec = GeneratorHarness.ReadSpec("workflows.openapi.yaml");
        var mutated = Mutate(spec, kind, seed);

        var run = GeneratorHarness.Run(mutated, s_workflows);

        Assert.Null(run.Exception);
        var errors = run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "AD0001" or "CS8784" or "CS8785");
        Assert.DoesNotContain(errors, d => d.GetMessage().Contains("unexpected", StringComparison.Ordinal) && d.GetMessage().Contains("in the generator", StringComparison.Ordinal));
        if (errors.Count > 0)
        {
            Assert.Empty(run.Sources);
            Assert.All(errors, e => Assert.Equal(GeneratorHarness.SpecPath, e.Location.GetLineSpan().Path));
        }
        else
        {
            var compileErrors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            Assert.True(compileErrors.Count == 0, $"{kind}/{seed}: no generator error, but the code does not compile:\n{string.Join("\n", compileErrors.Take(5))}");
        }
    }

    private static string Mutate(string spec, string kind, int seed)
    {
        var random = new Random(seed * 7919 + kind.Length);
        var lines = spec.Split('\n').ToList();
        switch (kind)
        {
            case "truncate":
                return spec.Substring(0, random.Next(spec.Length));
            case "drop-line":
                lines.RemoveAt(random.Next(lines.Count));
                return string.Join('\n', lines);
            case "duplicate-line":
                var index = random.Next(lines.Count);
                lines.Insert(index, lines[index]);
                return string.Join('\n', lines);
            default:
                var chars = spec.ToCharArray();
                var position = random.Next(chars.Length);
                const string replacements = ":{}[]-'\"#&*!|> \tx0";
                chars[position] = replacements[random.Next(replacements.Length)];
                return new string(chars);
        }
    }
}
