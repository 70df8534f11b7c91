using System.Net;

namespace Cloudflare.OpenApi.Generator.Tests.Wire;

/// <summary>The generated client of <c>Specs/parameter-types.yaml</c>: every primitive, enum (string and integer), date and array in path, query and header; objects, maps and unions in the query.</summary>
public sealed class ParameterWireTests
{
    private static readonly GeneratedAssembly s_api = GeneratedAssembly.Load("parameter-types");

    [Fact]
    public async Task Every_parameter_type_is_written_in_invariant_text_with_the_spec_style()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", """{"n":1}""");
        var daily = s_api.Enum("Kind", "Daily");
        var weekly = s_api.Enum("Kind", "Weekly");
        var kinds = Array.CreateInstance(s_api.Type("Kind"), 2);
        kinds.SetValue(daily, 0);
        kinds.SetValue(weekly, 1);
        var day = new DateTimeOffset(2024, 5, 1, 14, 0, 0, TimeSpan.FromHours(2));

        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE"); // decimal comma must not leak
        try
        {
            dynamic reports = s_api.Client(handler).Reports;
            await reports.GetAsync(
                2024, 0.5, true, day, (dynamic)daily, new[] { "a b", "c" }, 10L, false,
                page: 2.5,
                exact: (bool?)false,
                since: (DateTimeOffset?)day,
                sort: (dynamic)weekly,
                ids: new long[] { 1, 2 },
                names: new[] { "x", "y,z" },
                words: new[] { "p", "q" },
                kinds: (dynamic)kinds,
                level: (dynamic)s_api.Enum("Level", "High"),
                xCount: (double?)1.25,
                xKinds: (dynamic)kinds,
                cancellationToken: CancellationToken.None);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(
            "https://api.example.com/reports/2024/0.5/true/2024-05-01T12%3A00%3A00.000Z/daily/a%20b%2Cc"
            + "?page=2.5&limit=10&exact=false&since=2024-05-01T12%3A00%3A00.000Z&sort=weekly&ids=1&ids=2&names=x,y%2Cz&words=p%20q&kinds=daily%7Cweekly&level=5",
            sent.Uri.AbsoluteUri);
        Assert.Equal("1.25", string.Join(",", sent.Headers.GetValues("X-Count")));
        Assert.Equal("false", string.Join(",", sent.Headers.GetValues("X-Dry-Run")));
        Assert.Equal("daily,weekly", string.Join(",", sent.Headers.GetValues("X-Kinds")));
    }

    [Fact]
    public async Task Optional_parameters_left_null_are_not_sent()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", "{}");

        dynamic reports = s_api.Client(handler).Reports;
        await reports.GetAsync(1, 1.0, false, DateTimeOffset.UnixEpoch, (dynamic)s_api.Enum("Kind", "Daily"), new[] { "t" }, 3L, true, cancellationToken: CancellationToken.None);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://api.example.com/reports/1/1/false/1970-01-01T00%3A00%3A00.000Z/daily/t?limit=3", sent.Uri.AbsoluteUri);
        Assert.False(sent.Headers.Contains("X-Count"));
        Assert.False(sent.Headers.Contains("X-Kinds"));
        Assert.False(sent.Headers.Contains("Cookie"));
    }

    [Fact]
    public async Task Cookie_parameters_are_one_cookie_header_of_percent_encoded_values()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", "{}");

        dynamic reports = s_api.Client(handler).Reports;
        await reports.GetAsync(
            1, 1.0, false, DateTimeOffset.UnixEpoch, (dynamic)s_api.Enum("Kind", "Daily"), new[] { "t" }, 3L, true,
            theme: (dynamic)s_api.Enum("Kind", "Weekly"),
            visits: (long?)-12,
            seen: new[] { "a b", "c" },
            cancellationToken: CancellationToken.None);

        // RFC 6265 allows no space, comma or ';' in a cookie value: an array's comma is encoded with its items.
        var sent = Assert.Single(handler.Requests);
        Assert.Equal("theme=weekly; visits=-12; seen=a%20b%2Cc", Assert.Single(sent.Headers.GetValues("Cookie")));
    }

    [Fact]
    public async Task Object_map_and_union_query_parameters_are_written_by_their_openapi_style()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", "{}");
        var filter = s_api.Create("ReportsGetFilter", ("A", "x&y"), ("N", (long?)3), ("Tags", new[] { "t1", "t2" }), ("On", (bool?)null));
        var color = s_api.Create("ReportsGetColor", ("R", (long?)100), ("G", (long?)200));
        var created = s_api.Create("ReportsGetWhereValue", ("Gt", (long?)5), ("In", new[] { "a", "b" }));
        var where = Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), s_api.Type("ReportsGetWhereValue")))!;
        ((System.Collections.IDictionary)where).Add("created", created);
        var skuIds = s_api.Type("ReportsGetSkuIds");
        var severalSkus = skuIds.GetConstructor([typeof(IReadOnlyList<string>)])!.Invoke([new List<string> { "s1", "s2" }]);

        dynamic reports = s_api.Client(handler).Reports;
        await reports.GetAsync(1, 1.0, false, DateTimeOffset.UnixEpoch, (dynamic)s_api.Enum("Kind", "Daily"), new[] { "t" }, 3L, true,
            filter: (dynamic)filter, color: (dynamic)color, where: (dynamic)where, skuIds: (dynamic)severalSkus, cancellationToken: CancellationToken.None);

        // form + explode (the default): each property its own parameter, an array property repeated, a null one left out;
        // form, explode: false: keys and values joined; deepObject: brackets per level, an array's items repeated.
        Assert.Equal(
            "https://api.example.com/reports/1/1/false/1970-01-01T00%3A00%3A00.000Z/daily/t"
            + "?limit=3&a=x%26y&n=3&tags=t1&tags=t2&color=r,100,g,200&where%5Bcreated%5D%5Bgt%5D=5&where%5Bcreated%5D%5Bin%5D=a&where%5Bcreated%5D%5Bin%5D=b&sku_ids=s1&sku_ids=s2",
            Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task A_query_array_of_objects_is_a_typed_list_sent_as_one_parameter_of_json_text()
    {
        // Cloudflare's tagSearch ("a JSON array of {field, op, value} objects") and seven more of its query parameters,
        // Box's mdfilters: no OpenAPI style writes an object inside an array, so the list is one parameter of its JSON.
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", "{}");
        var itemType = s_api.Type("ReportsGetSearchItem");
        var items = Array.CreateInstance(itemType, 2);
        items.SetValue(s_api.Create("ReportsGetSearchItem", ("Field", "tags"), ("Value", (long?)3)), 0);
        items.SetValue(s_api.Create("ReportsGetSearchItem", ("Field", "a&b")), 1);

        dynamic reports = s_api.Client(handler).Reports;
        await reports.GetAsync(1, 1.0, false, DateTimeOffset.UnixEpoch, (dynamic)s_api.Enum("Kind", "Daily"), new[] { "t" }, 3L, true,
            search: (dynamic)items, cancellationToken: CancellationToken.None);

        var query = Assert.Single(handler.Requests).Uri.Query.TrimStart('?').Split('&');
        var search = Assert.Single(query, p => p.StartsWith("search=", StringComparison.Ordinal));
        // The JSON as the request bodies write it (an ampersand escaped as \u0026), percent-encoded once.
        Assert.Equal("""[{"field":"tags","value":3},{"field":"a\u0026b"}]""", Uri.UnescapeDataString(search["search=".Length..]));
    }

    [Fact]
    public async Task A_union_query_parameter_holding_a_string_is_one_parameter()
    {
        var handler = new WireHandler().Answer(HttpStatusCode.OK, "application/json", "{}");
        var skuIds = s_api.Type("ReportsGetSkuIds");
        var oneSku = skuIds.GetMethod("op_Implicit", [typeof(string)])!.Invoke(null, ["only one"]);

        dynamic reports = s_api.Client(handler).Reports;
        await reports.GetAsync(1, 1.0, false, DateTimeOffset.UnixEpoch, (dynamic)s_api.Enum("Kind", "Daily"), new[] { "t" }, 3L, true,
            skuIds: (dynamic)oneSku!, cancellationToken: CancellationToken.None);

        Assert.EndsWith("?limit=3&sku_ids=only%20one", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Path_placeholder_without_a_parameter_takes_a_string()
    {
        var handler = new WireHandler().NoContent();

        dynamic orphans = s_api.Client(handler).Orphans;
        await orphans.DeleteAsync("o/1", cancellationToken: CancellationToken.None);

        Assert.Equal("https://api.example.com/orphans/o%2F1", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }
}
