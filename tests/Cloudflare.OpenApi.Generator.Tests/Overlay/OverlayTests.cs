using System.Collections.Immutable;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Cloudflare.OpenApi.Generator.Tests.Overlay;

/// <summary>
/// OpenAPI Overlay 1.0 documents (<c>OpenApiOverlay</c> items) applied to a spec before it is parsed: update (deep
/// merge), remove, the JSONPath forms real overlays use, a no-match warning and invalid overlays as errors, both at
/// their line and column in the overlay file, and caching.
/// </summary>
public sealed class OverlayTests
{
    private const string SpecPath = "/specs/api.yaml";
    private const string OverlayPath = "/specs/api.overlay.yaml";

    private const string Spec = """
        openapi: 3.0.3
        info: { title: T, version: '1' }
        paths:
          /things/{thing_id}:
            get:
              operationId: wor-get-thing
              parameters:
                - { name: thing_id, in: path, required: true, schema: { type: string } }
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Thing' }
            delete:
              operationId: wor-delete-thing
              parameters:
                - { name: thing_id, in: path, required: true, schema: { type: string } }
              responses:
                '204': { description: gone }
        components:
          schemas:
            Thing:
              type: object
              properties:
                id: { type: string }
                count: { type: string }
                legacy: { type: string }
        """;

    [Fact]
    public void Update_merges_deeply_and_keeps_what_it_does_not_name()
    {
        var run = Run("""
            overlay: 1.0.0
            info: { title: names, version: '1' }
            actions:
              - target: $.paths['/things/{thing_id}'].get
                update:
                  operationId: Things_Get
                  description: Reads one thing.
              - target: $.components.schemas.Thing.properties.count
                update: { type: integer, format: int64 }
            """);

        AssertClean(run);
        var client = run.Source("ThingsClient.g.cs");
        Assert.Contains("GetAsync(", client);
        Assert.Contains("Reads one thing.", client);
        var thing = run.Source(".Thing.g.cs");
        Assert.Contains("long? Count", thing);
        Assert.Contains("string? Id", thing);
        Assert.Contains("string? Legacy", thing);
    }

    [Fact]
    public void Remove_drops_the_selected_nodes_including_filtered_ones()
    {
        var run = Run("""
            overlay: 1.0.0
            info: { title: trim, version: '1' }
            actions:
              - target: $.components.schemas.Thing.properties['legacy']
                remove: true
              - target: $.paths.*[?(@.operationId == 'wor-delete-thing')]
                remove: true
            """);

        AssertClean(run);
        var all = string.Concat(run.Sources.Select(s => s.SourceText.ToString()));
        Assert.DoesNotContain("Legacy", all);
        Assert.DoesNotContain("DeleteAsync(", all);
        Assert.Contains("GetAsync(", all);
    }

    [Fact]
    public void Wildcards_and_recursive_descent_reach_every_match()
    {
        // ..operationId-bearing objects via a filter on descendants, and [*] over every property of Thing.
        var run = Run("""
            overlay: 1.0.0
            info: { title: all, version: '1' }
            actions:
              - target: $..[?(@.operationId)]
                update: { summary: Summarised by the overlay. }
              - target: $.components.schemas.Thing.properties[*]
                update: { description: Documented by the overlay. }
            """);

        AssertClean(run);
        Assert.Equal(2, CountOf(run.Source("ThingsClient.g.cs"), "Summarised by the overlay."));
        Assert.Equal(3, CountOf(run.Source(".Thing.g.cs"), "Documented by the overlay."));
    }

