using System.Collections.Concurrent;
using System.Net.Sockets;

namespace Cloudflare.Workflows.Tests.FaultMatrix;

/// <summary>A request as the loopback server read it off the socket.</summary>
public sealed record ServerRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Path => Target.Split('?')[0];

    public string Query => Target.Contains('?', StringComparison.Ordinal) ? Target[(Target.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty;

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (a <see cref="TcpListener"/>, not an in-process handler) whose answers a test
/// scripts per request: a normal answer from the <see cref="FakeEngine"/>, or a fault (reset before or after the
/// engine acted, stall, drip, truncation, HTML, empty, oversize). Bounded: every read has a deadline, stalls end when
/// the client gives up or after 10 s, and the server only ever listens on the loopback address.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan MaxStall = TimeSpan.FromSeconds(10);
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _connections = new();
    private readonly Task _acceptLoop;
    private int _requests;

    public LoopbackServer(Func<FaultContext, Task> handler)
    {
        Handler = handler;
        _listener.Start(backlog: 2048);
        _acceptLoop = AcceptLoopAsync();
    }

    public Func<FaultContext, Task> Handler { get; }

    public FakeEngine Engine { get; } = new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseUri => new($"http://127.0.0.1:{Port}/client/v4");

    /// <summary>Requests whose head and body the server read completely.</summary>
    public int RequestsReceived => Volatile.Read(ref _requests);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop.WaitAsync(TimeSpan.FromSeconds(5));
            await Task.WhenAll(_connections).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException or TimeoutException or IOException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(Task.Run(() => ServeAsync(socket)));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        socket.NoDelay = true;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var reader = new RequestReader(stream);

        // Keep-alive: at most 1,000 requests per connection, each with a read deadline.
        for (var i = 0; i < 1_000 && !_stop.IsCancellationRequested; i++)
        {
            ServerRequest? request;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
            {
                deadline.CancelAfter(TimeSpan.FromSeconds(10));
                try
                {
                    request = await reader.ReadAsync(deadline.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
                {
                    return;
                }
            }

            if (request is null)
            {
                return;
            }

            var index = Interlocked.Increment(ref _requests);
            var context = new FaultContext(this, socket, stream, request, index);
            try
            {
                await Handler(context);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            if (context.ConnectionClosed)
            {
                return;
            }
        }
    }

    /// <summary>One request and the ways to answer it.</summary>
    public sealed class FaultContext(LoopbackServer server, Socket socket, NetworkStream stream, ServerRequest request, int index)
    {
        public ServerRequest Request { get; } = request;

        /// <summary>The request's number on this server, from 1.</summary>
        public int Index { get; } = index;

        public FakeEngine Engine => server.Engine;

        internal bool ConnectionClosed { get; private set; }

        /// <summary>The engine acts on the request and its answer is sent.</summary>
        public Task ActAndRespondAsync()
        {
            var (status, json) = Engine.Handle(Request);
            return RespondAsync(status, json);
        }

        /// <summary>The engine acts on the request, but the client gets <paramref name="status"/> instead.</summary>
        public Task ActThenRespondAsync(int status, string json)
        {
            Engine.Handle(Request);
            return RespondAsync(status, json);
        }

        public async Task RespondAsync(int status, string body, string contentType = "application/json", params (string Name, string Value)[] headers)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            await WriteHeadAsync(status, contentType, bytes.Length, headers);
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
        }

        /// <summary>The connection is reset (TCP RST): the client sees a transport failure.</summary>
        public Task ResetAsync(bool act)
        {
            if (act)
            {
                Engine.Handle(Request);
            }

            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
            ConnectionClosed = true;
            return Task.CompletedTask;
        }

        /// <summary>Never answers: waits until the client closes the connection (or 10 s).</summary>
        public async Task StallAsync()
        {
            var buffer = new byte[1];
            using var limit = new CancellationTokenSource(MaxStall);
            try
            {
                while (await stream.ReadAsync(buffer, limit.Token) > 0)
                {
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
            }

            ConnectionClosed = true;
        }

        /// <summary>Sends the head, then the body in <paramref name="chunks"/> pieces with <paramref name="delay"/> between them.</summary>
        public async Task DripAsync(int status, string body, int chunks, TimeSpan delay, bool act = true)
        {
            var json = body;
            if (act)
            {
                (status, json) = Engine.Handle(Request);
            }

            var bytes = Encoding.UTF8.GetBytes(json);
            await WriteHeadAsync(status, "application/json", bytes.Length, Array.Empty<(string, string)>());
            var size = Math.Max(1, (bytes.Length + chunks - 1) / chunks);
            for (var offset = 0; offset < bytes.Length; offset += size)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)));
                await stream.FlushAsync();
                if (offset + size < bytes.Length)
                {
                    await Task.Delay(delay);
                }
            }
        }

        /// <summary>The engine acts, the head announces the whole body, and the connection closes after <paramref name="sent"/> bytes.</summary>
        public async Task TruncateAsync(int sent)
        {
            var (status, json) = Engine.Handle(Request);
            var bytes = Encoding.UTF8.GetBytes(json);
            await WriteHeadAsync(status, "application/json", bytes.Length, Array.Empty<(string, string)>());
            await stream.WriteAsync(bytes.AsMemory(0, Math.Min(sent, bytes.Length)));
            await stream.FlushAsync();
            socket.Shutdown(SocketShutdown.Both);
            socket.Close();
            ConnectionClosed = true;
        }

        /// <summary>Announces <paramref name="declared"/> bytes and sends them in 64 KiB blocks until the client stops reading.</summary>
        public async Task OversizeAsync(long declared)
        {
            await WriteHeadAsync(200, "application/json", declared, Array.Empty<(string, string)>());
            var block = new byte[64 * 1024];
            block.AsSpan().Fill((byte)' ');
            for (long sent = 0; sent < declared; sent += block.Length)
            {
                await stream.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, declared - sent)));
            }
        }

        private async Task WriteHeadAsync(int status, string contentType, long length, (string Name, string Value)[] headers)
        {
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(status).Append(' ').Append(Reason(status)).Append("\r\n");
            head.Append("Content-Type: ").Append(contentType).Append("\r\n");
            head.Append("Content-Length: ").Append(length).Append("\r\n");
            head.Append("cf-ray: 8f00000000000").Append(Index.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).Append("-LHR\r\n");
            foreach (var (name, value) in headers)
            {
                head.Append(name).Append(": ").Append(value).Append("\r\n");
            }

            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        }

        private static string Reason(int status) => status switch
        {
            200 => "OK",
            404 => "Not Found",
            409 => "Conflict",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => "Status",
        };
    }

    private sealed class RequestReader(NetworkStream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        public async Task<ServerRequest?> ReadAsync(CancellationToken cancellationToken)
        {
            // Head: up to 64 KiB, ends at CRLF CRLF.
            int headEnd;
            while ((headEnd = IndexOfHeadEnd()) < 0)
            {
                if (_end == _buffer.Length)
                {
                    Compact();
                    if (_end == _buffer.Length)
                    {
                        throw new IOException("request head too large");
                    }
                }

                var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
                if (read == 0)
                {
                    return null;
                }

                _end += read;
            }

            var head = Encoding.ASCII.GetString(_buffer, _start, headEnd - _start);
            _start = headEnd + 4;
            var lines = head.Split("\r\n");
            var parts = lines[0].Split(' ');
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }

            var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var body = new byte[length];
            var copied = 0;
            while (copied < length)
            {
                if (_start < _end)
                {
                    var n = Math.Min(length - copied, _end - _start);
                    _buffer.AsSpan(_start, n).CopyTo(body.AsSpan(copied));
                    _start += n;
                    copied += n;
                    continue;
                }

                _start = _end = 0;
                var read = await stream.ReadAsync(_buffer, cancellationToken);
                if (read == 0)
                {
                    return null;
                }

                _end = read;
            }

            return new ServerRequest(parts[0], parts[1], headers, body);
        }

        private int IndexOfHeadEnd()
        {
            var index = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8);
            return index < 0 ? -1 : _start + index;
        }

        private void Compact()
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
    }
}

