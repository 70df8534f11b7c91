namespace Acme.Flows;

// A user's own additions to the generated types, through partial declarations. They must survive every regeneration.

/// <content>An extra stored property and a computed one on a generated record.</content>
public partial record InstanceCreated
{
    /// <summary>A note the app keeps with the instance (not part of the API).</summary>
    public string? Note { get; init; }

    /// <summary>A display label built from generated properties.</summary>
    public string Label => $"{Id} [{Status?.Value ?? "unknown"}]";
}

/// <content>A convenience method on a generated operations client.</content>
public partial class InstancesClient
{
    /// <summary>Creates an instance and reads it back.</summary>
    public async Task<InstanceDetails> CreateAndGetAsync(string workflowName, string instanceId, CancellationToken cancellationToken = default)
    {
        var created = await CreateAsync(workflowName, new InstanceCreateRequest { InstanceId = instanceId }, cancellationToken: cancellationToken);
        return await GetAsync(workflowName, created.Id, cancellationToken: cancellationToken);
    }
}

/// <content>A convenience member on the generated root client.</content>
public partial class FlowsClient
{
    /// <summary>Where this client sends requests by default.</summary>
    public static string Describe() => $"default base {DefaultBaseUri}";
}
