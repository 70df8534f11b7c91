using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>One small spec per feature: the generated code compiles cleanly and matches its committed snapshot.</summary>
public sealed class GeneratedCodeTests
{
    [Theory]
    [InlineData("objects")]
    [InlineData("enums")]
    [InlineData("union")]
    [InlineData("union-inferred")]
    [InlineData("union-tags")]
    [InlineData("union-kinds")]
    [InlineData("union-shared")]
    [InlineData("union-required")]
    [InlineData("primitive-union")]
    [InlineData("parameters")]
    [InlineData("parameter-types")]
    [InlineData("bodies")]
    public void Feature_spec_generates_code_that_compiles_and_matches_snapshot(string feature)
    {
        var options = feature == "parameters" ? new SpecOptions(ClientParameters: "account_id") : new SpecOptions();
        var run = GeneratorHarness.Run(GeneratorHarness.ReadSpec(feature + ".yaml"), options);

        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Snapshots.Verify(feature, run);
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Generated_files_turn_nullable_warnings_off_for_users_and_back_on_for_these_tests()
    {
        // The header keeps nullable annotations but turns flow-analysis warnings off, as System.Text.Json's generated
        // code does; the tests' symbol turns them back on, so CompilationProblems above would show a nullable mistake.
        var run = GeneratorHarness.Run(GeneratorHarness.ReadSpec("objects.yaml"));
        var generated = run.Sources.First().SourceText.ToString();
        Assert.Contains("#nullable enable annotations\n#nullable disable warnings\n#if OPENAPI_GENERATOR_NULLABLE_CHECKS\n#nullable enable warnings\n#endif", generated.Replace("\r\n", "\n"));

        // The same file with a nullable mistake appended (a null returned as a non-nullable string).
        var withMistake = generated + "\nnamespace Mistake { internal static class M { internal static string Get() => null; } }\n";
        int NullableWarnings(CSharpParseOptions options) => GeneratorHarness.CreateCompilation()
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(withMistake, options))
            .GetDiagnostics().Count(d => d.Id == "CS8603");

        Assert.Equal(1, NullableWarnings(GeneratorHarness.ParseOptions));
        Assert.Equal(0, NullableWarnings(CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest)));
    }

    [Fact]
    public void Workflows_spec_generates_every_operation_and_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.ReadSpec("workflows.openapi.yaml"),
            new SpecOptions("Cloudflare.Workflows", "WorkflowsClient", "account_id"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var client = run.Source("InstancesClient.g.cs");
        foreach (var method in new[] { "ListAsync", "ListAllAsync", "GetAsync", "CreateAsync", "CreateBatchAsync", "ChangeStatusAsync", "SendEventAsync" })
        {
            Assert.Matches($@"public virtual [^\n(]* {method}\(string workflowName", client);
        }

        Assert.Contains("public abstract partial record InstanceStep", run.Source(".InstanceStep.g.cs"));
        foreach (var variant in new[] { "StepRun", "StepSleep", "StepTermination", "StepWaitForEvent" })
        {
            Assert.Contains($"public sealed partial record {variant} : global::Cloudflare.Workflows.InstanceStep", run.Source($".{variant}.g.cs"));
        }

        // Envelope plumbing stays in the runtime: no generated envelope, message or result_info types.
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("ApiResponseCommon") || s.HintName.Contains("ResponseMessage") || s.HintName.Contains(".ResultInfo."));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var spec = GeneratorHarness.ReadSpec("workflows.openapi.yaml");
        var options = new SpecOptions("Cloudflare.Workflows", "WorkflowsClient", "account_id");
        var first = GeneratorHarness.Run(spec, options).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        var second = GeneratorHarness.Run(spec, options).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void Json_spec_generates_the_same_code_as_the_equivalent_yaml()
    {
        const string yaml = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /a:
                get:
                  operationId: A_Get
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/A' } } } }
            components:
              schemas:
                A: { type: object, properties: { n: { type: integer }, s: { type: string, enum: [x, y] } } }
            """;
        const string json = """
            {"openapi":"3.0.3","info":{"title":"T","version":"1"},"paths":{"/a":{"get":{"operationId":"A_Get","responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/A"}}}}}}}},
             "components":{"schemas":{"A":{"type":"object","properties":{"n":{"type":"integer"},"s":{"type":"string","enum":["x","y"]}}}}}}
            """;
        var fromYaml = GeneratorHarness.Run(yaml).Sources.Select(s => s.SourceText.ToString()).ToList();
        var fromJson = GeneratorHarness.Run(json, path: "/specs/api.json").Sources.Select(s => s.SourceText.ToString()).ToList();
        Assert.NotEmpty(fromYaml);
        Assert.Equal(fromYaml, fromJson);
    }

    [Fact]
    public void Quoted_yaml_scalars_stay_strings_and_plain_ones_are_typed()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Code:
                  type: string
                  enum: ['007', 'true', plain]
                Limits:
                  type: object
                  properties:
                    n: { type: integer, minimum: 1, maximum: 0x10 }
            """;
        var run = GeneratorHarness.Run(spec);
        var code = run.Source(".Code.g.cs");
        Assert.Contains("new(\"007\")", code);
        Assert.Contains("new(\"true\")", code);

        // The plain scalars 1 and 0x10 arrive as numbers: they become the range the generated Validate() checks.
        Assert.Contains("ParameterValidation.Number(N, parameterName + \".N\", 1d, false, 16d, false);", run.Source(".Limits.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Group_client_named_like_the_default_root_client_is_an_operations_client_not_a_crash()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Pets, version: '1' }
            paths:
              /pets:
                get:
                  operationId: Pets_Get
                  responses:
                    '204': { description: none }
            """;
        var run = GeneratorHarness.Run(spec, new SpecOptions(ClientName: null), path: "/specs/pets.yaml");

        // The rule that names Cloudflare's `workflows` group in WorkflowsClient: by rule, no numbered name, no warning.
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public virtual global::System.Threading.Tasks.Task GetAsync(", run.Source(".PetsOperationsClient.g.cs"));
        Assert.Contains("public virtual PetsOperationsClient Pets { get; }", run.Source(".PetsClient.g.cs"));
    }

    [Fact]
    public void Generated_fallback_docs_are_xml_and_spec_text_is_escaped()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Box:
                  type: object
                  description: 'Holds <things> & more'
                  properties:
                    kind: { type: string }
            """;
        var code = GeneratorHarness.Run(spec).Source(".Box.g.cs");
        Assert.Contains("/// Holds &lt;things&gt; &amp; more", code);
        Assert.Contains("/// <summary>\n        /// The <c>kind</c> property.", code.Replace("\r\n", "\n"));
        Assert.DoesNotContain("&lt;c&gt;", code);
    }
}
