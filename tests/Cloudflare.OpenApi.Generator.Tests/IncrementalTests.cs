using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits re-run nothing, a spec edit re-emits only what it changes.</summary>
public sealed class IncrementalTests
{
    private static readonly SpecOptions s_workflows = new("Cloudflare.Workflows", "WorkflowsClient", "account_id");

    private static readonly string[] s_trackedSteps = { TrackingNames.SpecInput, TrackingNames.Model, TrackingNames.Types, TrackingNames.Clients };

    [Fact]
    public void Unrelated_csharp_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class A { } }");
        var driver = GeneratorHarness.CreateDriver(GeneratorHarness.ReadSpec("workflows.openapi.yaml"), s_workflows);
        driver = driver.RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class B { } }"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in s_trackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            var reasons = result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).Distinct().ToList();
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_schema_regenerates_only_that_type()
    {
        var spec = GeneratorHarness.ReadSpec("workflows.openapi.yaml");
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class A { } }");
        var original = new InMemoryAdditionalText(GeneratorHarness.SpecPath, spec);
        var driver = GeneratorHarness.CreateDriver(new[] { original }, s_workflows).RunGenerators(compilation);

        const string before = "description: What started the instance.\n      properties:";
        Assert.Contains(before, spec);
        var edited = spec.Replace(before, "description: The origin of the instance (edited).\n      properties:");
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(GeneratorHarness.SpecPath, edited));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        var typeOutputs = result.TrackedSteps[TrackingNames.Types].SelectMany(s => s.Outputs).ToList();
        var modified = typeOutputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).ToList();
        // InstanceTrigger itself, and InstanceDetails, whose `trigger` property documents itself with the referenced
        // schema's description; the other ~25 types are untouched.
        var modifiedNames = modified.Select(o => o.Value.ToString()!).Select(v => v.Contains("Name = InstanceTrigger,") ? "InstanceTrigger" : v.Contains("Name = InstanceDetails,") ? "InstanceDetails" : v).Order().ToList();
        Assert.Equal(new[] { "InstanceDetails", "InstanceTrigger" }, modifiedNames);
        Assert.True(typeOutputs.Count > 20, $"expected the whole model to be tracked, saw {typeOutputs.Count} types");
        Assert.All(typeOutputs.Except(modified), o => Assert.True(o.Reason is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, o.Reason.ToString()));
        Assert.All(result.TrackedSteps[TrackingNames.Clients].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.Contains("The origin of the instance (edited).", result.GeneratedSources.Single(s => s.HintName.EndsWith(".InstanceTrigger.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void Adding_a_property_to_the_spec_adds_it_to_the_sdk_and_the_new_code_compiles()
    {
        var spec = GeneratorHarness.ReadSpec("workflows.openapi.yaml");
        const string anchor = "    InstanceCreated:\n      type: object\n      description: A newly created instance.\n      required: [id]\n      properties:\n";
        Assert.Contains(anchor, spec);
        var bumped = spec.Replace(anchor, anchor + "        region:\n          type: string\n          description: Where the instance runs.\n");
        const string usage = """
            namespace Consumer
            {
                internal static class UsesTheNewProperty
                {
                    public static string? Region(Cloudflare.Workflows.InstanceCreated created) => created.Region;
                }
            }
            """;

        var before = GeneratorHarness.Run(spec, s_workflows, GeneratorHarness.SpecPath, usage);
        Assert.Contains(before.CompilationProblems, d => d.Id == "CS1061"); // no Region yet

        var after = GeneratorHarness.Run(bumped, s_workflows, GeneratorHarness.SpecPath, usage);
        Assert.Empty(after.CompilationProblems);
        var created = after.Source(".InstanceCreated.g.cs");
        Assert.Contains("[global::System.Text.Json.Serialization.JsonPropertyName(\"region\")]", created);
        Assert.Contains("Where the instance runs.", created);
        Assert.Contains("JsonRead.Property(ref reader, \"region\"u8)", created);
    }
}
