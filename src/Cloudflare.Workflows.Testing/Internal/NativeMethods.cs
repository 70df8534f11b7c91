using System.Runtime.InteropServices;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>POSIX calls that <see cref="System.Diagnostics.Process"/> does not offer.</summary>
internal static partial class NativeMethods
{
    /// <summary>SIGINT: wrangler's own Ctrl+C path, which stops workerd and esbuild before exiting.</summary>
    public const int SigInt = 2;

    /// <summary>SIGKILL: only for orphans that survived both the graceful stop and the tree kill.</summary>
    public const int SigKill = 9;

    /// <summary>kill(2). Same signal numbers on Linux and macOS.</summary>
    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
