namespace Cloudflare.Workflows.IntegrationTests.Launcher;

/// <summary>
/// Reads the process table from /proc, independently of the launcher's own bookkeeping, so the tests can
/// check that a stopped engine really left nothing behind.
/// </summary>
internal static class LinuxProcesses
{
    public sealed record Entry(int Pid, int ParentPid, char State, string CommandLine)
    {
        public override string ToString() => $"{Pid} (parent {ParentPid}, state {State}): {CommandLine}";
    }

    /// <summary>Every live (non-zombie) process.</summary>
    public static IReadOnlyList<Entry> Snapshot()
    {
        var entries = new List<Entry>();
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid))
            {
                continue;
            }

            try
            {
                string stat = File.ReadAllText(Path.Combine(directory, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                char state = fields[0][0];
                if (state is 'Z' or 'X')
                {
                    continue;
                }

                string commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
                entries.Add(new Entry(pid, int.Parse(fields[1]), state, commandLine));
            }
            catch (IOException)
            {
                // The process ended while we were reading it.
            }
        }

        return entries;
    }

    /// <summary>The process and all its live descendants.</summary>
    public static IReadOnlyList<Entry> TreeOf(int rootPid)
    {
        IReadOnlyList<Entry> all = Snapshot();
        var tree = all.Where(entry => entry.Pid == rootPid).ToList();
        for (int i = 0; i < tree.Count; i++)
        {
            tree.AddRange(all.Where(entry => entry.ParentPid == tree[i].Pid));
        }

        return tree;
    }

    /// <summary>Field 22 of /proc/{pid}/stat: the start time in clock ticks since boot.</summary>
    public static ulong StartTimeOf(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        return ulong.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19]);
    }

    /// <summary>Those of <paramref name="earlier"/> that still run the same command line.</summary>
    public static IReadOnlyList<Entry> StillRunning(IEnumerable<Entry> earlier)
    {
        var now = Snapshot().ToDictionary(entry => entry.Pid);
        return earlier.Where(entry => now.TryGetValue(entry.Pid, out Entry? current) && current.CommandLine == entry.CommandLine).ToList();
    }
}
