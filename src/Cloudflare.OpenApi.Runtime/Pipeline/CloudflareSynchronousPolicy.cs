using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Cloudflare.OpenApi;

/// <summary>
/// A per-try policy that only changes the request before it is sent (Azure.Core's <c>HttpPipelineSynchronousPolicy</c>):
/// headers, credentials. The pipeline calls <see cref="OnSendingRequest"/> directly, so such a policy costs no
/// delegate or state machine per attempt. The SDK's own user-agent and authentication steps are of this kind.
/// </summary>
public abstract class CloudflareSynchronousPolicy : CloudflarePipelinePolicy
{
    /// <summary>Changes the request of one attempt.</summary>
    public abstract void OnSendingRequest(HttpRequestMessage request);

    /// <inheritdoc/>
    public sealed override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CloudflarePipelineNext next, CancellationToken cancellationToken)
    {
        OnSendingRequest(request);
        return next(request, cancellationToken);
    }
}
