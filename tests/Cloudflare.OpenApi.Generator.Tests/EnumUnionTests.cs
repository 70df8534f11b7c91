using System.Text.Json;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>Enums written as unions, in the two styles of the corpus (OpenAI's Stainless style, Discord's constants).</summary>
public sealed class EnumUnionTests
{
    private const string Spec = """
        openapi: 3.1.0
        info: { title: T, version: '1' }
        paths: {}
        components:
          schemas:
            ModelIds:
              anyOf: [ { type: string }, { type: string, enum: [gpt-5, gpt-5-mini] } ]
            Palette:
              type: string
              oneOf:
                - { title: CRIMSON, description: Crimson color palette, const: crimson }
                - { title: SKY_BLUE, const: sky }
            ChannelTypes:
              type: integer
              format: int32
              oneOf:
                - { title: GUILD_TEXT, const: 0 }
                - { title: DM, const: 1 }
            Intents:
              type: integer
              oneOf: [ { const: 1 }, { const: 2 } ]
            Priority:
              type: integer
              enum: [1, 5, 10]
              x-enumNames: [Low, Normal, High]
            Size:
              type: integer
              enum: [1, 2]
              x-enum-varnames: [SMALL, LARGE]
            Currency:
              anyOf: [ { type: string }, { type: string, enum: [USD] } ]
            Settings:
              type: object
              properties:
                model: { $ref: '#/components/schemas/ModelIds' }
                palette: { $ref: '#/components/schemas/Palette' }
                channel: { $ref: '#/components/schemas/ChannelTypes' }
                intents: { $ref: '#/components/schemas/Intents' }
                priority: { $ref: '#/components/schemas/Priority' }
                size: { $ref: '#/components/schemas/Size' }
                currency: { $ref: '#/components/schemas/Currency' }
        """;

    [Fact]
    public void String_or_listed_strings_and_oneOf_of_constants_are_open_enums_and_untitled_integer_constants_are_integers()
    {
        var run = GeneratorHarness.Run(Spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public readonly partial struct ModelIds", run.Source(".ModelIds.g.cs"));
        Assert.Contains("public static ModelIds Gpt5Mini", run.Source(".ModelIds.g.cs"));
        Assert.Contains("public static Palette SkyBlue", run.Source(".Palette.g.cs"));
        Assert.Contains("public static Palette Crimson", run.Source(".Palette.g.cs"));
        var settings = run.Source(".Settings.g.cs");
        Assert.Contains("public global::Test.Api.ChannelTypes? Channel { get; init; }", settings);
        Assert.Contains("public long? Intents { get; init; }", settings);
        Assert.Contains("public global::Test.Api.Priority? Priority { get; init; }", settings);
        Assert.Contains("public string? Currency { get; init; }", settings);

        var type = run.Load().GetType("Test.Api.Settings", throwOnError: true)!;
        const string json = """{"model":"gpt-6","palette":"sky","channel":1,"intents":3,"priority":10,"currency":"EUR"}""";
        Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, type), type));
    }

    [Fact]
    public void Integer_constants_with_titles_and_integers_with_x_enumNames_are_open_integer_enums()
    {
        // Discord: 68 integer enums (ChannelTypes, MessageType, ...) as oneOf [{title: GUILD_TEXT, const: 0}, ...] were int.
        var run = GeneratorHarness.Run(Spec);
        Assert.Empty(run.CompilationProblems);
        var assembly = run.Load();
        var channelTypes = assembly.GetType("Test.Api.ChannelTypes", throwOnError: true)!;
        var priority = assembly.GetType("Test.Api.Priority", throwOnError: true)!;
        object Member(Type t, string name) => t.GetProperty(name)!.GetValue(null)!;
        object Value(object e) => e.GetType().GetProperty("Value")!.GetValue(e)!;
        bool IsKnown(object e) => (bool)e.GetType().GetProperty("IsKnown")!.GetValue(e)!;

        Assert.Equal(0L, Value(Member(channelTypes, "GuildText")));
        Assert.Equal(1L, Value(Member(channelTypes, "Dm")));
        Assert.Equal(10L, Value(Member(priority, "High")));
        Assert.Equal("5", Member(priority, "Normal").ToString());
        Assert.Equal(2L, Value(Member(assembly.GetType("Test.Api.Size", throwOnError: true)!, "Large")));

        // Read as numbers; a value this SDK does not know is kept and round-trips; equality is by value.
        var known = JsonSerializer.Deserialize("1", channelTypes)!;
        Assert.Equal(Member(channelTypes, "Dm"), known);
        Assert.True(IsKnown(known));
        var unknown = JsonSerializer.Deserialize("15", channelTypes)!;
        Assert.False(IsKnown(unknown));
        Assert.Equal("15", JsonSerializer.Serialize(unknown, channelTypes));

        // One drifting field (a string where the integer enum belongs) is null; the rest of the object is read.
        var settingsType = assembly.GetType("Test.Api.Settings", throwOnError: true)!;
        var settings = JsonSerializer.Deserialize("""{"channel":"dm","priority":1.5,"currency":"EUR"}""", settingsType)!;
        Assert.Null(settingsType.GetProperty("Channel")!.GetValue(settings));
        Assert.Null(settingsType.GetProperty("Priority")!.GetValue(settings));
        Assert.Equal("EUR", settingsType.GetProperty("Currency")!.GetValue(settings));
    }

    [Fact]
    public void Operator_values_are_named_in_words_and_a_nullable_anyOf_keeps_the_component_name()
    {
        // Cloudflare's full API has operator enums ('==', '!=', '>'), which all became Value, Value2…; OpenAI's Prompt
        // (anyOf [object, null]) claimed its own name twice and became Prompt2, with an OAG004.
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Operator: { type: string, enum: ['==', '!=', '>', '>=', contains] }
                Prompt:
                  anyOf:
                    - { type: object, properties: { id: { type: string } } }
                    - { type: 'null' }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var op = run.Source(".Operator.g.cs");
        foreach (var member in new[] { "EqualEqual", "NotEqual", "Greater", "GreaterEqual", "Contains" })
        {
            Assert.Contains($"public static Operator {member} ", op);
        }

        Assert.Contains("public sealed partial record Prompt", run.Source(".Prompt.g.cs"));
    }

    [Fact]
    public void Union_of_open_enums_is_one_enum_of_all_their_values()
    {
        // OpenAI's ModelIds: anyOf [ModelIdsShared, ModelIdsResponses], each anyOf [string, string enum].
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Shared: { anyOf: [ { type: string }, { type: string, enum: [gpt-5, gpt-5-mini] } ] }
                Responses: { anyOf: [ { $ref: '#/components/schemas/Shared' }, { type: string, enum: [o3-pro] } ] }
                ModelIds: { anyOf: [ { $ref: '#/components/schemas/Shared' }, { $ref: '#/components/schemas/Responses' } ] }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var ids = run.Source(".ModelIds.g.cs");
        foreach (var member in new[] { "Gpt5", "Gpt5Mini", "O3Pro" })
        {
            Assert.Contains($"public static ModelIds {member} ", ids);
        }
    }

    [Fact]
    public void Branches_of_one_primitive_kind_that_differ_by_enum_or_pattern_are_that_primitive()
    {
        // Box's RetentionPolicyMaxExtensionLengthResponse: "none" or a string of digits (was JsonElement, OAG006).
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Policy:
                  type: object
                  properties:
                    max:
                      oneOf: [ { type: string, enum: [none] }, { type: string, pattern: '^[1-9]\\d*$', format: int32 } ]
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Contains("public string? Max { get; init; }", run.Source(".Policy.g.cs"));
    }
}
