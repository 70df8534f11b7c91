namespace Cloudflare.Workflows;

/// <content>Hand-written additions to the generated open enum.</content>
public readonly partial struct InstanceStatus
{
    /// <summary>Whether the instance has stopped for good: complete, errored or terminated.</summary>
    public bool IsTerminal => this == Complete || this == Errored || this == Terminated;
}
