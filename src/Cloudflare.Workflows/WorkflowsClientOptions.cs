using System;
using System.Collections.Generic;
using Cloudflare.OpenApi;
using Cloudflare.Workflows.ExactlyOnce;
using Cloudflare.Workflows.LocalDevelopment;

namespace Cloudflare.Workflows;

/// <content>Hand-written ways to create options.</content>
public partial class WorkflowsClientOptions
{
    /// <summary>
    /// Makes the instance id of a create (and of each batch item) that has none, before the first attempt, so retries
    /// cannot create a second instance. A UUID (<see cref="Guid.NewGuid"/>) when null. Must return a new id that
    /// matches the API's pattern (<c>^[a-zA-Z0-9_][a-zA-Z0-9-_]*$</c>, at most 100 characters) on every call.
    /// </summary>
    public Func<string>? InstanceIdGenerator { get; set; }

    /// <summary>The exactly-once rule of the Workflows writes (<see cref="WorkflowsWritePolicy"/>).</summary>
    protected override IEnumerable<CloudflareCallPolicy> CreateBuiltInCallPolicies() => new CloudflareCallPolicy[] { new WorkflowsWritePolicy(InstanceIdGenerator) };

    /// <summary>The path of the local engine's REST API under a <c>wrangler dev</c> server.</summary>
    public const string LocalExplorerPath = "/cdn-cgi/explorer/api";

    /// <summary>
    /// Options for Cloudflare's API from the environment: <c>CLOUDFLARE_ACCOUNT_ID</c> and either
    /// <c>CLOUDFLARE_API_TOKEN</c> or <c>CLOUDFLARE_EMAIL</c> + <c>CLOUDFLARE_API_KEY</c>.
    /// </summary>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidOperationException"><c>CLOUDFLARE_ACCOUNT_ID</c> is not set.</exception>
    public static WorkflowsClientOptions FromEnvironment()
    {
        var accountId = Environment.GetEnvironmentVariable("CLOUDFLARE_ACCOUNT_ID");
        if (string.IsNullOrWhiteSpace(accountId))
        {
            throw new InvalidOperationException("CLOUDFLARE_ACCOUNT_ID is not set.");
        }

        return new WorkflowsClientOptions { AccountId = accountId };
    }

    /// <summary>
    /// Options for the local Workflows engine of <c>wrangler dev</c> listening on <paramref name="port"/> of 127.0.0.1.
    /// The same client code then runs against the local engine: <see cref="LocalDevelopmentPolicy"/> bridges the
    /// differences, no credentials are sent and the account id is not used.
    /// </summary>
    /// <param name="port">The port <c>wrangler dev</c> listens on (8787 by default).</param>
    /// <returns>The options.</returns>
    public static WorkflowsClientOptions ForLocalDevelopment(int port = 8787)
    {
        if (port is <= 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A TCP port is between 1 and 65535.");
        }

        return ForLocalDevelopment(new Uri($"http://127.0.0.1:{port}{LocalExplorerPath}"));
    }

    /// <summary>Options for a local Workflows engine at <paramref name="explorerApi"/> (e.g. <c>http://127.0.0.1:8787/cdn-cgi/explorer/api</c>).</summary>
    /// <param name="explorerApi">The local engine's REST API.</param>
    /// <returns>The options.</returns>
    public static WorkflowsClientOptions ForLocalDevelopment(Uri explorerApi)
    {
        if (explorerApi is null)
        {
            throw new ArgumentNullException(nameof(explorerApi));
        }

        var options = new WorkflowsClientOptions
        {
            BaseUri = explorerApi,
            AccountId = "local",
            AllowAnonymous = true,
            UseEnvironmentCredentials = false,
        };
        options.Policies.Add(new LocalDevelopmentPolicy());
        return options;
    }
}
