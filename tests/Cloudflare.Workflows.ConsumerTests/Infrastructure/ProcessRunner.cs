using System.Diagnostics;
using System.Text;

namespace Cloudflare.Workflows.ConsumerTests.Infrastructure;

/// <summary>What a finished (or killed) child process left behind.</summary>
public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Duration, bool TimedOut)
{
    private const int MaxShownOutput = 24_000;

    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>For assertion messages: the command, how it ended, and the tail of its output.</summary>
    public string Describe()
    {
        var shown = Output.Length <= MaxShownOutput ? Output : "…" + Output[^MaxShownOutput..];
        var ending = TimedOut ? "TIMED OUT (process tree killed)" : $"exited {ExitCode}";
        return $"$ {CommandLine}\n{ending} after {Duration.TotalSeconds:F1} s\n{shown}";
    }
}

/// <summary>Runs a child process with a deadline, capturing stdout and stderr interleaved.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // `dotnet test` hands its MSBuild settings to the test host; a nested build must start from a clean slate.
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        startInfo.Environment.Remove("NUGET_PACKAGES");
        // A reused MSBuild node would outlive the build and keep our output pipes open.
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["UseSharedCompilation"] = "false";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var commandLine = fileName + " " + string.Join(" ", startInfo.ArgumentList);
        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var timedOut = false;
        using (var deadline = new CancellationTokenSource(timeout))
        {
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        stopwatch.Stop();
        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new ProcessResult(commandLine, timedOut ? -1 : process.ExitCode, text, stopwatch.Elapsed, timedOut);
    }
}
