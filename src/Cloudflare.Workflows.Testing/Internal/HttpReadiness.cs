using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>
/// Waits until a server the tests started (wrangler, Prism) answers HTTP: polls a URI every 100 ms, each attempt
/// bounded, until the answer is accepted, the process exits, or the start-up time is up. The caller turns the outcome
/// into its own exception with its own log.
/// </summary>
internal static class HttpReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How a wait ended.</summary>
    public enum Outcome
    {
        /// <summary>An answer was accepted.</summary>
        Ready,

        /// <summary>The process exited first.</summary>
        Exited,

        /// <summary>The start-up time was up first.</summary>
        TimedOut,
    }

    /// <summary>Polls <paramref name="uri"/> (GET, no proxy) until <paramref name="accept"/> takes an answer's status.</summary>
    /// <param name="uri">What to ask.</param>
    /// <param name="accept">Whether a status means ready.</param>
    /// <param name="hasExited">Whether the server process is gone (checked before each attempt).</param>
    /// <param name="sinceSpawn">Runs since the process was spawned.</param>
    /// <param name="startupTimeout">The longest wait, counted from the spawn.</param>
    /// <param name="requestTimeout">The longest single attempt.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome and, unless ready, what the last attempt saw.</returns>
    public static async Task<(Outcome Outcome, string LastProblem)> WaitAsync(
        Uri uri, Func<HttpStatusCode, bool> accept, Func<bool> hasExited, Stopwatch sinceSpawn, TimeSpan startupTimeout, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
        string lastProblem = "no attempt yet";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (hasExited())
            {
                return (Outcome.Exited, lastProblem);
            }

            TimeSpan remaining = startupTimeout - sinceSpawn.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return (Outcome.TimedOut, lastProblem);
            }

            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(remaining < requestTimeout ? remaining : requestTimeout);
                try
                {
                    using HttpResponseMessage response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                    if (accept(response.StatusCode))
                    {
                        return (Outcome.Ready, string.Empty);
                    }

                    lastProblem = "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (HttpRequestException e)
                {
                    lastProblem = e.Message;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    lastProblem = "request timed out";
                }
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
