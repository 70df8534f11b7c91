using System;

namespace Cloudflare.Workflows.Testing;

/// <summary>
/// The local engine could not be installed, started or reached. The message says which step failed and
/// ends with the last lines of its output; <see cref="Log"/> holds everything that was captured.
/// </summary>
public sealed class LocalWorkflowsEngineException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, including the tail of the output.</param>
    /// <param name="log">The captured output of the failed step.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LocalWorkflowsEngineException(string message, string log, Exception? innerException = null)
        : base(message, innerException)
    {
        Log = log;
    }

    /// <summary>The captured output (npm and wrangler lines plus the launcher's own progress lines).</summary>
    public string Log { get; }
}