/// <summary>
/// The server's state, shaped like the Workflows API: creates (by <c>instance_id</c>, 409 for an id that exists),
/// batch creates, get, list with page numbers, events. Counts what a user cares about: instances and events.
/// </summary>
public sealed class FakeEngine
{
    private readonly ConcurrentDictionary<string, int> _instances = new(StringComparer.Ordinal);
    private int _events;

    public int InstancesCreated => _instances.Count;

    public int EventsDelivered => Volatile.Read(ref _events);

    public (int Status, string Json) Handle(ServerRequest request)
    {
        var path = request.Path;
        if (request.Method == "POST" && path.EndsWith("/instances/batch", StringComparison.Ordinal))
        {
            using var document = JsonDocument.Parse(request.Body);
            var ids = document.RootElement.EnumerateArray().Select(IdOf).ToList();
            if (ids.Any(_instances.ContainsKey))
            {
                return (409, Conflict());
            }

            ids.ForEach(id => _instances.TryAdd(id, 0));
            return (200, Ok("[" + string.Join(",", ids.Select(id => $$"""{"id":"{{id}}","status":"queued"}""")) + "]"));
        }

        if (request.Method == "POST" && path.EndsWith("/instances", StringComparison.Ordinal))
        {
            string id;
            using (var document = JsonDocument.Parse(request.Body.Length == 0 ? "{}"u8.ToArray() : request.Body))
            {
                id = IdOf(document.RootElement);
            }

            return _instances.TryAdd(id, 0) ? (200, Ok($$"""{"id":"{{id}}","status":"queued"}""")) : (409, Conflict());
        }

        if (request.Method == "POST" && path.Contains("/events/", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _events);
            return (200, Ok("{}"));
        }

        if (request.Method == "GET" && path.EndsWith("/instances", StringComparison.Ordinal))
        {
            return (200, Ok("""[{"id":"a","status":"running"},{"id":"b","status":"running"}]""", """{"page":1,"per_page":2,"total_pages":50}"""));
        }

        if (request.Method == "GET")
        {
            var id = path[(path.LastIndexOf('/') + 1)..];
            return _instances.ContainsKey(id) || id.StartsWith("existing", StringComparison.Ordinal)
                ? (200, Ok("""{"status":"queued","step_count":0}"""))
                : (404, """{"success":false,"errors":[{"code":10007,"message":"instance.not_found"}],"messages":[],"result":null}""");
        }

        return (404, """{"success":false,"errors":[{"code":7003,"message":"No route"}],"messages":[],"result":null}""");
    }

    public static string Ok(string result, string? resultInfo = null) =>
        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + result + (resultInfo is null ? string.Empty : ",\"result_info\":" + resultInfo) + "}";

    private static string Conflict() => """{"success":false,"errors":[{"code":10409,"message":"instance.already_exists"}],"messages":[],"result":null}""";

    private static string IdOf(JsonElement item) =>
        item.TryGetProperty("instance_id", out var id) && id.GetString() is { Length: > 0 } given ? given : "server-" + Guid.NewGuid().ToString("N")[..12];
}
