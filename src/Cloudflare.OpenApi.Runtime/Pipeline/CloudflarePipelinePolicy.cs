using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.OpenApi;

/// <summary>Sends a request on to the next policy (and finally the network).</summary>
/// <param name="request">The request to send.</param>
/// <param name="cancellationToken">Cancels the attempt.</param>
public delegate Task<HttpResponseMessage> CloudflarePipelineNext(HttpRequestMessage request, CancellationToken cancellationToken);

/// <summary>
/// A step every attempt passes through on its way out. A policy may change the request, answer it itself, or send
/// other requests through the <c>next</c> delegate first; it runs once per attempt, inside the retry loop.
/// </summary>
public abstract class CloudflarePipelinePolicy
{
    /// <summary>Handles one attempt.</summary>
    /// <param name="request">The outgoing request.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    public abstract Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CloudflarePipelineNext next, CancellationToken cancellationToken);
}
