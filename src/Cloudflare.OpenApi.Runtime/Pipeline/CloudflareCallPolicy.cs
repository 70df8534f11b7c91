using System.Threading.Tasks;

namespace Cloudflare.OpenApi;

/// <summary>Runs the rest of the per-call policies, then the retry loop (attempts, per-try policies, transport).</summary>
/// <param name="call">The call to send (the same one, changed, or a new one from <see cref="CloudflarePipelineCall.CreateFollowUp"/>).</param>
public delegate ValueTask<CloudflarePipelineResponse> CloudflareCallNext(CloudflarePipelineCall call);

/// <summary>
/// A step in the per-call position (System.ClientModel's <c>PipelinePosition.PerCall</c>): it runs once per call,
/// outside the retry loop, and sees the logical request and the final response (after retries), whatever its status.
/// Use it to make a call idempotent (assign an id before the first attempt), to turn one call into several, or to
/// measure the whole call. Per-try work (a header on every attempt) belongs in a <see cref="CloudflarePipelinePolicy"/>.
/// </summary>
public abstract class CloudflareCallPolicy
{
    /// <summary>Handles one call.</summary>
    /// <param name="call">The call; its request parts may be changed before <paramref name="next"/> is called.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>The response to hand back; a policy that discards a response from <paramref name="next"/> disposes it.</returns>
    /// <remarks>
    /// A <see cref="ValueTask{TResult}"/>, as System.ClientModel's <c>PipelinePolicy.ProcessAsync</c>: a policy that
    /// passes a call straight on (<c>return next(call);</c>) adds no allocation to it. Await the result once.
    /// </remarks>
    public abstract ValueTask<CloudflarePipelineResponse> ProcessAsync(CloudflarePipelineCall call, CloudflareCallNext next);
}
