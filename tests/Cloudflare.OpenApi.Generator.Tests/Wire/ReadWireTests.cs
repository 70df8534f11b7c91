using System.Net;

namespace Cloudflare.OpenApi.Generator.Tests.Wire;

/// <summary>
/// The generated <c>ReadJson</c> of <c>Specs/objects.yaml</c> on the wire: every property is found in any order, escaped
/// (<c>"c\u006funt"</c>) or not, with a non-ASCII or a 130-byte name, and an unknown property is skipped whole.
/// </summary>
public sealed class ReadWireTests
{
    private static readonly GeneratedAssembly s_api = GeneratedAssembly.Load("objects");
    private static readonly string LongName = new('n', 130);

    [Fact]
    public async Task Every_property_is_read_whatever_its_order_escapes_or_length()
    {
        var json = $$"""
            {"unknown":{"a":[1,2]},"{{LongName}}":42,"\u00e9t\u00e9":"summer","children":[{"id":"c","count":2}],
             "c\u006funt":7,"owner":{"name":"ann"},"id":"t-1","tags":["x"],"labels":{"k":"v"},"payload":[true],
             "created_at":"2024-05-01T12:00:00Z","enabled":true,"ratio":0.5,"note":null}
            """;
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", json);

        dynamic things = s_api.Client(handler).Things;
        dynamic thing = await things.GetAsync("t-1", cancellationToken: CancellationToken.None);

        Assert.Equal("t-1", (string)thing.Id);
        Assert.Equal(7L, (long)thing.Count);
        Assert.Equal(0.5, (double?)thing.Ratio);
        Assert.True((bool?)thing.Enabled);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero), (DateTimeOffset?)thing.CreatedAt);
        Assert.Null((string?)thing.Note);
        Assert.Equal(new[] { "x" }, ((IEnumerable<string>)thing.Tags).ToArray());
        Assert.Equal("v", ((IReadOnlyDictionary<string, string>)thing.Labels)["k"]);
        Assert.Equal("[true]", ((System.Text.Json.JsonElement?)thing.Payload)!.Value.GetRawText());
        Assert.Equal("ann", (string)thing.Owner.Name);
        Assert.Equal("c", (string)((IEnumerable<dynamic>)thing.Children).Single().Id);
        Assert.Equal("summer", (string)Property(thing, "Été"));
        Assert.Equal(42L, (long?)Property(thing, "N" + LongName.Substring(1)));
    }

    private static object? Property(object value, string name) =>
        value.GetType().GetProperty(name)?.GetValue(value) ?? throw new InvalidOperationException($"no property {name}: {string.Join(", ", value.GetType().GetProperties().Select(p => p.Name))}");
}
