using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>
/// The descendants of a process, read from <c>/proc</c> (Linux only; elsewhere every call yields nothing).
/// </summary>
/// <remarks>
/// Once wrangler's top process is gone its workerd children are re-parented to init, and
/// <see cref="System.Diagnostics.Process.Kill(bool)"/> can no longer find them. Remembering the tree while it is
/// still intact lets the launcher find and end such orphans later. The start time (in clock ticks since boot)
/// guards against killing an unrelated process that reused a PID.
/// </remarks>
internal static class ProcessTree
{
    /// <summary>A process as of one moment: PID, start time (clock ticks since boot) and executable name.</summary>
    public readonly record struct ProcessIdentity(int Pid, ulong StartTime, string Name)
    {
        public override string ToString() => Name + " (pid " + Pid.ToString(CultureInfo.InvariantCulture) + ")";
    }

    /// <summary>Reads the identity of a running process; false when it is gone or /proc is unavailable.</summary>
    public static bool TryGetIdentity(int pid, out ProcessIdentity identity)
    {
        identity = default;
        if (!OperatingSystem.IsLinux() || !TryReadStat(pid, out _, out ulong startTime, out char state, out string name) || state is 'Z' or 'X')
        {
            return false;
        }

        identity = new ProcessIdentity(pid, startTime, name);
        return true;
    }

    public static IReadOnlyList<ProcessIdentity> GetDescendants(int rootPid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Array.Empty<ProcessIdentity>();
        }

        var childrenByParent = new Dictionary<int, List<ProcessIdentity>>();
        try
        {
            foreach (string directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
                    || !TryReadStat(pid, out int parentPid, out ulong startTime, out _, out string name))
                {
                    continue;
                }

                if (!childrenByParent.TryGetValue(parentPid, out List<ProcessIdentity>? children))
                {
                    children = new List<ProcessIdentity>();
                    childrenByParent[parentPid] = children;
                }

                children.Add(new ProcessIdentity(pid, startTime, name));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<ProcessIdentity>();
        }

        var result = new List<ProcessIdentity>();
        var pending = new Queue<int>();
        pending.Enqueue(rootPid);
        while (pending.Count > 0)
        {
            if (!childrenByParent.TryGetValue(pending.Dequeue(), out List<ProcessIdentity>? children))
            {
                continue;
            }

            foreach (ProcessIdentity child in children)
            {
                result.Add(child);
                pending.Enqueue(child.Pid);
            }
        }

        return result;
    }

    /// <summary>True when the process still runs (a zombie does not count) and is the same one that was recorded.</summary>
    public static bool IsAlive(ProcessIdentity process) =>
        OperatingSystem.IsLinux()
        && TryReadStat(process.Pid, out _, out ulong startTime, out char state, out _)
        && startTime == process.StartTime
        && state != 'Z'
        && state != 'X';

    /// <summary>Sends SIGKILL to every recorded process that is still alive; returns those that were signalled.</summary>
    public static List<ProcessIdentity> KillSurvivors(IEnumerable<ProcessIdentity> processes)
    {
        var killed = new List<ProcessIdentity>();
        foreach (ProcessIdentity process in new HashSet<ProcessIdentity>(processes))
        {
            if (IsAlive(process) && NativeMethods.Kill(process.Pid, NativeMethods.SigKill) == 0)
            {
                killed.Add(process);
            }
        }

        return killed;
    }

    // /proc/<pid>/stat: "pid (comm) state ppid pgrp ... starttime ..."; comm may contain spaces and parentheses,
    // so fields are counted from the last ')'. After it: [0]=state, [1]=ppid, [19]=starttime (field 22).
    private static bool TryReadStat(int pid, out int parentPid, out ulong startTime, out char state, out string name)
    {
        parentPid = 0;
        startTime = 0;
        state = '\0';
        name = string.Empty;
        string text;
        try
        {
            text = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        int start = text.IndexOf('(');
        int end = text.LastIndexOf(')');
        if (start < 0 || end < start)
        {
            return false;
        }

        name = text.Substring(start + 1, end - start - 1);
        string[] fields = text.Substring(end + 1).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20 || fields[0].Length != 1)
        {
            return false;
        }

        state = fields[0][0];
        return int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out parentPid)
            && ulong.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out startTime);
    }
}
