namespace Cloudflare.Workflows.Tests.Samples;

/// <summary>
/// Responses in the shapes the real Workflows engine produces (/work/shared/engine/ENGINE.md section 4, observed with
/// wrangler 4.86.0): step outputs that are objects, numbers and strings; <c>null</c> end/output/error while running;
/// <c>delay</c> as a number or a string; no <c>id</c>/<c>trigger</c>/<c>versionId</c> in details; step names with a
/// <c>-N</c> suffix; list items with only id/status/created_on and a <c>status_counts</c> object in <c>result_info</c>.
/// Elided values ("...") in the notes are filled with timestamps of the same format.
/// </summary>
public static class EngineResponses
{
    /// <summary>The demo workflow after it completed: one item per step type.</summary>
    public const string CompletedDetails = """
        {"success":true,"errors":[],"messages":[],"result":{
         "status":"complete","params":{"customer":"acme","amount":12.5},"queued":"2026-11-23T19:46:30.471Z",
         "start":"2026-11-23T19:46:30.471Z","end":"2026-11-23T19:46:48.785Z",
         "output":{"obj":{"a":1,"b":"two","nested":{"c":[1,2,3]}},"num":42,"str":"hello",
                   "approval":{"payload":{"approved_by":"alice","n":3},"type":"approve","timestamp":"2026-11-23T19:46:48.754Z"},
                   "flaky":{"ok":true}},
         "error":null,"step_count":6,"steps":[
         {"name":"make-object-1","start":"2026-11-23T19:46:30.480Z","end":"2026-11-23T19:46:30.490Z","success":true,"type":"step",
          "output":{"a":1,"b":"two","nested":{"c":[1,2,3]}},
          "config":{"retries":{"limit":5,"delay":1000,"backoff":"exponential"},"timeout":"10 minutes"},
          "attempts":[{"start":"2026-11-23T19:46:30.481Z","end":"2026-11-23T19:46:30.489Z","success":true,"error":null}]},
         {"name":"make-number-1","start":"2026-11-23T19:46:30.500Z","end":"2026-11-23T19:46:30.510Z","success":true,"type":"step","output":42,
          "config":{"retries":{"limit":5,"delay":1000,"backoff":"exponential"},"timeout":"10 minutes"},
          "attempts":[{"start":"2026-11-23T19:46:30.501Z","end":"2026-11-23T19:46:30.509Z","success":true,"error":null}]},
         {"name":"make-string-1","start":"2026-11-23T19:46:30.520Z","end":"2026-11-23T19:46:30.530Z","success":true,"type":"step","output":"hello",
          "config":{"retries":{"limit":5,"delay":1000,"backoff":"exponential"},"timeout":"10 minutes"},
          "attempts":[{"start":"2026-11-23T19:46:30.521Z","end":"2026-11-23T19:46:30.529Z","success":true,"error":null}]},
         {"name":"nap-1","start":"2026-11-23T19:46:30.540Z","end":"2026-11-23T19:46:32.540Z","finished":true,"type":"sleep","error":null},
         {"name":"approval-1","start":"2026-11-23T19:46:32.550Z","end":"2026-11-23T19:46:48.754Z","finished":true,"type":"waitForEvent","error":null,
          "output":{"type":"approve","payload":{"approved_by":"alice","n":3},"timestamp":"2026-11-23T19:46:48.754Z"}},
         {"name":"flaky-1","start":"2026-11-23T19:46:48.760Z","end":"2026-11-23T19:46:48.780Z","success":true,"type":"step","output":{"ok":true},
          "config":{"retries":{"limit":2,"delay":"1 second","backoff":"constant"},"timeout":"10 minutes"},
          "attempts":[{"start":"2026-11-23T19:46:48.761Z","end":"2026-11-23T19:46:48.779Z","success":true,"error":null}]}]}}
        """;

    /// <summary>An instance still running: sleeping, with <c>null</c> end/output/error and an unfinished step.</summary>
    public const string RunningDetails = """
        {"success":true,"errors":[],"messages":[],"result":{
         "status":"running","params":{},"queued":"2026-11-23T19:50:00.000Z","start":"2026-11-23T19:50:00.001Z",
         "end":null,"output":null,"error":null,"step_count":2,"steps":[
         {"name":"before-1","start":"2026-11-23T19:50:00.010Z","end":"2026-11-23T19:50:00.020Z","success":true,"type":"step","output":"started",
          "config":{"retries":{"limit":5,"delay":1000,"backoff":"exponential"},"timeout":"10 minutes"},
          "attempts":[{"start":"2026-11-23T19:50:00.011Z","end":"2026-11-23T19:50:00.019Z","success":true,"error":null}]},
         {"name":"long-nap-1","start":"2026-11-23T19:50:00.030Z","end":"2026-11-23T20:50:00.030Z","finished":false,"type":"sleep","error":null}]}}
        """;

