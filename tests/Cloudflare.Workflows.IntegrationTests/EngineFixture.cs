using Cloudflare.Workflows.Testing;
using Xunit.Sdk;

namespace Cloudflare.Workflows.IntegrationTests;

/// <summary>
/// One local Workflows engine (tests/engine under <c>wrangler dev</c>) for the whole test run, shared by every
/// class in <see cref="EngineCollection"/>. Tests must not depend on each other's state: give every instance a
/// unique id (<see cref="NewInstanceId"/>), because the engine keeps everything created during the run.
/// </summary>
/// <remarks>
/// wrangler's output goes to xunit's diagnostic messages (visible with <c>"diagnosticMessages": true</c> in
/// xunit.runner.json or <c>--logger "console;verbosity=detailed"</c>) and is in <see cref="LocalWorkflowsEngine.Log"/>.
/// </remarks>
public sealed class EngineFixture : IAsyncLifetime
{
    private readonly IMessageSink _diagnostics;
    private LocalWorkflowsEngine? _engine;
    private HttpClient? _explorerApi;

    /// <summary>Called by xunit, which passes its diagnostic message sink.</summary>
    public EngineFixture(IMessageSink diagnostics)
    {
        _diagnostics = diagnostics;
    }

    /// <summary>The running engine.</summary>
    public LocalWorkflowsEngine Engine => _engine ?? throw new InvalidOperationException("The engine has not been started.");

    /// <summary>A client whose base address is the explorer API (<c>http://127.0.0.1:{port}/cdn-cgi/explorer/api/</c>).</summary>
    public HttpClient ExplorerApi => _explorerApi ?? throw new InvalidOperationException("The engine has not been started.");

    /// <summary>The tests/engine folder, found by walking up from the test binaries to the solution file.</summary>
    public static string EngineProjectDirectory { get; } = FindEngineProjectDirectory();

    /// <summary>A valid instance id (letters, digits, '-') that no other test uses.</summary>
    public static string NewInstanceId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N");

    /// <summary>Options the fixture starts the engine with; tests that need an engine of their own reuse them.</summary>
    public static LocalWorkflowsEngineOptions CreateOptions(IMessageSink? diagnostics) =>
        new(EngineProjectDirectory)
        {
            LogSink = diagnostics is null ? null : line => diagnostics.OnMessage(new DiagnosticMessage("[engine] {0}", line)),
        };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _engine = await LocalWorkflowsEngine.StartAsync(CreateOptions(_diagnostics));
        _explorerApi = _engine.CreateHttpClient();
        _diagnostics.OnMessage(new DiagnosticMessage(
            "Local Workflows engine ready on {0} in {1:0.0} s", _engine.ExplorerApiUri, _engine.StartupTime.TotalSeconds));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _explorerApi?.Dispose();
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
            _diagnostics.OnMessage(new DiagnosticMessage(
                "Local Workflows engine stopped in {0:0.0} s", _engine.ShutdownTime?.TotalSeconds ?? 0));
        }
    }

    private static string FindEngineProjectDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Workflows.Generated.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "engine");
            }
        }

        throw new InvalidOperationException($"No Workflows.Generated.sln above '{AppContext.BaseDirectory}'; cannot find tests/engine.");
    }
}

/// <summary>Test classes marked <c>[Collection(EngineCollection.Name)]</c> share one <see cref="EngineFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Local Workflows engine";
}
