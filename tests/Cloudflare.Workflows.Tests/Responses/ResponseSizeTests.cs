namespace Cloudflare.Workflows.Tests.Responses;

public sealed class ResponseSizeTests
{
    [Fact]
    public async Task A_declared_length_over_the_cap_fails_before_the_body_is_read_with_the_size_in_the_message()
    {
        var stream = new CountingStream(10_000);
        var (client, handler) = TestClient.Create(o => o.MaxResponseSize = 1_000);
        handler.RespondWith((_, _) =>
        {
            var content = new StreamContent(stream);
            content.Headers.ContentLength = 10_000;
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });

        var ex = await Assert.ThrowsAsync<CloudflareResponseTooLargeException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.Equal(10_000, ex.Size);
        Assert.Equal(1_000, ex.Limit);
        Assert.True(ex.SizeIsDeclared);
        Assert.Contains("10,000 bytes (Content-Length), over the limit of 1,000 bytes (MaxResponseSize)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, stream.BytesRead);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_body_without_a_length_stops_being_read_soon_after_the_cap()
    {
        var stream = new CountingStream(10_000_000);
        var (client, handler) = TestClient.Create(o => o.MaxResponseSize = 100_000);
        handler.RespondWith((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) }));

        var ex = await Assert.ThrowsAsync<CloudflareResponseTooLargeException>(() => client.Instances.GetAsync("orders", "order-1"));

        Assert.False(ex.SizeIsDeclared);
        Assert.Contains("more than 100,000 bytes (stopped reading at ", ex.Message, StringComparison.Ordinal);
        Assert.InRange(stream.BytesRead, 100_001, 300_000);
    }

    [Fact]
    public async Task A_body_just_under_the_cap_is_read()
    {
        var (client, handler) = TestClient.Create(o => o.MaxResponseSize = Envelopes.Details("complete").Length);
        handler.RespondOk(Envelopes.Details("complete"));

        var details = await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(InstanceStatus.Complete, details.Status);
    }

    [Fact]
    public async Task Big_bodies_do_not_stay_in_the_shared_array_pool()
    {
        // A 20 MB body: the buffer for it is a plain array the GC takes back, so after the call and a full GC the
        // process holds (almost) none of it. Before the fix the shared pool kept the 32 MiB buffer it was read into.
        var padding = new string('x', 20 * 1024 * 1024);
        var body = Encoding.UTF8.GetBytes(Envelopes.Success("{\"status\":\"running\",\"output\":\"" + padding + "\"}"));
        var (client, handler) = TestClient.Create();
        handler.RespondAlwaysWith((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) }));
        await StatusOfAsync(client);
        Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(InstanceStatus.Running, await StatusOfAsync(client));
        }

        Collect();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(after - before < 8 * 1024 * 1024, $"{(after - before) / 1024 / 1024} MiB more held after three 20 MB responses");
    }

    // Not inlined, so the 20 MB result is not kept alive by a local of the test method (Debug keeps locals to the end).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<InstanceStatus> StatusOfAsync(WorkflowsClient client) => (await client.Instances.GetAsync("orders", "order-1")).Status;

    private static void Collect()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private sealed class CountingStream(long length) : Stream
    {
        private long _position;

        public long BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill((byte)' ');
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
