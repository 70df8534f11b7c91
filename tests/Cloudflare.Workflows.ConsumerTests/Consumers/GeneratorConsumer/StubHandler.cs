using System.Net;
using System.Text;
using System.Text.Json;

namespace Acme.Flows.App;

/// <summary>Answers the client in-process (no sockets) with canned Cloudflare envelopes.</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    public string? UserAgent { get; private set; }

    public List<string> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        UserAgent ??= request.Headers.UserAgent.ToString();
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add($"{request.Method} {path}");
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        const string instances = "/client/v4/accounts/acc-1/workflows/orders/instances";

        // "priority" and "suspended" only exist in the bumped spec: the first build's client must ignore or keep them.
        var result = (request.Method.Method, path) switch
        {
            ("POST", instances) => Created(InstanceIdOf(body), "queued"),
            ("POST", _) when path.StartsWith(instances + "/", StringComparison.Ordinal) && path.EndsWith("/retry", StringComparison.Ordinal) =>
                Created(path[(instances.Length + 1)..^"/retry".Length], "suspended"),
            ("GET", _) when path.StartsWith(instances + "/", StringComparison.Ordinal) => """{"status":"running","step_count":0}""",
            _ => null,
        };

        var json = result is null
            ? $$"""{"success":false,"errors":[{"code":7000,"message":"no stub route for {{request.Method}} {{path}}"}],"messages":[]}"""
            : $$"""{"success":true,"errors":[],"messages":[],"result":{{result}}}""";
        return new HttpResponseMessage(result is null ? HttpStatusCode.NotFound : HttpStatusCode.OK)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }

    private static string Created(string id, string status) =>
        $$"""{"id":"{{id}}","status":"{{status}}","priority":5,"version_id":"0b8d4fa1-44b2-4c67-9d39-1b36d0c2e6a1","workflow_id":"6f1f9d2a-5c8e-4a57-8d2e-0e4c7d1b9a10"}""";

    private static string InstanceIdOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("instance_id").GetString()!;
    }
}
