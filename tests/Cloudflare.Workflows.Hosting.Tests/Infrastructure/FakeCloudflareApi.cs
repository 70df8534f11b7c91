using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cloudflare.Workflows.Hosting.Tests.Infrastructure;

/// <summary>One request the fake API received.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) that plays Cloudflare's API: each request is answered by
/// the next scripted responder, or by <see cref="Default"/> when none is left, and recorded.
/// </summary>
public sealed class FakeCloudflareApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private FakeCloudflareApi(WebApplication app)
    {
        _app = app;
        _app.Run(HandleAsync);
    }

    /// <summary>Answers when no scripted responder is left: a Cloudflare envelope around a plausible result.</summary>
    public Func<HttpContext, Task> Default { get; set; } = Envelope(200, """{"id":"order-42","status":"queued"}""");

    /// <summary>The base URI of the API (<c>http://127.0.0.1:port/client/v4</c>).</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The port it listens on.</summary>
    public int Port => BaseUri.Port;

    /// <summary>What it received, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToArray();

    public static async Task<FakeCloudflareApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddRoutingCore();
        var api = new FakeCloudflareApi(builder.Build());
        await api._app.StartAsync();
        var address = api._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        api.BaseUri = new Uri(address.TrimEnd('/') + "/client/v4");
        return api;
    }

    /// <summary>Answers the next request with <paramref name="responder"/>.</summary>
    public FakeCloudflareApi Then(Func<HttpContext, Task> responder)
    {
        _script.Enqueue(responder);
        return this;
    }

    /// <summary>A Cloudflare envelope with <paramref name="resultJson"/> and <paramref name="status"/>.</summary>
    public static Func<HttpContext, Task> Envelope(int status, string resultJson) => context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["cf-ray"] = "8f00000000000000-LHR";
        var success = status < 400 ? "true" : "false";
        var errors = status < 400 ? "[]" : $$"""[{"code":{{status * 10}},"message":"fake error"}]""";
        return context.Response.WriteAsync($$"""{"success":{{success}},"errors":{{errors}},"messages":[],"result":{{resultJson}}}""");
    };

    /// <summary>A Cloudflare error answer.</summary>
    public static Func<HttpContext, Task> Error(int status) => Envelope(status, "null");

    /// <summary>Waits <paramref name="delay"/> (or until the client gives up) before answering.</summary>
    public static Func<HttpContext, Task> Stall(TimeSpan delay) => async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Envelope(200, """{"id":"late","status":"queued"}""")(context);
    };

    /// <summary>Drops the connection without an answer.</summary>
    public static Func<HttpContext, Task> Reset() => context =>
    {
        context.Abort();
        return Task.CompletedTask;
    };

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));
        var responder = _script.TryDequeue(out var next) ? next : Default;
        await responder(context);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
