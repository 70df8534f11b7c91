using System.Net.Http.Headers;

namespace Cloudflare.Workflows.Tests.Infrastructure;

/// <summary>
/// An in-process transport: records every request (method, URI, raw headers, body bytes) and answers from a script,
/// one scripted response per request, in order. A request past the end of the script fails the test loudly.
/// </summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    public delegate Task<HttpResponseMessage> Responder(HttpRequestMessage request, CancellationToken cancellationToken);

    private readonly object _gate = new();
    private readonly Queue<Responder> _script = new();
    private readonly List<RecordedRequest> _requests = new();
    private Responder? _fallback;

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The only request; fails unless exactly one was sent.</summary>
    public RecordedRequest Single => Assert.Single(Requests);

    /// <summary>Queues a response with a body (JSON unless said otherwise).</summary>
    public RecordingHandler Respond(
        HttpStatusCode status, string? body, string? mediaType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        return RespondWith((_, _) => Task.FromResult(Build(status, body, mediaType, configure)));
    }

    /// <summary>Queues a 200 with the given JSON body.</summary>
    public RecordingHandler RespondOk(string json, Action<HttpResponseMessage>? configure = null) =>
        Respond(HttpStatusCode.OK, json, "application/json", configure);

    /// <summary>Queues a custom responder.</summary>
    public RecordingHandler RespondWith(Responder responder)
    {
        lock (_gate)
        {
            _script.Enqueue(responder);
        }

        return this;
    }

    /// <summary>Answers every request once the script is used up (for "always fails" retry tests).</summary>
    public RecordingHandler RespondAlways(HttpStatusCode status, string? body, string? mediaType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        lock (_gate)
        {
            _fallback = (_, _) => Task.FromResult(Build(status, body, mediaType, configure));
        }

        return this;
    }

    /// <summary>Answers every request with <paramref name="responder"/> once the script is used up.</summary>
    public RecordingHandler RespondAlwaysWith(Responder responder)
    {
        lock (_gate)
        {
            _fallback = responder;
        }

        return this;
    }

    /// <summary>Queues a responder that never answers: it waits until the attempt is cancelled.</summary>
    public RecordingHandler Hang() =>
        RespondWith(async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });

    /// <summary>Hangs on every request once the script is used up.</summary>
    public RecordingHandler HangAlways()
    {
        lock (_gate)
        {
            _fallback = async (_, cancellationToken) =>
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            };
        }

        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = await RecordAsync(request);
        Responder? responder;
        lock (_gate)
        {
            _requests.Add(recorded);
            if (!_script.TryDequeue(out responder))
            {
                responder = _fallback;
            }
        }

        if (responder is null)
        {
            throw new InvalidOperationException($"Unexpected request #{Requests.Count}: {recorded}. The test scripted no response for it.");
        }

        var response = await responder(request, cancellationToken);
        response.RequestMessage ??= request;
        return response;
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.NonValidated)
        {
            headers[header.Key] = string.Join(", ", header.Value);
        }

        var contentHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        byte[]? body = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync();
            foreach (var header in request.Content.Headers.NonValidated)
            {
                contentHeaders[header.Key] = string.Join(", ", header.Value);
            }
        }

        return new RecordedRequest(request.Method.Method, request.RequestUri!, headers, contentHeaders, body);
    }

    private static HttpResponseMessage Build(HttpStatusCode status, string? body, string? mediaType, Action<HttpResponseMessage>? configure)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (mediaType is not null)
            {
                response.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
            }
        }

        configure?.Invoke(response);
        return response;
    }
}
