using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>Type names: explicit names, one type per inline shape, and names that survive a spec bump.</summary>
public sealed class NamingTests
{
    private static IReadOnlyDictionary<string, string> Types(GeneratorRun run) =>
        run.Sources.Where(s => !s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal))
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    [Fact]
    public void Identical_inline_shapes_are_one_type_named_explicitly_when_any_of_them_is()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ReadSpec("naming.yaml"));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var types = Types(run).Keys.Select(k => k.Replace("Api.", string.Empty).Replace(".g.cs", string.Empty)).Order().ToList();

        // The list item and the Get response are one shape (descriptions aside): both are Job. The three status enums
        // (query parameter, property, body property) are one shape: JobStatus, the name the body's copy carries.
        Assert.Equal(new[] { "Job", "JobOwner", "JobStatus", "JobsUpdateRequest", "JobsUpdateRequestMode" }, types);
        var client = run.Source(".JobsClient.g.cs");
        Assert.Contains("ListAsync(global::Test.Api.JobStatus? status", client);
        Assert.Contains("Task<global::System.Collections.Generic.IReadOnlyList<global::Test.Api.Job>> ListAsync(", client);
        Assert.Contains("global::System.Threading.Tasks.Task<global::Test.Api.Job> GetAsync(", client);
        Assert.Contains("public global::Test.Api.JobStatus? Status { get; init; }", run.Source(".JobsUpdateRequest.g.cs"));
        Assert.Contains("public global::Test.Api.JobStatus? Status { get; init; }", run.Source(".Job.g.cs"));
    }

    [Fact]
    public void Properties_and_enum_values_named_like_the_generated_members_are_renamed_and_the_code_compiles()
    {
        // Every record has static ReadJson/WriteJson (and Validate() when it has constraints), every enum KnownValues,
        // ReadJson and WriteJson: a JSON name that becomes one of them gets a number instead of breaking the build.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /things:
                get:
                  operationId: Things_Get
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              read_json: { type: string }
                              write_json: { type: string }
                              validate: { type: string, maxLength: 3 }
                              kind: { type: string, enum: [known_values, read_json, write_json, plain] }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.CompilationProblems);
        var record = run.Source(".ThingsGetResponse.g.cs");
        Assert.Contains("public string? ReadJson2 { get; init; }", record);
        Assert.Contains("public string? WriteJson2 { get; init; }", record);
        Assert.Contains("public string? Validate2 { get; init; }", record);
        var kind = run.Source(".ThingsGetResponseKind.g.cs");
        Assert.Contains("KnownValues2 { get; }", kind);
        Assert.Contains("ReadJson2 { get; }", kind);
        Assert.Equal(6, run.GeneratorDiagnostics.Count(d => d.Id == "OAG004"));
    }

    [Fact]
    public void Explicit_name_wins_over_a_derived_name_that_comes_first_in_the_document()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /a:
                get:
                  operationId: Job_Status
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { type: object, properties: { n: { type: integer } } } } } }
              /b:
                get:
                  operationId: B_Get
                  responses:
                    '200': { description: ok, content: { application/json: { schema: { x-csharp-type-name: JobStatusResponse, type: object, properties: { s: { type: string } } } } } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Contains("public sealed partial record JobStatusResponse", run.Source(".JobStatusResponse.g.cs"));
        Assert.Contains("S { get; init; }", run.Source(".JobStatusResponse.g.cs"));
        Assert.Contains("N { get; init; }", run.Source(".JobStatusResponse2.g.cs"));
        Assert.Single(run.GeneratorDiagnostics, d => d.Id == "OAG004");
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void A_type_name_that_is_not_an_identifier_is_a_warning_at_its_line_and_the_place_name_is_used()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Thing:
                  x-csharp-type-name: not a name
                  type: object
                  properties: { n: { type: integer } }
            """;
        var run = GeneratorHarness.Run(spec);

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG006", warning.Id);
        Assert.Equal(6, warning.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("public sealed partial record Thing", run.Source(".Thing.g.cs"));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void Adding_operations_and_schemas_to_a_spec_leaves_every_existing_type_as_it_was()
    {
        var before = GeneratorHarness.ReadSpec("naming.yaml");

        // A bump as vendors do them: a new operation between existing ones (with inline schemas whose derived names
        // are new), a new property value set, and a new component.
        var after = before
            .Replace("  /jobs/{id}:\n", """
                  /jobs/{id}/logs:
                    get:
                      operationId: Jobs_Logs
                      parameters:
                        - { name: id, in: path, required: true, schema: { type: string } }
                        - { name: level, in: query, schema: { type: string, enum: [info, warn] } }
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: { type: object, properties: { lines: { type: array, items: { type: string } }, status: { type: string, enum: [queued, running, done] } } }
                  /jobs/{id}:

                """.Replace("\r\n", "\n"))
            .Replace("components:\n  schemas:\n", "components:\n  schemas:\n    Audit:\n      type: object\n      properties:\n        at: { type: string, format: date-time }\n");
        Assert.NotEqual(before, after);

        var v1 = Types(GeneratorHarness.Run(before));
        var run2 = GeneratorHarness.Run(after);
        Assert.Empty(run2.CompilationProblems);
        var v2 = Types(run2);

        Assert.True(v2.Count > v1.Count, "the bump adds types");
        foreach (var (hint, source) in v1)
        {
            Assert.True(v2.TryGetValue(hint, out var bumped), $"{hint} disappeared after the bump");
            Assert.Equal(source, bumped);
        }
    }
}
