using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cloudflare.Workflows.Benchmarks.Infrastructure;

/// <summary>
/// The response bodies the benchmarks answer with, in the shapes of the real API (the seed reference pages: envelope,
/// <c>trigger</c>, <c>versionId</c>, <c>result_info</c>) filled with values the way the engine writes them
/// (shared/engine/ENGINE.md §4: object/number/string step outputs, <c>delay</c> as a number or a string, <c>null</c>
/// end/output/error while running, per-attempt errors). Minified, as Cloudflare sends them.
/// </summary>
public static class Payloads
{
    public const string AccountId = "023e105f4ecef8ad9ca31a8372d0c353";
    public const string ApiToken = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";
    public const string WorkflowName = "order-pipeline";
    public const string InstanceId = "order-4711";
    public const string BaseUri = "https://api.cloudflare.com/client/v4";

    /// <summary>GET instance: ten steps of all four kinds (five <c>step</c>, two <c>sleep</c>, two <c>waitForEvent</c>, one <c>termination</c>).</summary>
    public static byte[] InstanceDetails { get; } = Minify("""
        {"errors":[],"messages":[],"result":{
         "status":"terminated","params":{"customer":"acme","amount":12.5,"currency":"EUR","items":[{"sku":"A-1","qty":2},{"sku":"B-7","qty":1}],
           "shipping":{"name":"ACME GmbH","street":"Hauptstraße 1","city":"Berlin","postal_code":"10115","country":"DE"},"notify":["ops@acme.example","billing@acme.example"]},
         "queued":"2026-11-23T19:46:30.471Z","start":"2026-11-23T19:46:30.471Z","end":"2026-11-23T19:52:10.002Z",
         "output":{"obj":{"a":1,"b":"two","nested":{"c":[1,2,3]}},"num":42,"str":"hello","flaky":{"ok":true}},
         "error":{"message":"Instance terminated by user","name":"TerminationError"},
         "step_count":10,"steps":[
         {"name":"load-order-1","start":"2026-11-23T19:46:30.480Z","end":"2026-11-23T19:46:30.490Z","success":true,"type":"step",
          "output":{"id":"order-4711","customer":"acme","lines":[{"sku":"A-1","qty":2,"price":4.5,"title":"Widget, small"},{"sku":"B-7","qty":1,"price":3.5,"title":"Gadget, blue"}],
                   "created":"2026-11-23T19:46:29.902Z","channel":"web"},
          "config":{"retries":{"limit":5,"delay":1000,"backoff":"exponential"},"timeout":"10 minutes"},
          "attempts":[{"start":"2026-11-23T19:46:30.481Z","end":"2026-11-23T19:46:30.489Z","success":true,"error":null}]},
         {"name":"price-order-1","start":"2026-11-23T19:46:30.500Z","end":"2026-11-23T19:46:30.510Z","success":true,"type":"step","output":12.5,
          "config":{"retries":{"limit":5,"delay":1000,"backoff":"exponential"},"timeout":"10 minutes"},
          "attempts":[{"start":"2026-11-23T19:46:30.501Z","end":"2026-11-23T19:46:30.509Z","success":true,"error":null}]},
         {"name":"reserve-stock-1","start":"2026-11-23T19:46:30.520Z","end":"2026-11-23T19:46:33.530Z","success":true,"type":"step","output":"reserved",
          "config":{"retries":{"limit":2,"delay":"1 second","backoff":"constant"},"timeout":"5 minutes"},
          "attempts":[
            {"start":"2026-11-23T19:46:30.521Z","end":"2026-11-23T19:46:30.529Z","success":false,"error":{"name":"Error","message":"stock service unavailable: 503 from https://stock.acme.example/v2/reservations (upstream connect error)"}},
            {"start":"2026-11-23T19:46:31.530Z","end":"2026-11-23T19:46:31.539Z","success":false,"error":{"name":"Error","message":"stock service unavailable: 503 from https://stock.acme.example/v2/reservations (upstream connect error)"}},
            {"start":"2026-11-23T19:46:33.521Z","end":"2026-11-23T19:46:33.529Z","success":true,"error":null}]},
         {"name":"cool-off-1","start":"2026-11-23T19:46:33.540Z","end":"2026-11-23T19:46:35.540Z","finished":true,"type":"sleep","error":null},
         {"name":"approval-1","start":"2026-11-23T19:46:35.550Z","end":"2026-11-23T19:46:48.754Z","finished":true,"type":"waitForEvent","error":null,"success":true,
          "output":{"type":"approve","payload":{"approved_by":"alice","n":3},"timestamp":"2026-11-23T19:46:48.754Z"}},
         {"name":"charge-card-1","start":"2026-11-23T19:46:48.760Z","end":"2026-11-23T19:46:48.780Z","success":true,"type":"step","output":{"ok":true,"charge":"ch_3NQ8xY2eZvKYlo2C1"},
          "config":{"retries":{"limit":0,"delay":1000,"backoff":"linear"},"timeout":30000},
          "attempts":[{"start":"2026-11-23T19:46:48.761Z","end":"2026-11-23T19:46:48.779Z","success":true,"error":null}]},
         {"name":"ship-1","start":"2026-11-23T19:46:48.790Z","end":"2026-11-23T19:47:00.100Z","success":false,"type":"step",
          "config":{"retries":{"limit":2,"delay":"1 second","backoff":"constant"},"timeout":"10 minutes"},
          "attempts":[
            {"start":"2026-11-23T19:46:48.791Z","end":"2026-11-23T19:46:48.800Z","success":false,"error":{"name":"Error","message":"carrier rejected the label: postal code 10115 does not match city 'Berlin-Mitte' (DHL code 4112)"}},
            {"start":"2026-11-23T19:46:49.801Z","end":"2026-11-23T19:46:49.810Z","success":false,"error":{"name":"Error","message":"carrier rejected the label: postal code 10115 does not match city 'Berlin-Mitte' (DHL code 4112)"}},
            {"start":"2026-11-23T19:46:50.811Z","end":"2026-11-23T19:46:50.820Z","success":false,"error":{"name":"Error","message":"carrier rejected the label: postal code 10115 does not match city 'Berlin-Mitte' (DHL code 4112)"}}]},
         {"name":"retry-wait-1","start":"2026-11-23T19:47:00.110Z","end":"2026-11-23T19:52:00.110Z","finished":true,"type":"sleep","error":null},
         {"name":"manual-fix-1","start":"2026-11-23T19:52:00.120Z","end":null,"finished":false,"type":"waitForEvent","error":null,"output":null},
         {"type":"termination","trigger":{"source":"api"}}],
         "success":false,"trigger":{"source":"api"},"versionId":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e"},
         "success":true}
        """);