    [Fact]
    public void A_target_that_matches_nothing_is_a_warning_at_the_target_and_the_rest_still_applies()
    {
        var run = Run("""
            overlay: 1.0.0
            info: { title: stale, version: '1' }
            actions:
              - target: $.paths['/gone'].get
                update: { operationId: Gone_Get }
              - target: $.components.schemas.Thing.properties.count
                update: { type: integer }
            """);

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG009", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        AssertAt(warning, OverlayPath, line: 4, column: 13);
        Assert.Contains("$.paths['/gone'].get", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("long? Count", run.Source(".Thing.g.cs"));
    }

    [Theory]
    [InlineData("overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions:\n  - target: $.paths[\n    update: {}\n", 4, 13)]  // malformed YAML: the unclosed flow sequence
    [InlineData("overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions:\n  - target: \"$.paths[?(@.a ~ 1)]\"\n    update: {}\n", 4, 13)]  // bad JSONPath
    [InlineData("overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions:\n  - update: { a: 1 }\n", 4, 5)]  // no target
    [InlineData("overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions:\n  - target: $.info\n    remove: yes\n", 5, 13)]  // remove not a bool
    [InlineData("overlay: 1.0.0\ninfo: { title: x, version: '1' }\nactions:\n  - target: $.info\n    update: [1]\n", 5, 13)]  // object target, array update
    [InlineData("overlay: 2.0.0\nactions: []\n", 1, 10)]  // unsupported version
    [InlineData("openapi: 3.0.3\nactions: []\n", 1, 1)]  // not an overlay
    public void An_invalid_overlay_is_an_error_at_its_location_and_nothing_is_generated(string overlay, int line, int column)
    {
        var run = Run(overlay);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("OAG008", error.Id);
        AssertAt(error, OverlayPath, line, column);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Problems_in_what_an_overlay_inserted_point_into_the_overlay()
    {
        var run = Run("""
            overlay: 1.0.0
            info: { title: broken ref, version: '1' }
            actions:
              - target: $.components.schemas.Thing.properties
                update:
                  owner: { $ref: '#/components/schemas/Missing' }
            """);

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG002", error.Id);
        AssertAt(error, OverlayPath, line: 6, column: 22);
    }

    [Fact]
    public void An_overlay_for_another_spec_does_not_apply_and_one_without_a_spec_applies_to_all()
    {
        const string rename = """
            overlay: 1.0.0
            info: { title: x, version: '1' }
            actions:
              - target: $.components.schemas.Thing.properties.count
                update: { type: boolean }
            """;

        var other = Run(rename, overlaySpec: "/specs/other.yaml");
        AssertClean(other);
        Assert.Contains("string? Count", other.Source(".Thing.g.cs"));

        var every = Run(rename, overlaySpec: null);
        AssertClean(every);
        Assert.Contains("bool? Count", every.Source(".Thing.g.cs"));
    }

    [Fact]
    public void Overlays_apply_in_item_order_each_on_the_result_of_the_previous()
    {
        var first = new InMemoryAdditionalText("/specs/1.overlay.yaml", """
            overlay: 1.0.0
            info: { title: one, version: '1' }
            actions:
              - target: $.components.schemas.Thing.properties.count
                update: { type: integer }
            """);
        var second = new InMemoryAdditionalText("/specs/2.overlay.yaml", """
            overlay: 1.0.0
            info: { title: two, version: '1' }
            actions:
              - target: $.components.schemas.Thing.properties[?(@.type == 'integer')]
                update: { description: Counted by the second overlay. }
            """);

        var run = RunFiles(new AdditionalText[] { new InMemoryAdditionalText(SpecPath, Spec), first, second }, SpecPath);

        AssertClean(run);
        var thing = run.Source(".Thing.g.cs");
        Assert.Contains("long? Count", thing);
        Assert.Equal(1, CountOf(thing, "Counted by the second overlay."));
    }

    [Fact]
    public void Unrelated_csharp_edit_leaves_overlay_and_model_cached_and_an_overlay_edit_reparses()
    {
        const string overlay = """
            overlay: 1.0.0
            info: { title: x, version: '1' }
            actions:
              - target: $.components.schemas.Thing.properties.count
                update: { type: integer }
            """;
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class A { } }");
        var overlayText = new InMemoryAdditionalText(OverlayPath, overlay);
        var driver = CreateDriver(new AdditionalText[] { new InMemoryAdditionalText(SpecPath, Spec), overlayText }, SpecPath).RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Consumer { internal static class B { } }"));
        var cached = driver.RunGenerators(edited).GetRunResult().Results.Single();
        foreach (var step in new[] { TrackingNames.Overlays, TrackingNames.SpecInput, TrackingNames.Model })
        {
            Assert.All(cached.TrackedSteps[step].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        driver = driver.ReplaceAdditionalText(overlayText, new InMemoryAdditionalText(OverlayPath, overlay.Replace("type: integer", "type: boolean", StringComparison.Ordinal)));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();
        Assert.Contains(rerun.TrackedSteps[TrackingNames.Model].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("bool? Count", rerun.GeneratedSources.Single(s => s.HintName.EndsWith(".Thing.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void An_overlay_names_inline_union_variants_without_a_collision()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /shapes:
                get:
                  operationId: Shapes_List
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              anyOf:
                                - { type: object, required: [kind], properties: { kind: { type: string, enum: [circle, disc] }, r: { type: number } } }
                                - { type: object, required: [kind], properties: { kind: { type: string, enum: [square] }, side: { type: number } } }
            """;
        var run = RunFiles(
            new AdditionalText[]
            {
                new InMemoryAdditionalText(SpecPath, spec),
                new InMemoryAdditionalText(OverlayPath, """
                    overlay: 1.0.0
                    info: { title: names, version: '1' }
                    actions:
                      - target: $.paths['/shapes'].get.responses['200'].content['application/json'].schema.items
                        update: { x-csharp-type-name: Shape }
                      - target: $.paths['/shapes'].get.responses['200'].content['application/json'].schema.items.anyOf[?(@.properties.kind.enum[0] == 'circle')]
                        update: { x-csharp-type-name: RoundShape }
                      - target: $.paths['/shapes'].get.responses['200'].content['application/json'].schema.items.anyOf[1]
                        update: { x-csharp-type-name: SquareShape }
                    """),
            },
            SpecPath);

        AssertClean(run);
        Assert.Contains("partial record RoundShape : global::Test.Api.Shape", run.Source(".RoundShape.g.cs"));
        Assert.Contains("partial record SquareShape : global::Test.Api.Shape", run.Source(".SquareShape.g.cs"));
    }

    private static int CountOf(string text, string value) => (text.Length - text.Replace(value, string.Empty, StringComparison.Ordinal).Length) / value.Length;

    private static void AssertClean(GeneratorRun run)
    {
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    /// <summary>Line and column as an editor shows them (1-based).</summary>
    private static void AssertAt(Diagnostic diagnostic, string path, int line, int column)
    {
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
    }

    private static GeneratorRun Run(string overlay, string? overlaySpec = SpecPath) =>
        RunFiles(new AdditionalText[] { new InMemoryAdditionalText(SpecPath, Spec), new InMemoryAdditionalText(OverlayPath, overlay) }, overlaySpec);

    private static GeneratorRun RunFiles(IReadOnlyList<AdditionalText> files, string? overlaySpec)
    {
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Placeholder { } }");
        var driver = CreateDriver(files, overlaySpec).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The first file is the spec (<c>OpenApiSpec</c> metadata); every other file is an overlay for <paramref name="overlaySpec"/>.</summary>
    private static GeneratorDriver CreateDriver(IReadOnlyList<AdditionalText> files, string? overlaySpec)
    {
        var metadata = new Dictionary<string, Dictionary<string, string>>
        {
            [files[0].Path] = new()
            {
                ["build_metadata.AdditionalFiles.OpenApiSpec"] = "true",
                ["build_metadata.AdditionalFiles.OpenApiNamespace"] = "Test.Api",
                ["build_metadata.AdditionalFiles.OpenApiClientName"] = "TestClient",
            },
        };
        foreach (var overlay in files.Skip(1))
        {
            metadata[overlay.Path] = new()
            {
                ["build_metadata.AdditionalFiles.OpenApiOverlay"] = "true",
                ["build_metadata.AdditionalFiles.OpenApiOverlaySpec"] = overlaySpec ?? string.Empty,
            };
        }

        return CSharpGeneratorDriver.Create(
            new[] { new OpenApiClientGenerator().AsSourceGenerator() },
            files,
            GeneratorHarness.ParseOptions,
            new MetadataOptionsProvider(metadata),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    private sealed class MetadataOptionsProvider(Dictionary<string, Dictionary<string, string>> files) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(files.TryGetValue(textFile.Path, out var values) ? values : new Dictionary<string, string>());

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
        }
    }
}
