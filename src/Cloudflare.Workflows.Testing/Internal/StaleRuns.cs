using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>
/// Cleans up after test hosts that died without stopping their engine (Linux only).
/// </summary>
/// <remarks>
/// <see cref="AppDomain.ProcessExit"/> does not run when the test host is killed with SIGKILL (for example by
/// <c>dotnet test --blame-hang-timeout</c>), and wrangler keeps running when its stdin closes. So each run records
/// in its state folder who owns it and which processes it started; the next start finds runs whose owner is gone,
/// stops their processes and deletes their folders.
/// </remarks>
internal static class StaleRuns
{
    private const string OwnerFileName = "owner.txt";
    private const string RunDirectoryPattern = "run-*";
    private static readonly TimeSpan OwnerlessGracePeriod = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan InterruptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Writes (replaces) the owner file: this test host, wrangler's top process and its known descendants.</summary>
    public static void Record(string stateDirectory, int wranglerPid, IEnumerable<ProcessTree.ProcessIdentity> descendants)
    {
        if (!ProcessTree.TryGetIdentity(Environment.ProcessId, out ProcessTree.ProcessIdentity host)
            || !ProcessTree.TryGetIdentity(wranglerPid, out ProcessTree.ProcessIdentity wrangler))
        {
            return;
        }

        var lines = new List<string> { Format("host", host), Format("wrangler", wrangler) };
        foreach (ProcessTree.ProcessIdentity descendant in descendants)
        {
            lines.Add(Format("child", descendant));
        }

        string ownerFile = Path.Combine(stateDirectory, OwnerFileName);
        string temporary = ownerFile + ".tmp";
        File.WriteAllLines(temporary, lines);
        File.Move(temporary, ownerFile, overwrite: true);
    }

    /// <summary>Stops the processes of every run under <paramref name="stateRoot"/> whose owner has exited, and deletes those runs.</summary>
    public static void Sweep(string stateRoot, BoundedLog log)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(stateRoot))
        {
            return;
        }

        foreach (string runDirectory in Directory.EnumerateDirectories(stateRoot, RunDirectoryPattern))
        {
            try
            {
                SweepOne(runDirectory, log);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                log.Append($"[engine] could not clean up stale run {runDirectory}: {e.Message}");
            }
        }
    }

    private static void SweepOne(string runDirectory, BoundedLog log)
    {
        string ownerFile = Path.Combine(runDirectory, OwnerFileName);
        if (!File.Exists(ownerFile))
        {
            // Either a run that is being created right now, or one that died before spawning anything.
            if (Directory.GetLastWriteTimeUtc(runDirectory) < DateTime.UtcNow - OwnerlessGracePeriod)
            {
                Directory.Delete(runDirectory, recursive: true);
            }

            return;
        }

        string[] lines = File.ReadAllLines(ownerFile);
        if (lines.Length < 2 || ProcessTree.IsAlive(Parse(lines[0])))
        {
            return;
        }

        var processes = new List<ProcessTree.ProcessIdentity>();
        for (int i = 1; i < lines.Length; i++)
        {
            processes.Add(Parse(lines[i]));
        }

        ProcessTree.ProcessIdentity wrangler = processes[0];
        if (ProcessTree.IsAlive(wrangler))
        {
            // Graceful first, as for a normal stop: wrangler then takes workerd and esbuild down itself.
            processes.AddRange(ProcessTree.GetDescendants(wrangler.Pid));
            NativeMethods.Kill(wrangler.Pid, NativeMethods.SigInt);
            var stopwatch = Stopwatch.StartNew();
            while (ProcessTree.IsAlive(wrangler) && stopwatch.Elapsed < InterruptTimeout)
            {
                Thread.Sleep(50);
            }
        }

        List<ProcessTree.ProcessIdentity> killed = ProcessTree.KillSurvivors(processes);
        log.Append($"[engine] cleaned up stale run {runDirectory} (its test host exited without stopping it)"
            + (killed.Count > 0 ? "; killed " + string.Join(", ", killed) : string.Empty));
        Directory.Delete(runDirectory, recursive: true);
    }

    private static string Format(string role, ProcessTree.ProcessIdentity process) =>
        string.Join(' ', role, process.Pid.ToString(CultureInfo.InvariantCulture), process.StartTime.ToString(CultureInfo.InvariantCulture), process.Name);

    private static ProcessTree.ProcessIdentity Parse(string line)
    {
        // "<role> <pid> <start time> <name>"; the name is last because it may contain spaces.
        string[] parts = line.Split(' ', 4);
        if (parts.Length < 3)
        {
            throw new FormatException($"Unexpected line in {OwnerFileName}: '{line}'");
        }

        return new ProcessTree.ProcessIdentity(
            int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture),
            ulong.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture),
            parts.Length > 3 ? parts[3] : string.Empty);
    }
}
