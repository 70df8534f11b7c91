using System.Reflection;
using System.Text.Json;
using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>Unions the way real specs write them: the generated code is loaded and run, not only compiled.</summary>
public sealed class UnionTests
{
    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> s_tags = new(() =>
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ReadSpec("union-tags.yaml"));
        return (run, run.Load());
    });

    private static object? Read(Assembly assembly, string typeName, string json) =>
        JsonSerializer.Deserialize(json, assembly.GetType("Test.Api." + typeName, throwOnError: true)!);

    private static string Write(object value) => JsonSerializer.Serialize(value, value.GetType().BaseType is { IsAbstract: true } b ? b : value.GetType());

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    [Fact]
    public void Variant_with_several_enum_tags_reads_each_and_writes_back_the_tag_it_was_read_with()
    {
        var assembly = s_tags.Value.Assembly;
        const string json = """{"steps":[{"type":"rollback","name":"undo"},{"type":"step","name":"do"},{"type":"sleep","seconds":3},{"type":"later","x":1}]}""";

        var response = Read(assembly, "RunsGetResponse", json)!;
        var steps = ((System.Collections.IEnumerable)Get(response, "Steps")!).Cast<object>().ToList();

        Assert.Equal(new[] { "RunsGetResponseStepsItemStep", "RunsGetResponseStepsItemStep", "RunsGetResponseStepsItemSleep", "UnknownRunsGetResponseStepsItem" }, steps.Select(s => s.GetType().Name));
        Assert.Equal(new object?[] { "rollback", "step", "sleep", "later" }, steps.Select(s => Get(s, "Type")));
        Assert.Equal(json, JsonSerializer.Serialize(response, response.GetType()));
        Assert.NotEqual(Read(assembly, "RunsGetResponseStepsItem", """{"type":"step","name":"undo"}"""), steps[0]);
        Assert.Equal(steps[0], Read(assembly, "RunsGetResponseStepsItem", """{"name":"undo","type":"rollback"}"""));
    }

    [Fact]
    public void Discriminator_mapping_to_bare_schema_names_is_read_as_component_references()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Pet:
                  oneOf: [ { $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' } ]
                  discriminator: { propertyName: kind, mapping: { dog: Dog, cat: '#/components/schemas/Cat' } }
                Dog: { type: object, required: [kind], properties: { kind: { type: string }, bark: { type: boolean } } }
                Cat: { type: object, required: [kind], properties: { kind: { type: string } } }
            """;
        var run = GeneratorHarness.Run(spec);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        var dog = Read(run.Load(), "Pet", """{"kind":"dog","bark":true}""")!;
        Assert.Equal("Dog", dog.GetType().Name);
    }

    [Fact]
    public void Discriminator_mapping_to_a_bare_name_that_is_no_schema_is_an_unresolved_reference_at_its_line()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths: {}
            components:
              schemas:
                Pet:
                  oneOf: [ { $ref: '#/components/schemas/Cat' } ]
                  discriminator: { propertyName: kind, mapping: { dog: Dgo } }
                Cat: { type: object, properties: { kind: { type: string } } }
            """;
        var run = GeneratorHarness.Run(spec);

        var error = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("OAG002", error.Id);
        Assert.Equal(7, error.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Variant_with_several_tags_is_created_with_its_first_tag_or_the_one_named_and_refuses_others()
    {
        var type = s_tags.Value.Assembly.GetType("Test.Api.RunsGetResponseStepsItemStep", throwOnError: true)!;

        Assert.Equal("step", Get(Activator.CreateInstance(type)!, "Type"));
        Assert.Equal("rollback", Get(Activator.CreateInstance(type, "rollback")!, "Type"));
        var error = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(type, "sleep"));
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
    }

    [Fact]
    public void Discriminator_mapping_with_two_tags_for_one_schema_keeps_the_tag()
    {
        var assembly = s_tags.Value.Assembly;
        var round = Read(assembly, "Shape", """{"kind":"round","radius":2}""")!;
        var circle = Read(assembly, "Shape", """{"kind":"circle","radius":2}""")!;
        var square = Read(assembly, "Shape", """{"kind":"square","side":1}""")!;

        Assert.Equal("Circle", round.GetType().Name);
        Assert.Equal("round", Get(round, "Kind"));
        Assert.Equal("circle", Get(circle, "Kind"));
        Assert.NotEqual(round, circle);
        Assert.Equal("Square", square.GetType().Name);
        Assert.Equal("""{"kind":"round","radius":2}""", Write(round));
    }
}

/// <summary>Unions whose branches are different kinds of JSON value, run through their generated converters.</summary>
public sealed class ValueUnionTests
{
    private static readonly Lazy<Assembly> s_kinds = new(() => GeneratorHarness.Run(GeneratorHarness.ReadSpec("union-kinds.yaml")).Load());

    private static Type Type(string name) => s_kinds.Value.GetType("Test.Api." + name, throwOnError: true)!;

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    private static object? Call(object target, string method) => target.GetType().GetMethod(method, System.Type.EmptyTypes)!.Invoke(target, null);

    [Theory]
    [InlineData("""{"tags":"a"}""", "IsString")]
    [InlineData("""{"tags":["a","b"]}""", "IsList")]
    [InlineData("""{"tags":{"odd":true}}""", "IsOther")]
    public void String_or_list_reads_by_json_kind_and_round_trips(string json, string kind)
    {
        var box = JsonSerializer.Deserialize(json, Type("Box"))!;
        var tags = Get(box, "Tags")!;

        Assert.Equal(true, Get(tags, kind));
        Assert.Equal(json, JsonSerializer.Serialize(box, Type("Box")));
    }

    [Fact]
    public void Object_case_is_named_after_its_type_and_nested_unions_are_flattened()
    {
        var box = JsonSerializer.Deserialize("""{"owner":{"name":"rex"},"flag":true,"pets":null}""", Type("Box"))!;
        var owner = Get(box, "Owner")!;
        Assert.Equal(true, Get(owner, "IsDog"));
        Assert.Equal("rex", Get(Call(owner, "AsDog")!, "Name"));
        Assert.Equal(true, Get(Get(box, "Flag")!, "IsBoolean"));
        Assert.Null(Get(box, "Pets"));

        var flag = JsonSerializer.Deserialize("2.5", Type("Flag"))!;
        Assert.Equal(2.5, Call(flag, "AsNumber"));
        Assert.Equal("\"x\"", JsonSerializer.Serialize(JsonSerializer.Deserialize("\"x\"", Type("Flag")), Type("Flag")));
        Assert.Throws<TargetInvocationException>(() => Call(flag, "AsString"));
    }

    [Fact]
    public void Array_items_may_be_unions_of_a_number_and_a_list()
    {
        var box = JsonSerializer.Deserialize("""{"cells":[1,[2,3]]}""", Type("Box"))!;
        var cells = ((System.Collections.IEnumerable)Get(box, "Cells")!).Cast<object>().ToList();

        Assert.Equal(1, Call(cells[0], "AsInteger"));
        Assert.Equal(new long[] { 2, 3 }, ((IEnumerable<long>)Call(cells[1], "AsList")!).ToArray());
        Assert.Equal("""{"cells":[1,[2,3]]}""", JsonSerializer.Serialize(box, Type("Box")));
        Assert.NotEqual(cells[0], JsonSerializer.Deserialize("[1]", cells[0].GetType()));
        Assert.Equal(cells[1], JsonSerializer.Deserialize("[2,3]", cells[1].GetType()));
    }
}

/// <summary>A variant schema shared by several unions: each union wraps it.</summary>
public sealed class SharedVariantTests
{
    private static readonly Lazy<(GeneratorRun Run, Assembly Assembly)> s_shared = new(() =>
    {
        var run = GeneratorHarness.Run(GeneratorHarness.ReadSpec("union-shared.yaml"));
        return (run, run.Load());
    });

    private static Type Type(string name) => s_shared.Value.Assembly.GetType("Test.Api." + name, throwOnError: true)!;

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    [Fact]
    public void Schema_in_two_unions_is_a_plain_record_wrapped_by_a_variant_of_each_and_no_error()
    {
        var run = s_shared.Value.Run;
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        // Dog derives from no union: its only base is the JSON interface every generated type has.
        Assert.Contains("public sealed partial record Dog : global::Cloudflare.OpenApi.Serialization.IJsonSerializable<Dog>\n", run.Source(".Dog.g.cs").Replace("\r\n", "\n"));
        Assert.Contains("public sealed partial record PetDog : global::Test.Api.Pet", run.Source(".PetDog.g.cs"));
        Assert.Contains("public sealed partial record AnimalDog : global::Test.Api.Animal", run.Source(".AnimalDog.g.cs"));
        Assert.Contains("public sealed partial record Cat : global::Test.Api.Pet", run.Source(".Cat.g.cs"));
    }

    [Fact]
    public void Wrapped_variants_read_and_write_the_shared_schema_json()
    {
        const string json = """{"pet":{"kind":"dog","name":"rex"},"animals":[{"kind":"dog","name":"a"},{"kind":"cow"},{"kind":"yak"}],"visitor":{"kind":"cat"}}""";
        var home = JsonSerializer.Deserialize(json, Type("Home"))!;

        var pet = Get(home, "Pet")!;
        Assert.Equal("PetDog", pet.GetType().Name);
        Assert.Equal("rex", Get(Get(pet, "Value")!, "Name"));
        Assert.Equal("dog", Get(pet, "Kind"));
        var animals = ((System.Collections.IEnumerable)Get(home, "Animals")!).Cast<object>().Select(a => a.GetType().Name);
        Assert.Equal(new[] { "AnimalDog", "Cow", "UnknownAnimal" }, animals);
        Assert.Equal("HomeVisitorCat", Get(home, "Visitor")!.GetType().Name);
        Assert.Equal(json, JsonSerializer.Serialize(home, Type("Home")));
    }
}

/// <summary>Object branches told apart by a required property only one of them has.</summary>
public sealed class RequiredPropertyUnionTests
{
    private static readonly Lazy<Assembly> s_required = new(() => GeneratorHarness.Run(GeneratorHarness.ReadSpec("union-required.yaml")).Load());

    private static Type Source => s_required.Value.GetType("Test.Api.Source", throwOnError: true)!;

    [Theory]
    [InlineData("""{"headers":{"a":"b"},"url":"https://x"}""", "SourceUrl", """{"url":"https://x","headers":{"a":"b"}}""")]
    [InlineData("""{"size":3,"file":"f.txt"}""", "SourceFile", """{"file":"f.txt","size":3}""")]
    [InlineData("""{"blob":"?"}""", "UnknownSource", """{"blob":"?"}""")]
    public void Variant_is_chosen_by_the_property_only_it_requires_wherever_it_appears(string json, string variant, string written)
    {
        var value = JsonSerializer.Deserialize(json, Source)!;

        Assert.Equal(variant, value.GetType().Name);
        Assert.Equal(written, JsonSerializer.Serialize(value, Source));
    }
}

