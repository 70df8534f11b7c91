using System.Diagnostics;
using Cloudflare.Workflows.ContractTests.Calls;
using Xunit.Sdk;

namespace Cloudflare.Workflows.ContractTests.Mock;

/// <summary>
/// The Prism servers of the test run, started at once and killed at the end: static and dynamic mode on the spec the
/// SDK was generated from (<see cref="MockSpec.WriteGeneratorView"/>), and static mode on the bare upstream extract.
/// </summary>
public sealed class PrismFixture : IAsyncLifetime
{
    /// <summary>The seed of the dynamic server; each request sends its own with <c>Prefer: seed=…</c> as well.</summary>
    public const string DynamicSeed = "1";

    private readonly IMessageSink _diagnostics;
    private readonly string _workDirectory = Path.Combine(Path.GetTempPath(), "workflows-contract-" + Guid.NewGuid().ToString("N"));
    private readonly Stopwatch _sinceStart = new();
    private PrismMock? _static;
    private PrismMock? _dynamic;
    private PrismMock? _upstream;

    public PrismFixture(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
    }

    internal PrismMock Static => _static ?? throw new InvalidOperationException("Prism has not been started.");

    internal PrismMock Dynamic => _dynamic ?? throw new InvalidOperationException("Prism has not been started.");

    internal PrismMock Upstream => _upstream ?? throw new InvalidOperationException("Prism has not been started.");

    /// <summary>What the tests measured, for RESULTS.md.</summary>
    internal ContractResults Results { get; } = new();

    public async Task InitializeAsync()
    {
        _sinceStart.Start();
        Directory.CreateDirectory(_workDirectory);
        string generatorView = MockSpec.WriteGeneratorView(_workDirectory);
        Action<string> sink = line => _diagnostics.OnMessage(new DiagnosticMessage(line));
        Task<PrismMock> staticStart = PrismMock.StartAsync("static", MockSpec.MockDirectory, generatorView, Array.Empty<string>(), sink);
        Task<PrismMock> dynamicStart = PrismMock.StartAsync("dynamic", MockSpec.MockDirectory, generatorView, new[] { "--dynamic", "--seed", DynamicSeed }, sink);
        Task<PrismMock> upstreamStart = PrismMock.StartAsync("upstream", MockSpec.MockDirectory, MockSpec.UpstreamExtract, Array.Empty<string>(), sink);
        try
        {
            await Task.WhenAll(staticStart, dynamicStart, upstreamStart);
        }
        finally
        {
            // Keep whatever did start, so DisposeAsync kills it even when another one failed.
            _static = staticStart.IsCompletedSuccessfully ? staticStart.Result : null;
            _dynamic = dynamicStart.IsCompletedSuccessfully ? dynamicStart.Result : null;
            _upstream = upstreamStart.IsCompletedSuccessfully ? upstreamStart.Result : null;
        }

        Results.StartupTimes = new[] { Static, Dynamic, Upstream }.ToDictionary(p => p.Label, p => p.StartupTime);
        Results.SetupTime = _sinceStart.Elapsed;
    }

    public async Task DisposeAsync()
    {
        foreach (PrismMock? prism in new[] { _static, _dynamic, _upstream })
        {
            if (prism is not null)
            {
                await prism.DisposeAsync();
            }
        }

        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; nothing depends on it being gone.
        }

        Results.TotalTime = _sinceStart.Elapsed;
        ResultsTable.WriteIfRequested(Results);
    }
}

[CollectionDefinition(Name)]
public sealed class PrismCollection : ICollectionFixture<PrismFixture>
{
    public const string Name = "Prism mock servers";
}
