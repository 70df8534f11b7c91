using System.Text;
using System.Text.RegularExpressions;
using Cloudflare.OpenApi.Generator.Tests.Corpus;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>
/// Broken specs never crash the generator. Every small spec of the corpus (and the SDK's own spec) is mutated many
/// times with a fixed seed — a node deleted, a type changed, a <c>$ref</c> broken, the text truncated, random bytes,
/// lines dropped or doubled — and generated: never an exception, AD0001/CS8785 or internal error (OAG010), every
/// diagnostic has a location in the spec, an error means no code, and a sample of the runs without errors must compile.
/// </summary>
public sealed partial class RobustnessTests
{
    /// <summary>Mutations per (spec, kind): 11 specs × 8 kinds × 24 = 2,112 generator runs.</summary>
    private const int SeedsPerKind = 24;

    /// <summary>Every n-th run without generator errors is also compiled (compiling is what makes a run slow).</summary>
    private const int CompileEvery = 8;

    private static readonly string[] s_kinds = ["delete-node", "change-type", "break-ref", "truncate", "random-bytes", "drop-line", "duplicate-line", "swap-char"];

    private static readonly string[] s_specs =
    [
        "oai-petstore.yaml", "oai-petstore-expanded.yaml", "oai-api-with-examples.yaml", "oai-callback-example.yaml",
        "oai-link-example.yaml", "oai-uspto.yaml", "oai-webhook-example.yaml", "swagger-petstore-v3.yaml",
        "openapi-generator-allOf-composition-discriminator.yaml", "redocly-museum.yaml", "workflows.openapi.yaml",
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in s_specs)
        {
            foreach (var kind in s_kinds)
            {
                data.Add(spec, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Mutated_spec_gives_diagnostics_with_locations_never_a_crash(string specFile, string kind)
    {
        var original = specFile == "workflows.openapi.yaml" ? GeneratorHarness.ReadSpec(specFile) : CorpusRunner.ReadText(CorpusCatalog.Get(specFile));
        var options = specFile == "workflows.openapi.yaml" ? new SpecOptions("Cloudflare.Workflows", "WorkflowsClient", "account_id") : new SpecOptions("Mutated.Api", "MutatedClient");
        var path = "/mutated/" + specFile;
        var problems = new List<string>();
        var compiled = 0;

        for (var seed = 0; seed < SeedsPerKind; seed++)
        {
            var random = new Random(StableSeed(specFile, kind, seed));
            var mutated = Mutate(original, kind, random);
            var run = GeneratorHarness.Run(mutated, options, path);
            var label = $"{specFile} {kind} seed {seed}";

            if (run.Exception is { } exception)
            {
                problems.Add($"{label}: generator threw {exception.GetType().Name}: {exception.Message}");
                continue;
            }

            foreach (var diagnostic in run.GeneratorDiagnostics)
            {
                if (diagnostic.Id is "AD0001" or "CS8784" or "CS8785" or "OAG010")
                {
                    problems.Add($"{label}: {diagnostic}");
                }
                else if (diagnostic.Location.Kind != LocationKind.ExternalFile || diagnostic.Location.GetLineSpan().Path != path)
                {
                    problems.Add($"{label}: diagnostic without a location in the spec: {diagnostic}");
                }
            }

            var errors = run.GeneratorDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            if (errors > 0 && run.Sources.Count > 0)
            {
                problems.Add($"{label}: {errors} error(s) but {run.Sources.Count} generated file(s)");
            }

            if (errors == 0 && seed % CompileEvery == 0)
            {
                compiled++;
                var compileErrors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
                if (compileErrors.Count > 0 && !IsKnownToFail(specFile))
                {
                    problems.Add($"{label}: no generator error, but the code does not compile: {string.Join(" | ", compileErrors)}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{problems.Count} of {SeedsPerKind} mutations ({compiled} compiled) broke the rules:\n{string.Join("\n", problems.Take(15))}");
    }

    /// <summary>A spec whose unmutated form does not compile yet (CorpusCatalog) cannot be held to compiling when mutated.</summary>
    private static bool IsKnownToFail(string specFile) =>
        specFile != "workflows.openapi.yaml" && CorpusCatalog.Get(specFile).KnownFailure is not null;

    private static int StableSeed(string spec, string kind, int seed)
    {
        // string.GetHashCode differs per process; the mutations must not.
        var hash = 17;
        foreach (var c in spec + "|" + kind)
        {
            hash = unchecked((hash * 31) + c);
        }

        return unchecked((hash * 7919) + seed);
    }

    private static string Mutate(string spec, string kind, Random random)
    {
        var lines = spec.Split('\n').ToList();
        switch (kind)
        {
            case "delete-node":
                return DeleteNode(lines, random);
            case "change-type":
                return Replace(spec, TypeValue(), random, () => Pick(random, "string", "integer", "number", "boolean", "object", "array", "null", "\"nope\"", "[string, integer]", "{}", "7"));
            case "break-ref":
                return Replace(spec, RefValue(), random, () => Pick(
                    random,
                    "'#/components/schemas/Missing'",
                    "'#/components/responses/Missing'",
                    "'#/components/requestBodies/Missing'",
                    "'other.yaml#/components/schemas/Pet'",
                    "'#'",
                    "''",
                    "'#/paths'",
                    "'#/components/schemas'",
                    "'#/info/title'",
                    "42",
                    "[]"));
            case "truncate":
                return spec.Substring(0, random.Next(spec.Length));
            case "random-bytes":
                var chars = spec.ToCharArray();
                for (var i = random.Next(1, 6); i > 0; i--)
                {
                    chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
                }

                return new string(chars);
            case "drop-line":
                lines.RemoveAt(random.Next(lines.Count));
                return string.Join('\n', lines);
            case "duplicate-line":
                var index = random.Next(lines.Count);
                lines.Insert(index, lines[index]);
                return string.Join('\n', lines);
            default:
                var text = spec.ToCharArray();
                const string replacements = ":{}[]-'\"#&*!|> \tx0";
                text[random.Next(text.Length)] = replacements[random.Next(replacements.Length)];
                return new string(text);
        }
    }

    /// <summary>Deletes a line and every following line indented deeper (a YAML node, or a pretty-printed JSON member).</summary>
    private static string DeleteNode(List<string> lines, Random random)
    {
        var start = random.Next(lines.Count);
        var indent = Indentation(lines[start]);
        var end = start + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indentation(lines[end]) > indent))
        {
            end++;
        }

        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }

    private static int Indentation(string line) => line.Length - line.TrimStart(' ', '-').Length;

    /// <summary>Replaces the value of one randomly chosen match (group "value") with a new value.</summary>
    private static string Replace(string spec, Regex regex, Random random, Func<string> value)
    {
        var matches = regex.Matches(spec);
        if (matches.Count == 0)
        {
            return spec.Substring(0, random.Next(spec.Length));
        }

        var group = matches[random.Next(matches.Count)].Groups["value"];
        return new StringBuilder(spec).Remove(group.Index, group.Length).Insert(group.Index, value()).ToString();
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

    [GeneratedRegex(@"""?type""?\s*:\s*(?<value>""?[A-Za-z]+""?)")]
    private static partial Regex TypeValue();

    [GeneratedRegex(@"""?\$ref""?\s*:\s*(?<value>'[^'\n]*'|""[^""\n]*""|[^\s,}\n]+)")]
    private static partial Regex RefValue();
}