    /// <summary>GET instances: a full page of 25, with <c>result_info</c>.</summary>
    public static byte[] InstanceList { get; } = BuildList(25);

    /// <summary>POST instances: the created instance.</summary>
    public static byte[] InstanceCreated { get; } = Minify("""
        {"errors":[],"messages":[],"result":{"id":"order-4711","status":"queued","version_id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","workflow_id":"0a3b8f52-9c1d-4e6f-8a2b-7c4d5e6f7a8b"},
         "success":true}
        """);

    /// <summary>The create request's <c>params</c> (one parsed value shared by both clients).</summary>
    public static JsonElement CreateParams { get; } = JsonDocument.Parse("""
        {"customer":"acme","amount":12.5,"currency":"EUR","items":[{"sku":"A-1","qty":2},{"sku":"B-7","qty":1}],"priority":"high"}
        """).RootElement.Clone();

    private static byte[] BuildList(int count)
    {
        string[] statuses = ["complete", "running", "errored", "complete", "waiting", "complete", "terminated", "queued", "paused"];
        var start = new DateTimeOffset(2026, 11, 23, 19, 0, 0, TimeSpan.Zero);
        var json = new StringBuilder("""{"errors":[],"messages":[],"result":[""");
        for (var i = 0; i < count; i++)
        {
            var created = start.AddMinutes(-7 * i);
            var status = statuses[i % statuses.Length];
            var ended = status is "complete" or "errored" or "terminated" ? $"\"{Stamp(created.AddSeconds(18.314))}\"" : "null";
            json.Append(i == 0 ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $$"""{"id":"order-{{4711 - i}}","created_on":"{{Stamp(created)}}","ended_on":{{ended}},""")
                .Append(CultureInfo.InvariantCulture, $$"""
                    "modified_on":"{{Stamp(created.AddSeconds(18.5))}}","started_on":"{{Stamp(created.AddMilliseconds(9))}}","status":"{{status}}",
                    """)
                .Append("""
                    "version_id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","workflow_id":"0a3b8f52-9c1d-4e6f-8a2b-7c4d5e6f7a8b"}
                    """);
        }

        json.Append(CultureInfo.InvariantCulture, $$$"""
            ],"success":true,"result_info":{"page":1,"per_page":{{{count}}},"count":{{{count}}},"total_count":212,"total_pages":9}}
            """);
        return Minify(json.ToString());
    }

    private static string Stamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static byte[] Minify(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            document.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
