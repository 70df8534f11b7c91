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
