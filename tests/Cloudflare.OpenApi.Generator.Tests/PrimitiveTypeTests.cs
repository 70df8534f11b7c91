using System.Text.RegularExpressions;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>Primitive schemas: the C# type follows <c>type</c> and <c>format</c>.</summary>
public sealed class PrimitiveTypeTests
{
    [Fact]
    public void Integer_and_number_formats_choose_the_CSharp_type()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Numbers:
                  type: object
                  required: [a, b, c, d, e, f]
                  properties:
                    a: { type: integer, format: int32 }
                    b: { type: integer, format: int64 }
                    c: { type: integer }
                    d: { type: number }
                    e: { type: number, format: decimal }
                    f: { type: number, format: float }
                    g: { type: array, items: { type: integer, format: int32 } }
            """;
        var run = GeneratorHarness.Run(spec);
        var code = run.Source(".Numbers.g.cs");

        Assert.Empty(run.CompilationProblems);
        foreach (var (property, type) in new[] { ("A", "int"), ("B", "long"), ("C", "long"), ("D", "double"), ("E", "decimal"), ("F", "double") })
        {
            Assert.Matches($@"public required {Regex.Escape(type)} {property} \{{ get; init; \}}", code);
        }

        Assert.Contains("IReadOnlyList<int>? G", code);
    }

    [Fact]
    public void Int32_and_decimal_properties_read_their_width_and_refuse_what_does_not_fit()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Price:
                  type: object
                  properties:
                    quantity: { type: integer, format: int32, maximum: 100 }
                    amount: { type: number, format: decimal, minimum: 0 }
            """;
        var run = GeneratorHarness.Run(spec);
        Assert.Empty(run.CompilationProblems);
        var type = run.Load().GetType("Test.Api.Price", throwOnError: true)!;

        var price = System.Text.Json.JsonSerializer.Deserialize("""{"quantity":3.0,"amount":0.1000000000000000000000000001}""", type)!;
        Assert.Equal(3, type.GetProperty("Quantity")!.GetValue(price));
        Assert.Equal(0.1000000000000000000000000001m, type.GetProperty("Amount")!.GetValue(price));
        Assert.Equal("""{"quantity":3,"amount":0.1000000000000000000000000001}""", System.Text.Json.JsonSerializer.Serialize(price, type));
        Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize("""{"quantity":3000000000}""", type));
    }

    [Fact]
    public void Int32_query_parameter_with_a_range_is_an_int_and_compiles()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /items/{n}:
                get:
                  operationId: Items_Get
                  parameters:
                    - { name: n, in: path, required: true, schema: { type: string } }
                    - { name: limit, in: query, schema: { type: integer, format: int32, maximum: 50 } }
                  responses:
                    '204': { description: ok }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.CompilationProblems);
        Assert.Matches(@"GetAsync\(string n, int\? limit = (default|null), ", run.Source(".ItemsClient.g.cs"));
    }

    [Theory]
    [InlineData("{ name: page, in: query, schema: { type: integer, format: int32 } }")]
    [InlineData("{ name: page, in: query, schema: { type: number } }")]
    [InlineData("{ name: page, in: query, required: true, schema: { type: number } }")]
    [InlineData("{ name: page, in: query, required: true, schema: { type: integer } }")]
    public void Page_parameter_of_any_numeric_width_gets_an_auto_paging_method_that_compiles(string page)
    {
        // Cloudflare's full API: the pager's long? page number was passed as is to int?/double page parameters (CS1503).
        var spec = $$"""
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /items:
                get:
                  operationId: Items_List
                  parameters:
                    - {{page}}
                    - { name: per_page, in: query, schema: { type: number } }
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              success: { type: boolean }
                              errors: { type: array, items: {} }
                              result: { type: array, items: { type: string } }
                              result_info: { type: object, properties: { page: { type: number } } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("ListAllAsync(", run.Source(".ItemsClient.g.cs"));
    }
}
