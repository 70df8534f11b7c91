using System.Diagnostics;
using Cloudflare.Workflows.Testing.Internal;

namespace Cloudflare.Workflows.ContractTests.Mock;

/// <summary>Prism is gone after the tests, whether they dispose it or the test host dies.</summary>
/// <remarks>
/// In the fixture's collection, so these starts never overlap the fixture's three (5 Prism starts at once on a loaded
/// 2-core machine would crowd the 30 s start-up bound).
/// </remarks>
[Collection(PrismCollection.Name)]
public sealed class PrismMockLifecycleTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Dispose_kills_prism_and_frees_its_port()
    {
        PrismMock prism = await PrismMock.StartAsync("lifecycle-dispose", MockSpec.MockDirectory, MockSpec.UpstreamExtract, Array.Empty<string>(), logSink: null);
        Assert.True(ProcessTree.TryGetIdentity(prism.ProcessId, out ProcessTree.ProcessIdentity node));

        await prism.DisposeAsync();

        Assert.False(ProcessTree.IsAlive(node), $"{node} still runs after DisposeAsync");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(prism.BaseUri));
    }

    [Fact]
    public async Task A_closed_stdin_ends_prism_as_when_the_test_host_is_killed()
    {
        await using PrismMock prism = await PrismMock.StartAsync("lifecycle-stdin", MockSpec.MockDirectory, MockSpec.UpstreamExtract, Array.Empty<string>(), logSink: null);
        Assert.True(ProcessTree.TryGetIdentity(prism.ProcessId, out ProcessTree.ProcessIdentity node));

        // What the kernel does to the pipe when the host dies without a chance to dispose (SIGKILL).
        prism.CloseStandardInput();

        var stopwatch = Stopwatch.StartNew();
        while (ProcessTree.IsAlive(node) && stopwatch.Elapsed < ExitTimeout)
        {
            await Task.Delay(50);
        }

        Assert.False(ProcessTree.IsAlive(node), $"{node} still runs {ExitTimeout.TotalSeconds} s after its stdin closed:\n{prism.Log}");
    }

    [Fact]
    public async Task Start_fails_with_prisms_own_words_when_it_cannot_load_the_spec()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-such-spec-" + Guid.NewGuid().ToString("N") + ".json");

        InvalidOperationException failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PrismMock.StartAsync("lifecycle-broken", MockSpec.MockDirectory, missing, Array.Empty<string>(), logSink: null));

        Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
        // Prism's own line ("fatal  Error opening file …" then "ENOENT: no such file or directory"), not just ours.
        Assert.Contains("ENOENT: no such file or directory", failure.Message, StringComparison.Ordinal);
    }
}
