using System;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Cloudflare.OpenApi;
using Cloudflare.Workflows;
using Cloudflare.Workflows.Testing;

namespace Workflows.Quickstart;

/// <summary>
/// Quickstart for the Cloudflare Workflows .NET SDK, runnable without a Cloudflare account:
/// <code>dotnet run --project src/Workflows.Quickstart</code>
/// It starts the repository's local Workflows engine (tests/engine under <c>wrangler dev</c>), runs an <c>approval</c>
/// instance from creation to completion (see <see cref="ApprovalQuickstart"/>) and stops the engine again, also
/// on Ctrl+C. With <c>--port N</c> it uses an engine that is already running instead.
/// </summary>
internal static class Program
{
    private const int Succeeded = 0;
    private const int Failed = 1;
    private const int BadArguments = 2;
    private const int Interrupted = 130; // 128 + SIGINT, what shells report for Ctrl+C

    public static async Task<int> Main(string[] args)
    {
        QuickstartOptions? options = QuickstartOptions.Parse(args, out string? error);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(QuickstartOptions.Usage);
            return BadArguments;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(QuickstartOptions.Usage);
            return Succeeded;
        }

        // Ctrl+C and SIGTERM cancel whatever runs; the finally block below then still stops the engine.
        using var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true; // do not let .NET end the process before the cleanup ran
            interrupt.Cancel();
        };
        using PosixSignalRegistration sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            interrupt.Cancel();
        });

        try
        {
            return await RunAsync(options, interrupt.Token);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return Interrupted;
        }
        catch (QuickstartException e)
        {
            Console.Error.WriteLine(e.Message);
            return Failed;
        }
        catch (LocalWorkflowsEngineException e)
        {
            // The message ends with the last lines wrangler / npm printed.
            Console.Error.WriteLine("The local Workflows engine could not be started: " + e.Message);
            return Failed;
        }
        catch (CloudflareApiException e)
        {
            // Every API error is a CloudflareApiException (subclasses say which: not found, conflict, ...).
            Console.Error.WriteLine($"The Workflows API answered with an error (HTTP {(int)e.StatusCode}): {e.Message}");
            return Failed;
        }
        catch (CloudflareTimeoutException e)
        {
            Console.Error.WriteLine(e.Message);
            return Failed;
        }
        catch (CloudflareConnectionException e)
        {
            // Transport failures (refused, reset, a body cut off) are one type in the SDK's own hierarchy.
            Console.Error.WriteLine($"Could not reach the Workflows engine: {e.InnerException?.Message ?? e.Message}. With --port, is wrangler dev running on that port?");
            return Failed;
        }
    }

    private static async Task<int> RunAsync(QuickstartOptions options, CancellationToken cancellationToken)
    {
        if (options.Port is { } port)
        {
            Console.WriteLine($"Using the Workflows engine already running on 127.0.0.1:{port}");
            return await RunDemoAsync(port, options, cancellationToken);
        }

        string engineDirectory = options.EngineDirectory
            ?? EngineLocator.FindEngineDirectory()
            ?? throw new QuickstartException(
                $"Cannot find the engine project: no Workflows.Generated.sln above '{string.Join("' or '", EngineLocator.SearchedFrom())}'. "
                + "Run from a clone of the repository, pass --engine-dir <path to tests/engine>, or --port N for a running wrangler dev.");

        LocalWorkflowsEngine engine = await StartEngineAsync(engineDirectory, cancellationToken);
        try
        {
            return await RunDemoAsync(engine.Port, options, cancellationToken);
        }
        finally
        {
            // Always, also after an error or Ctrl+C: SIGINT to wrangler, wait, and remove this run's state folder.
            Console.WriteLine("Stopping the local engine...");
            await engine.DisposeAsync();
            Console.WriteLine($"Engine stopped in {engine.ShutdownTime?.TotalSeconds ?? 0:0.0} s.");
        }
    }

    private static async Task<LocalWorkflowsEngine> StartEngineAsync(string engineDirectory, CancellationToken cancellationToken)
    {
        Console.WriteLine($"Starting the local Workflows engine (wrangler dev) from {engineDirectory}");
        if (EngineLocator.NeedsInstall(engineDirectory))
        {
            Console.WriteLine("  First run: 'npm ci' downloads the engine's pinned npm packages (wrangler, the workerd runtime");
            Console.WriteLine("  and a Node 22 binary; about 380 MB on disk). That takes ~15 s once; later starts take ~2 s.");
        }

        // While starting, show the launcher's own progress and npm's output. wrangler's log stays quiet: a failed
        // start puts its last lines into the exception message.
        bool starting = true;
        var engineOptions = new LocalWorkflowsEngineOptions(engineDirectory)
        {
            LogSink = line =>
            {
                if (Volatile.Read(ref starting) && (line.StartsWith("[engine]", StringComparison.Ordinal) || line.StartsWith("[npm]", StringComparison.Ordinal)))
                {
                    Console.WriteLine("  " + line);
                }
            },
        };
        LocalWorkflowsEngine engine = await LocalWorkflowsEngine.StartAsync(engineOptions, cancellationToken);
        Volatile.Write(ref starting, false);
        Console.WriteLine($"Engine ready in {engine.StartupTime.TotalSeconds:0.0} s: {engine.ExplorerApiUri}");
        Console.WriteLine();
        return engine;
    }

    private static async Task<int> RunDemoAsync(int port, QuickstartOptions options, CancellationToken cancellationToken)
    {
        // The one line that differs from production code: local-development options instead of
        // new WorkflowsClientOptions { AccountId = ..., ApiToken = ... } (or WorkflowsClientOptions.FromEnvironment()).
        var client = new WorkflowsClient(WorkflowsClientOptions.ForLocalDevelopment(port));

        TimeSpan timeout = options.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        InstanceDetails final;
        try
        {
            final = await new ApprovalQuickstart(client, Console.Out) { ApproveAfter = options.ApproveAfter }.RunAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new QuickstartException($"The instance did not finish within {timeout.TotalSeconds:0} s (--timeout).");
        }

        if (final.Status != InstanceStatus.Complete)
        {
            Console.Error.WriteLine($"The instance ended '{final.Status}' instead of 'complete'.");
            return Failed;
        }

        return Succeeded;
    }
}

/// <summary>A failure the quickstart explains itself (the message is all the user needs).</summary>
internal sealed class QuickstartException(string message) : Exception(message);
