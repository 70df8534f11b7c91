using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>
/// The last lines of a process that has exited. <see cref="Process.HasExited"/> turns true before the asynchronous
/// readers of its redirected stdout/stderr have delivered what was still in the pipes, so an exception written at that
/// moment can miss the process's own last words ("ENOENT: no such file or directory"). Waiting for the end of the
/// output is bounded: a grandchild that inherited the pipes may keep them open long after the process itself exited.
/// </summary>
internal static class ProcessOutput
{
    /// <summary>Waits until the exited process's redirected output has been read to its end, or <paramref name="limit"/> is up.</summary>
    public static async Task DrainAsync(Process process, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            // For an exited process, this waits only for the end of the redirected streams.
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A grandchild holds the pipes: report what has arrived.
        }
    }
}
