using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Cloudflare.OpenApi;

namespace Cloudflare.Workflows;

/// <content>Hand-written conveniences over the generated operations.</content>
public partial class InstancesClient
{
    /// <summary>Pauses, resumes, terminates or restarts an instance.</summary>
    /// <param name="workflowName">The workflow name.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="action">What to do.</param>
    /// <param name="requestOptions">Per-call settings and the raw response; the client's settings when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status the instance moved to (as far as the API reports it).</returns>
    public virtual Task<InstanceStatusChange> ChangeStatusAsync(string workflowName, string instanceId, InstanceAction action, CloudflareRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        ChangeStatusAsync(workflowName, instanceId, new InstanceStatusChangeRequest { Status = action }, requestOptions, cancellationToken);

    /// <summary>Sends an event whose payload is serialized with a source-generated (NativeAOT-safe) type info.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="workflowName">The workflow name.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="eventType">The event type the instance waits for.</param>
    /// <param name="payload">The payload.</param>
    /// <param name="typeInfo">How to serialize the payload (from a <c>JsonSerializerContext</c>).</param>
    /// <param name="requestOptions">Per-call settings and the raw response; the client's settings when null.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the event was accepted.</returns>
    public virtual Task SendEventAsync<T>(string workflowName, string instanceId, string eventType, T payload, JsonTypeInfo<T> typeInfo, CloudflareRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return SendEventAsync(workflowName, instanceId, eventType, JsonSerializer.SerializeToElement(payload, typeInfo), requestOptions, cancellationToken);
    }

    /// <summary>
    /// Polls an instance until <paramref name="condition"/> holds (by default: until it reaches a terminal status) and
    /// returns the details that satisfied it.
    /// </summary>
    /// <param name="workflowName">The workflow name.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="condition">What to wait for; <see cref="InstanceStatus.IsTerminal"/> when null.</param>
    /// <param name="pollInterval">Time between polls (default 500 ms).</param>
    /// <param name="cancellationToken">Cancels the wait; use a token with a timeout to set a deadline.</param>
    /// <returns>The first details that satisfied the condition.</returns>
    public virtual async Task<InstanceDetails> WaitForAsync(
        string workflowName, string instanceId, Func<InstanceDetails, bool>? condition = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(500);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), interval, "The poll interval must be positive.");
        }

        condition ??= static details => details.Status.IsTerminal;
        while (true)
        {
            var details = await GetAsync(workflowName, instanceId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (condition(details))
            {
                return details;
            }

            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
