using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>Runs <c>npm ci</c> in one of the test npm projects (<see cref="NpmProject"/>) with the system npm.</summary>
internal static class NpmInstaller
{
    public static async Task RunCiAsync(string projectDirectory, string label, TimeSpan timeout, BoundedLog log, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            // npm is a .cmd shim on Windows; Process.Start without a shell only finds it by its full name.
            FileName = OperatingSystem.IsWindows() ? "npm.cmd" : "npm",
            WorkingDirectory = projectDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["CI"] = "true";
        startInfo.Environment["NO_COLOR"] = "1";
        startInfo.Environment["npm_config_update_notifier"] = "false";

        log.Append(label + " running 'npm ci' in " + projectDirectory);
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => log.Append(e.Data is null ? null : "[npm] " + e.Data);
        process.ErrorDataReceived += (_, e) => log.Append(e.Data is null ? null : "[npm] " + e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new LocalWorkflowsEngineException(
                $"Could not start 'npm ci' in '{projectDirectory}': {e.Message}. The project needs its node_modules; install Node.js with npm "
                + "(any version; the project brings its own Node 22) or run 'npm ci' in that folder yourself.",
                log.ToString(),
                e);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new LocalWorkflowsEngineException(
                $"'npm ci' in '{projectDirectory}' did not finish within {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s and was killed. "
                + "Is the npm registry reachable?\n" + log.Describe(30),
                log.ToString());
        }

        if (process.ExitCode != 0)
        {
            throw new LocalWorkflowsEngineException(
                $"'npm ci' in '{projectDirectory}' failed with exit code {process.ExitCode} after {Seconds(stopwatch.Elapsed)}.\n" + log.Describe(30),
                log.ToString());
        }

        log.Append($"{label} 'npm ci' finished in {Seconds(stopwatch.Elapsed)}");
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
