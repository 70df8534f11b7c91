namespace Acme.Flows.App;

// workflow_id was removed from InstanceCreated by the bumped spec: this must no longer compile.
internal static class UsesRemovedMember
{
    public static string? WorkflowOf(Acme.Flows.InstanceCreated created) => created.WorkflowId;
}