    /// <summary>The demo workflow with <c>fail: true</c>: the flaky step failed 3 times (limit 2) and has no output key.</summary>
    public const string ErroredDetails = """
        {"success":true,"errors":[],"messages":[],"result":{
         "status":"errored","params":{"fail":true},"queued":"2026-11-23T19:55:00.000Z","start":"2026-11-23T19:55:00.001Z",
         "end":"2026-11-23T19:55:03.100Z","output":null,"error":{"message":"boom: fail requested","name":"Error"},"step_count":1,"steps":[
         {"name":"flaky-1","start":"2026-11-23T19:55:00.010Z","end":"2026-11-23T19:55:03.090Z","success":false,"type":"step",
          "config":{"retries":{"limit":2,"delay":"1 second","backoff":"constant"},"timeout":"10 minutes"},
          "attempts":[
            {"start":"2026-11-23T19:55:00.011Z","end":"2026-11-23T19:55:00.020Z","success":false,"error":{"name":"Error","message":"boom: fail requested"}},
            {"start":"2026-11-23T19:55:01.021Z","end":"2026-11-23T19:55:01.030Z","success":false,"error":{"name":"Error","message":"boom: fail requested"}},
            {"start":"2026-11-23T19:55:02.031Z","end":"2026-11-23T19:55:02.040Z","success":false,"error":{"name":"Error","message":"boom: fail requested"}}]}]}}
        """;

    /// <summary>A waitForEvent that timed out: finished, with an error, <c>null</c> output; the instance errored.</summary>
    public const string WaitTimedOutDetails = """
        {"success":true,"errors":[],"messages":[],"result":{
         "status":"errored","params":{},"queued":"2026-11-23T20:00:00.000Z","start":"2026-11-23T20:00:00.001Z",
         "end":"2026-11-23T20:00:02.010Z","output":null,
         "error":{"message":"WorkflowTimeoutError: Execution timed out after 2000ms","name":"Error"},"step_count":1,"steps":[
         {"name":"approval-1","start":"2026-11-23T20:00:00.005Z","end":"2026-11-23T20:00:02.005Z","finished":true,"type":"waitForEvent",
          "error":{"name":"WorkflowTimeoutError","message":""},"output":null}]}}
        """;

    /// <summary>A list page: items have only id/status/created_on (one is a leftover entry with only an id).</summary>
    public const string ListPage = """
        {"success":true,"errors":[],"messages":[],"result":[
          {"id":"order-2","status":"running","created_on":"2026-11-23T19:47:00.000Z"},
          {"id":"order-1","status":"complete","created_on":"2026-11-23T19:46:30.471Z"},
          {"id":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}],
         "result_info":{"page":2,"per_page":2,"total_count":7,"total_pages":4,
                        "status_counts":{"errored":1,"unknown":1,"running":4,"complete":1}}}
        """;

    /// <summary>Create: only the id comes back.</summary>
    public const string Created = """{"success":true,"errors":[],"messages":[],"result":{"id":"order-1"}}""";

    /// <summary>Status change: the engine answers <c>{success:true}</c> instead of <c>{status, timestamp}</c>.</summary>
    public const string StatusChanged = """{"success":true,"errors":[],"messages":[],"result":{"success":true}}""";

    /// <summary>Event accepted.</summary>
    public const string EventAccepted = """{"success":true,"errors":[],"messages":[],"result":{"success":true}}""";

    /// <summary>Unknown instance.</summary>
    public const string NotFound = """{"success":false,"errors":[{"code":10501,"message":"Workflow instance 'x' not found."}],"messages":[],"result":null}""";

    /// <summary>An invalid id (the engine answers 500, not 400).</summary>
    public const string InvalidId = """{"success":false,"errors":[{"code":10001,"message":"WorkflowError: Workflow instance has invalid id"}],"messages":[],"result":null}""";
}
