using Cloudflare.OpenApi.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>
/// Valid documents that real specs contain and that must be read, not refused: YAML block scalars with indicators,
/// discriminator mappings to bare names, 3.1 documents without paths, $refs NSwag would resolve to the wrong kind.
/// </summary>
public sealed class SpecReadingTests
{
    private const string Header = """
        openapi: 3.0.3
        info: { title: T, version: '1' }

        """;

    private static void AssertClean(GeneratorRun run)
    {
        Assert.Null(run.Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    private static string Operation(string description) =>
        Header
        + "paths:\n  /a:\n    get:\n      operationId: A_Get\n"
        + "      description: " + description + "\n"
        + "      responses:\n        '204': { description: none }\n";

    [Theory]
    [InlineData("|2\n          indented two more\n        second", "indented two more")]
    [InlineData("|+\n        kept\n", "kept")]
    [InlineData(">-\n        folded\n        line", "folded line")]
    [InlineData(">2+\n          folded with indicator\n", "folded with indicator")]
    // A leading line of spaces only, with more spaces than the content: YamlDotNet alone refuses these.
    [InlineData("|2\n             \n          two more", "two more")]
    [InlineData("|\n        \n        detected", "detected")]
    public void Block_scalar_with_an_indicator_is_read(string scalar, string expectedLine)
    {
        var run = GeneratorHarness.Run(Operation(scalar));

        AssertClean(run);
        Assert.Contains("/// " + expectedLine + "\n", run.Source("AClient.g.cs").Replace("\r\n", "\n"));
    }

    [Fact]
    public void Keep_block_scalar_with_only_a_line_of_spaces_is_read_as_in_OpenAIs_spec()
    {
        // openai.yaml (Corpus): `example: |+` followed by a line of 12 spaces, then the next key less indented.
        var spec = Header + """
            paths: {}
            components:
              schemas:
                Completion:
                  type: object
                  properties:
                    stop:
                      type: string
                      example: |+
                        
                      nullable: true
                    after:
                      type: integer
            """;

        var run = GeneratorHarness.Run(spec);

        AssertClean(run);
        var stop = run.Source(".Completion.g.cs");
        Assert.Contains("string? Stop", stop);
        Assert.Contains("long? After", stop);
    }

    [Fact]
    public void Diagnostic_after_a_rewritten_block_scalar_keeps_its_original_position()
    {
        var spec = Header + """
            paths: {}
            components:
              schemas:
                A:
                  description: |+
                        
                  type: object
                  properties:
                    b: { $ref: '#/components/schemas/Missing' }
            """;

        var run = GeneratorHarness.Run(spec);

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG002", error.Id);
        var span = error.Location.GetLineSpan();
        Assert.Equal(11, span.StartLinePosition.Line + 1);
        Assert.Equal(spec.IndexOf("'#/components/schemas/Missing'", StringComparison.Ordinal), error.Location.SourceSpan.Start);
    }

    [Fact]
    public void Components_that_only_refer_to_themselves_or_each_other_are_generated()
    {
        // A tree node nothing else refers to: its one reference, its own, made it "referenced", so it was left to a
        // referrer that does not exist and was not generated.
        var spec = Header + """
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    children: { type: array, items: { $ref: '#/components/schemas/Node' } }
                Ping:
                  type: object
                  properties:
                    pong: { $ref: '#/components/schemas/Pong' }
                Pong:
                  type: object
                  properties:
                    ping: { $ref: '#/components/schemas/Ping' }
                    leaf: { $ref: '#/components/schemas/Leaf' }
                Leaf: { type: object, properties: { n: { type: integer } } }
            """;

        var run = GeneratorHarness.Run(spec);

        AssertClean(run);
        Assert.Contains("IReadOnlyList<global::Test.Api.Node>? Children", run.Source(".Node.g.cs"));
        // Two schemas that refer only to each other, and one only they refer to, are generated too.
        Assert.Contains("global::Test.Api.Pong? Pong", run.Source(".Ping.g.cs"));
        Assert.Contains("global::Test.Api.Ping? Ping", run.Source(".Pong.g.cs"));
        Assert.Contains("long? N", run.Source(".Leaf.g.cs"));
    }

    [Fact]
    public void Discriminator_mapping_to_a_bare_schema_name_is_valid()
    {
        var spec = Header + """
            paths: {}
            components:
              schemas:
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Dog'
                    - $ref: '#/components/schemas/Cat'
                  discriminator:
                    propertyName: kind
                    mapping:
                      dog: Dog
                      cat: '#/components/schemas/Cat'
                Dog:
                  type: object
                  required: [kind]
                  properties: { kind: { type: string }, barks: { type: boolean } }
                Cat:
                  type: object
                  required: [kind]
                  properties: { kind: { type: string }, purrs: { type: boolean } }
            """;

        var run = GeneratorHarness.Run(spec);

        AssertClean(run);
        Assert.Contains("public sealed partial record Dog : global::Test.Api.Pet", run.Source(".Dog.g.cs"));
        Assert.Contains("\"dog\"", run.Source(".Pet.g.cs"));
    }

    [Fact]
    public void Discriminator_mapping_to_a_missing_schema_is_OAG002_at_the_value()
    {
        var spec = Header + """
            paths: {}
            components:
              schemas:
                Pet:
                  oneOf:
                    - $ref: '#/components/schemas/Dog'
                  discriminator:
                    propertyName: kind
                    mapping:
                      dog: Doggo
                Dog:
                  type: object
                  properties: { kind: { type: string } }
            """;

        var run = GeneratorHarness.Run(spec);

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG002", error.Id);
        Assert.Contains("#/components/schemas/Doggo", error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(12, error.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Fact]
    public void OpenApi_31_document_with_webhooks_and_no_paths_generates_its_schemas()
    {
        // The OpenAPI Initiative's own webhook example (Corpus/oai-webhook-example.yaml) has no 'paths'
        // (its Pet also has no 'type: object', which is the schema mapping's business, not this test's).
        var spec = """
            openapi: 3.1.0
            info: { title: Webhook Example, version: 1.0.0 }
            webhooks:
              newPet:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Pet' }
                  responses:
                    '200': { description: received }
            components:
              schemas:
                Pet:
                  type: object
                  required: [id, name]
                  properties:
                    id: { type: integer, format: int64 }
                    name: { type: string }
            """;

        var run = GeneratorHarness.Run(spec);

        AssertClean(run);
        Assert.Contains("public sealed partial record Pet", run.Source(".Pet.g.cs"));
    }

    [Theory]
    [InlineData("3.0.3", "it has no 'paths'")]
    [InlineData("3.1.0", "it has none of 'paths', 'webhooks' or 'components'")]
    public void Document_with_nothing_to_generate_is_still_OAG007(string version, string reason)
    {
        var run = GeneratorHarness.Run($"openapi: {version}\ninfo: {{ title: T, version: '1' }}\n");

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG007", error.Id);
        Assert.Contains(reason, error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(0, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Response_ref_to_a_request_body_component_reads_as_a_response()
    {
        // NSwag alone throws "Unable to cast object of type 'NSwag.OpenApiRequestBody' to type 'NSwag.OpenApiResponse'".
        var spec = Header + """
            paths:
              /pets:
                post:
                  operationId: Pets_Create
                  requestBody: { $ref: '#/components/responses/PetResponse' }
                  responses:
                    '200': { $ref: '#/components/requestBodies/PetBody' }
            components:
              requestBodies:
                PetBody:
                  description: a pet
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
              responses:
                PetResponse:
                  description: a pet
                  content:
                    application/json:
                      schema: { $ref: '#/components/schemas/Pet' }
              schemas:
                Pet:
                  type: object
                  properties: { name: { type: string } }
            """;

        var run = GeneratorHarness.Run(spec);

        AssertClean(run);
        Assert.Matches(@"Task<global::Test\.Api\.Pet> CreateAsync\(global::Test\.Api\.Pet\? body", run.Source("PetsClient.g.cs"));
    }

    [Fact]
    public void Response_ref_to_a_schema_is_read_as_a_response_with_an_OAG006_warning()
    {
        var spec = Header + """
            paths:
              /pets:
                get:
                  operationId: Pets_List
                  responses:
                    '200': { $ref: '#/components/schemas/Pet' }
            components:
              schemas:
                Pet:
                  type: object
                  properties: { name: { type: string } }
            """;

        var run = GeneratorHarness.Run(spec);

        Assert.Null(run.Exception);
        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG006", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("it points to a schema, not a response", warning.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(8, warning.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [InlineData("paths:\n  /a:\n    get:\n      responses:\n        '200':\n", 7, "a response must be a mapping, not empty")]
    [InlineData("paths:\n  /a:\n    get:\n      parameters:\n        - in: query\n      responses: {}\n", 7, "a parameter needs 'name'")]
    [InlineData("tags:\n  - description: no name\npaths: {}\n", 4, "a tag needs 'name'")]
    [InlineData("paths:\n  /a: 5\n", 4, "a path item must be a mapping, not the value '5'")]
    [InlineData("paths: {}\ncomponents:\n  schemas:\n    A:\n      properties:\n        b:\n", 8, "a schema must be a mapping, not empty")]
    public void Object_of_the_wrong_shape_is_OAG001_at_the_node(string body, int line, string message)
    {
        // Mutations found these: NSwag reads each as a null object and the generator used to crash on it (OAG010).
        var run = GeneratorHarness.Run(Header + body);

        Assert.Null(run.Exception);
        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG001", error.Id);
        Assert.Contains(message, error.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(line, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Empty(run.Sources);
    }
}
