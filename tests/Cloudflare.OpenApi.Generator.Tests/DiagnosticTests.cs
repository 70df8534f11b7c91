using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>
/// One test per diagnostic id, each asserting the id, the severity and the exact line/column in the spec file, through
/// the Roslyn source generator test harness (which also compiles the result and rejects unexpected diagnostics).
/// </summary>
public sealed class DiagnosticTests
{
    private const string Path = "/specs/api.yaml";

    private const string Header = """
        openapi: 3.0.3
        info: { title: T, version: '1' }

        """;

    [Fact]
    public Task OAG001_malformed_yaml_points_at_the_broken_line() => Verify(
        Header + """
        paths:
          /a:
            get: [unclosed
        """,
        Error("OAG001").WithSpan(Path, 6, 1, 6, 1));

    [Fact]
    public Task OAG001_duplicate_key_points_at_the_second_key() => Verify(
        Header + """
        paths: {}
        components:
          schemas:
            A: { type: string }
            A: { type: integer }
        """,
        Error("OAG001").WithSpan(Path, 7, 5, 7, 6).WithArguments("Duplicate key A"));

    [Fact]
    public Task OAG002_unresolved_ref_points_at_the_ref() => Verify(
        Header + """
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                b: { $ref: '#/components/schemas/Missing' }
        """,
        Error("OAG002").WithSpan(Path, 9, 20, 9, 50).WithArguments("#/components/schemas/Missing"));

    [Fact]
    public Task OAG003_external_ref_is_unsupported() => Verify(
        Header + """
        paths: {}
        components:
          schemas:
            A:
              $ref: 'other.yaml#/components/schemas/B'
        """,
        Error("OAG003").WithSpan(Path, 7, 13, 7, 47));

    [Fact]
    public Task OAG006_object_header_parameter_degrades_to_json_text() => Verify(
        Header + """
        paths:
          /a:
            get:
              operationId: A_Get
              parameters:
                - name: X-Filter
                  in: header
                  schema: { type: object, properties: { x: { type: string } } }
              responses:
                '204': { description: none }
        """,
        Warning("OAG006").WithSpan(Path, 8, 11, 8, 11).WithArguments(
            "The header parameter 'X-Filter' of type object",
            "JsonElement (sent as its JSON text)",
            "objects, maps and unions are written in the query only; a path, header or cookie value here is its JSON text"));

    [Fact]
    public Task OAG006_query_array_of_objects_is_a_typed_list_sent_as_json_text() => Verify(
        Header + """
        paths:
          /a:
            get:
              operationId: A_Get
              parameters:
                - name: filters
                  in: query
                  schema: { type: array, items: { type: object, properties: { x: { type: string } } } }
              responses:
                '204': { description: none }
        """,
        Warning("OAG006").WithSpan(Path, 8, 11, 8, 11).WithArguments(
            "The parameter 'filters' of type array of object",
            "a typed list sent as its JSON text (one parameter)",
            "the specification defines no form for an object or array item in the query"));

    [Fact]
    public Task OAG006_form_body_without_an_object_schema_degrades_to_bytes() => Verify(
        Header + """
        paths:
          /a:
            post:
              operationId: A_Post
              requestBody:
                content:
                  application/x-www-form-urlencoded: { schema: { type: string } }
              responses:
                '204': { description: none }
        """,
        Warning("OAG006").WithSpan(Path, 9, 11, 9, 44).WithArguments(
            "A application/x-www-form-urlencoded body without an object schema", "bytes (BinaryContent)", "fields and parts are named by an object schema's properties"));

    [Fact]
    public Task OAG006_path_placeholder_without_a_parameter_becomes_a_string_parameter() => Verify(
        Header + """
        paths:
          /a/{id}:
            delete:
              operationId: A_Delete
              responses:
                '204': { description: none }
        """,
        Warning("OAG006").WithSpan(Path, 5, 5, 5, 11).WithArguments(
            "The path placeholder '{id}' without an `in: path` parameter", "a string parameter", "every path placeholder needs a value"));

    [Fact]
    public Task OAG004_property_names_that_collide_are_renamed_and_reported_as_information() => Verify(
        Header + """
        paths: {}
        components:
          schemas:
            A:
              type: object
              properties:
                foo_bar: { type: string }
                fooBar: { type: string }
        """,
        Info("OAG004").WithSpan(Path, 10, 9, 10, 15).WithArguments("Property", "foo_bar", "fooBar", "FooBar", "FooBar2"));

    [Fact]
    public Task OAG005_invalid_namespace_option() => Verify(
        Header + "paths: {}\n",
        Error("OAG005").WithSpan(Path, 1, 1, 1, 1),
        new SpecOptions(Namespace: "1Bad.Namespace"));

    [Fact]
    public Task OAG006_union_without_a_way_to_tell_variants_apart_is_generated_as_json() => Verify(
        Header + """
        paths: {}
        components:
          schemas:
            Shape:
              oneOf:
                - { type: object, additionalProperties: {} }
                - { type: object, additionalProperties: { type: number } }
        """,
        Warning("OAG006").WithSpan(Path, 6, 5, 6, 10));

    [Fact]
    public Task OAG006_inside_a_union_branch_after_a_null_branch_points_at_that_branch() => Verify(
        // The null branch is not a variant, so the second branch is anyOf/1, not the first variant's index 0.
        Header + """
        paths: {}
        components:
          schemas:
            Event:
              anyOf:
                - { type: 'null' }
                - type: object
                  properties:
                    kind: { type: string, enum: [a] }
                    shape:
                      oneOf:
                        - { type: object, additionalProperties: {} }
                        - { type: object, additionalProperties: { type: number } }
                - type: object
                  properties:
                    kind: { type: string, enum: [b] }
        """,
        Warning("OAG006").WithSpan(Path, 12, 13, 12, 18));

    [Fact]
    public Task OAG007_swagger_2_is_rejected() => Verify(
        "swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths: {}\n",
        Error("OAG007").WithSpan(Path, 1, 1, 1, 8).WithArguments("Swagger 2.0 documents are not supported; convert the document to OpenAPI 3"));

    [Fact]
    public Task OAG007_a_file_without_openapi_version_is_rejected() => Verify(
        "info: { title: T, version: '1' }\npaths: {}\n",
        Error("OAG007").WithSpan(Path, 1, 1, 1, 1).WithArguments("it has no 'openapi' version field"));

    private static DiagnosticResult Error(string id) => new(id, DiagnosticSeverity.Error);

    private static DiagnosticResult Warning(string id) => new(id, DiagnosticSeverity.Warning);

    private static DiagnosticResult Info(string id) => new(id, DiagnosticSeverity.Info);

    private static async Task Verify(string spec, DiagnosticResult expected, SpecOptions? options = null)
    {
        options ??= new SpecOptions();
        var config = $"is_global = true\n\n[{Path}]\nbuild_metadata.AdditionalFiles.OpenApiSpec = true\n";
        if (options.Namespace is not null)
        {
            config += $"build_metadata.AdditionalFiles.OpenApiNamespace = {options.Namespace}\n";
        }

        var test = new CSharpSourceGeneratorTest<OpenApiClientGenerator, DefaultVerifier>
        {
            // Offline: the running framework's own assemblies instead of a downloaded reference pack.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck,
        };
        test.TestState.Sources.Add("namespace Consumer { internal static class Placeholder { } }");
        test.TestState.AdditionalFiles.Add((Path, spec));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        test.TestState.ExpectedDiagnostics.Add(expected);
        await test.RunAsync();
    }
}
