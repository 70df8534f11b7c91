using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.Workflows.AotSmoke;

/// <summary>
/// A fake of the few Workflows API routes the smoke program calls, on an <see cref="HttpListener"/> bound to 127.0.0.1,
/// so the SDK goes through its real transport (sockets, headers, Cloudflare's envelope). Canned, hand-written JSON:
/// no reflection anywhere, so it is NativeAOT-safe itself.
/// </summary>
public sealed class LoopbackWorkflowsApi : IAsyncDisposable
{
    public const string AccountId = "acc-1";
    public const string Workflow = "orders";
    private const string VersionId = "0b8d4fa1-44b2-4c67-9d39-1b36d0c2e6a1";
    private const string WorkflowId = "6f1f9d2a-5c8e-4a57-8d2e-0e4c7d1b9a10";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LoopbackWorkflowsApi(int port)
    {
        BaseUri = new Uri($"http://127.0.0.1:{port}/client/v4");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The API's base URI, e.g. <c>http://127.0.0.1:41234/client/v4</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Every request as "METHOD path?query", in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The User-Agent header of the first request.</summary>
    public string? FirstUserAgent { get; private set; }

    /// <summary>The Authorization header of the first request.</summary>
    public string? FirstAuthorization { get; private set; }

    /// <summary>Starts the fake on a free loopback port.</summary>
    public static LoopbackWorkflowsApi Start()
    {
        // HttpListener cannot bind port 0; take a free port from the OS and retry if someone grabs it first.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                return new LoopbackWorkflowsApi(port);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await HandleAsync(context).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                await WriteAsync(context.Response, 500, Failure(9999, "fake API error: " + ex.Message)).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var query = request.Url.Query;
        Requests.Enqueue($"{request.HttpMethod} {path}{query}");
        if (FirstUserAgent is null)
        {
            FirstUserAgent = request.UserAgent;
            FirstAuthorization = request.Headers["Authorization"];
        }

        const string instances = "/client/v4/accounts/" + AccountId + "/workflows/" + Workflow + "/instances";
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        var (status, json) = (request.HttpMethod, path) switch
        {
            ("POST", instances) => (200, Success(Created(InstanceIdOf(body) ?? "generated-id"))),
            ("GET", instances) when query.Contains("cursor=page-2", StringComparison.Ordinal) => (200, Page(
                """[{"id":"order-40","status":"errored"}]""",
                """{"count":1,"page":2,"total_pages":2}""")),
            ("GET", instances) => (200, Page(
                """[{"id":"order-42","status":"running","created_on":"2026-01-02T03:04:05Z"},{"id":"order-41","status":"complete","ended_on":null}]""",
                """{"count":2,"per_page":2,"cursor":"page-2"}""")),
            ("GET", instances + "/order-42") => (200, Success(Details)),
            ("PATCH", instances + "/order-42/status") when body.Contains("\"pause\"", StringComparison.Ordinal) =>
                (200, Success("""{"status":"paused","timestamp":"2026-01-02T03:05:00Z"}""")),
            ("GET", _) when path.StartsWith(instances + "/", StringComparison.Ordinal) => (404, Failure(1101, "instance not found")),
            _ => (400, Failure(9000, $"no fake route for {request.HttpMethod} {path}")),
        };

        await WriteAsync(context.Response, status, json).ConfigureAwait(false);
    }

    private const string Details = """
        {"status":"running","params":{"order":42},"queued":"2026-01-02T03:04:05Z","start":"2026-01-02T03:04:06Z","end":null,
         "success":null,"step_count":2,"trigger":{"source":"api"},"versionId":"0b8d4fa1-44b2-4c67-9d39-1b36d0c2e6a1",
         "steps":[
           {"type":"step","name":"charge card","start":"2026-01-02T03:04:06Z","end":"2026-01-02T03:04:07Z","success":true,"output":"ok",
            "attempts":[{"start":"2026-01-02T03:04:06Z","end":"2026-01-02T03:04:07Z","success":true}],
            "config":{"retries":{"limit":3,"delay":"1 second","backoff":"exponential"},"timeout":"1 minute"}},
           {"type":"sleep","name":"cool down","start":"2026-01-02T03:04:07Z","end":"2026-01-02T03:09:07Z","finished":false}
         ]}
        """;

    private static string Created(string id) =>
        $$"""{"id":"{{id}}","status":"queued","version_id":"{{VersionId}}","workflow_id":"{{WorkflowId}}"}""";

    private static string? InstanceIdOf(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("instance_id", out var id) ? id.GetString() : null;
    }

    private static string Success(string result) => $$"""{"success":true,"errors":[],"messages":[],"result":{{result}}}""";

    private static string Page(string items, string resultInfo) =>
        $$"""{"success":true,"errors":[],"messages":[],"result":{{items}},"result_info":{{resultInfo}}}""";

    private static string Failure(int code, string message) =>
        $$"""{"success":false,"errors":[{"code":{{code}},"message":{{JsonEncode(message)}}}],"messages":[],"result":null}""";

    private static string JsonEncode(string value) => "\"" + JsonEncodedText.Encode(value).ToString() + "\"";

    private static async Task WriteAsync(HttpListenerResponse response, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }
}
