using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>
/// An exclusive lock file around <c>npm ci</c>. On a fresh clone several engines start at once (the shared
/// fixture, tests with engines of their own, other test assemblies); two <c>npm ci</c> in one folder delete
/// each other's <c>node_modules</c>. <see cref="FileShare.None"/> is an advisory lock (flock) on Unix and a
/// sharing lock on Windows, so it excludes other processes as well as other engines in this one.
/// </summary>
internal static class InstallLock
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(250);

    public static async Task<IDisposable> AcquireAsync(string lockFile, string label, TimeSpan timeout, BoundedLog log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        var stopwatch = Stopwatch.StartNew();
        bool announced = false;
        while (true)
        {
            try
            {
                return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (stopwatch.Elapsed < timeout)
            {
                if (!announced)
                {
                    log.Append(label + " waiting for another 'npm ci' in this project to finish (" + lockFile + ")");
                    announced = true;
                }

                await Task.Delay(RetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
