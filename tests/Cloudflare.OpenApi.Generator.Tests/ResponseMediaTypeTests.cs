using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>A response offered in several media types: JSON first, bytes beside it only when they are a different payload.</summary>
public sealed class ResponseMediaTypeTests
{
    /// <summary>The result type of GetAsync when the answer is JSON or <paramref name="other"/> with <paramref name="schema"/>.</summary>
    private static string Signature(string other, string schema)
    {
        var spec = $$"""
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /pets/{id}:
                get:
                  operationId: Pets_Get
                  parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: { schema: { $ref: '#/components/schemas/Pet' } }
                        {{other}}: { schema: {{schema}} }
            components:
              schemas:
                Pet: { type: object, properties: { name: { type: string } } }
            """;
        var run = GeneratorHarness.Run(spec, new SpecOptions(Conventions: null));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var client = run.Source(".PetsClient.g.cs").Replace("global::Cloudflare.OpenApi.", string.Empty).Replace("global::Test.Api.", string.Empty);
        return System.Text.RegularExpressions.Regex.Match(client, @"Task<(.+?)> GetAsync\(").Groups[1].Value;
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/plain")]
    [InlineData("application/problem+xml")]
    [InlineData("application/yaml")]
    public void Xml_yaml_or_text_beside_json_is_the_same_answer_so_the_method_returns_the_json_type(string other)
    {
        // Swagger's petstore v3 offers application/xml beside JSON on every answer; the caller should get a Pet.
        Assert.Equal("Pet", Signature(other, "{ $ref: '#/components/schemas/Pet' }"));
    }

    [Fact]
    public void Bytes_beside_json_are_another_payload_so_the_method_returns_either()
    {
        Assert.Equal("JsonOrBinary<Pet>", Signature("application/octet-stream", "{ type: string, format: binary }"));
    }

    [Fact]
    public void Schemas_only_an_event_stream_refers_to_are_generated_for_the_caller_to_read_events_with()
    {
        // OpenAI's responses: `application/json: Response` beside `text/event-stream: ResponseStreamEvent` (a union of
        // ~50 events). The method returns the JSON type; the union and its events were not generated at all.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /responses:
                post:
                  operationId: Responses_Create
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: { schema: { $ref: '#/components/schemas/Answer' } }
                        text/event-stream: { schema: { $ref: '#/components/schemas/StreamEvent' } }
            components:
              schemas:
                Answer: { type: object, properties: { text: { type: string } } }
                StreamEvent:
                  anyOf:
                    - $ref: '#/components/schemas/DeltaEvent'
                    - $ref: '#/components/schemas/DoneEvent'
                DeltaEvent:
                  type: object
                  required: [type, delta]
                  properties: { type: { type: string, enum: [delta] }, delta: { type: string } }
                DoneEvent:
                  type: object
                  required: [type]
                  properties: { type: { type: string, enum: [done] } }
            """;
        var run = GeneratorHarness.Run(spec, new SpecOptions(Conventions: null));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public abstract partial record StreamEvent", run.Source(".StreamEvent.g.cs"));
        Assert.Contains("public sealed partial record DeltaEvent : global::Test.Api.StreamEvent", run.Source(".DeltaEvent.g.cs"));
        var delta = System.Text.Json.JsonSerializer.Deserialize("""{"type":"delta","delta":"Hel"}""", run.Load().GetType("Test.Api.StreamEvent", throwOnError: true)!)!;
        Assert.Equal("DeltaEvent", delta.GetType().Name);
        Assert.Matches(@"Task<global::Test.Api.Answer> CreateAsync\(", run.Source(".ResponsesClient.g.cs"));
    }
}
