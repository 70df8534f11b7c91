using System.Text.Json;

namespace Cloudflare.Workflows.ContractTests.Calls;

/// <summary>One operation of the spec, called through the SDK.</summary>
/// <param name="OperationId">The upstream operation id (spec/UPSTREAM.json lists all 21).</param>
/// <param name="CSharpCall">The SDK method, as in spec/README.md.</param>
/// <param name="Variants">How many request shapes <see cref="Call"/> cycles through (required arguments only, every optional one, …).</param>
/// <param name="Call">Makes the call for round <c>r</c> with request shape <c>r % Variants</c>; reading the result is part of the call.</param>
internal sealed record ContractOperation(string OperationId, string CSharpCall, int Variants, Func<WorkflowsClient, int, Task> Call)
{
    public override string ToString() => OperationId;
}

/// <summary>
/// Every operation of the spec with arguments the spec allows: a request Prism rejects is a bug of the SDK (or of the
/// overlay), not of the test. Each operation has its required-arguments-only shape and shapes with its optional
/// arguments and body members, so Prism validates every query parameter and body member the SDK can send.
/// </summary>
internal static class ContractOperations
{
    /// <summary>32 hex digits, as every real account id (the overlay caps <c>account_id</c> at 32).</summary>
    public const string AccountId = "023e105f4ecef8ad9ca31a8372d0c353";

    private const string Workflow = "orders-workflow";
    private const string Instance = "order-1_a";
    private const string VersionId = "7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f";

    public static IReadOnlyList<ContractOperation> All { get; } = new ContractOperation[]
    {
        new("wor-list-workflows", "client.Workflows.ListAsync", 2, (c, r) => r % 2 == 0
            ? c.Workflows.ListAsync()
            : c.Workflows.ListAsync(perPage: 25, page: 2, search: "ord ers")),
        new("wor-get-workflow-details", "client.Workflows.GetAsync", 1, (c, _) => c.Workflows.GetAsync(Workflow)),
        new("wor-create-or-modify-workflow", "client.Workflows.UpdateAsync", 2, (c, r) => c.Workflows.UpdateAsync(Workflow, r % 2 == 0
            ? new WorkflowUpdateRequest { ClassName = "OrderWorkflow", ScriptName = "orders-worker" }
            : new WorkflowUpdateRequest
            {
                ClassName = "OrderWorkflow",
                ScriptName = "orders-worker",
                DefaultRetention = new DefaultRetention { ErrorRetention = 86_400_000L, SuccessRetention = "1 hour" },
                Limits = new WorkflowLimits { Steps = 500 },
                Schedules = new[] { new WorkflowScheduleRequest { Cron = "*/5 * * * *" } },
            })),
        new("wor-delete-workflow", "client.Workflows.DeleteAsync", 1, (c, _) => c.Workflows.DeleteAsync(Workflow)),
        new("wor-list-workflow-instances", "client.Instances.ListAsync", 3, (c, r) => (r % 3) switch
        {
            0 => c.Instances.ListAsync(Workflow),
            1 => c.Instances.ListAsync(Workflow, cursor: "c/1", perPage: 5, direction: SortDirection.Desc, status: InstanceStatus.RollingBack,
                dateStart: new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), dateEnd: new DateTimeOffset(2026, 8, 2, 0, 0, 0, TimeSpan.Zero)),
            _ => c.Instances.ListAsync(Workflow, page: 3, perPage: 100, status: InstanceStatus.WaitingForPause),
        }),
        new("wor-create-new-workflow-instance", "client.Instances.CreateAsync", 3, (c, r) => (r % 3) switch
        {
            0 => c.Instances.CreateAsync(Workflow),
            1 => c.Instances.CreateAsync(Workflow, new InstanceCreateRequest
            {
                InstanceId = Instance,
                Params = Json("""{"order":{"id":42,"items":["a","b"]},"rush":true}"""),
                LocationHint = LocationHint.Weur,
                InstanceRetention = new InstanceRetention { ErrorRetention = 60_000d, SuccessRetention = "5 minutes" },
            }),
            _ => c.Instances.CreateAsync(Workflow, new InstanceCreateRequest { InstanceId = new string('x', 100), Params = Json("[1,null,\"two\"]") }),
        }),
        new("wor-batch-create-workflow-instance", "client.Instances.CreateBatchAsync", 2, (c, r) => c.Instances.CreateBatchAsync(Workflow, r % 2 == 0
            ? new[] { new InstanceCreateRequest() }
            : new[]
            {
                new InstanceCreateRequest { InstanceId = "a", Params = Json("\"text\"") },
                new InstanceCreateRequest { InstanceId = "b", Params = Json("{\"n\":1}"), LocationHint = LocationHint.Apac, InstanceRetention = new InstanceRetention { SuccessRetention = 1000d } },
            })),
        new("wor-batch-delete-workflow-instances", "client.Instances.DeleteBatchAsync", 1, (c, _) =>
            c.Instances.DeleteBatchAsync(Workflow, new InstanceBatchDeleteRequest { Instances = new[] { Instance, "b" } })),
        new("wor-batch-terminate-workflow-instances", "client.Instances.TerminateBatchAsync", 1, (c, _) => c.Instances.TerminateBatchAsync(Workflow, new[] { Instance, "b" })),
        new("wor-status-terminate-workflow-instances", "client.Instances.GetTerminateStatusAsync", 1, (c, _) => c.Instances.GetTerminateStatusAsync(Workflow)),
        new("wor-describe-workflow-instance", "client.Instances.GetAsync", 2, (c, r) => r % 2 == 0
            ? c.Instances.GetAsync(Workflow, Instance)
            : c.Instances.GetAsync(Workflow, Instance, SortDirection.Desc, simple: true)),
        new("wor-delete-workflow-instance", "client.Instances.DeleteAsync", 1, (c, _) => c.Instances.DeleteAsync(Workflow, Instance)),
        new("wor-change-status-workflow-instance", "client.Instances.ChangeStatusAsync", 5, (c, r) => c.Instances.ChangeStatusAsync(Workflow, Instance, (r % 5) switch
        {
            0 => new InstanceStatusChangeRequest { Status = InstanceAction.Pause },
            1 => new InstanceStatusChangeRequest { Status = InstanceAction.Resume },
            2 => new InstanceStatusChangeRequest { Status = InstanceAction.Terminate, Rollback = true },
            3 => new InstanceStatusChangeRequest { Status = InstanceAction.Restart },
            _ => new InstanceStatusChangeRequest { Status = InstanceAction.Restart, From = new RestartFrom { Name = "charge", Count = 2, Type = StepKind.Do } },
        })),
        new("wor-send-event-workflow-instance", "client.Instances.SendEventAsync", 3, (c, r) => (r % 3) switch
        {
            0 => c.Instances.SendEventAsync(Workflow, Instance, "approve"),
            1 => c.Instances.SendEventAsync(Workflow, Instance, "approve", Json("""{"approved":true,"by":"ops"}""")),
            _ => c.Instances.SendEventAsync(Workflow, Instance, "approve-2", Json("[true]")),
        }),
        new("wor-get-workflow-instance-step", "client.Instances.GetStepAsync", 2, (c, r) => r % 2 == 0
            ? c.Instances.GetStepAsync(Workflow, Instance, "charge-1", StepOutputKind.Step)
            : c.Instances.GetStepAsync(Workflow, Instance, "approval 1", StepOutputKind.WaitForEvent, attempt: 2)),
        new("wor-list-workflow-versions", "client.Versions.ListAsync", 2, (c, r) => r % 2 == 0
            ? c.Versions.ListAsync(Workflow)
            : c.Versions.ListAsync(Workflow, perPage: 20, page: 2)),
        new("wor-describe-workflow-versions", "client.Versions.GetAsync", 1, (c, _) => c.Versions.GetAsync(Workflow, VersionId)),
        new("wor-describe-workflow-versions-graph", "client.Versions.GetGraphAsync", 1, (c, _) => c.Versions.GetGraphAsync(Workflow, VersionId)),
        new("wor-describe-workflow-versions-dag", "client.Versions.GetDagAsync", 1, (c, _) => c.Versions.GetDagAsync(Workflow, VersionId)),
        new("wor-get-workflow-settings", "client.Settings.GetAsync", 1, (c, _) => c.Settings.GetAsync()),
        new("wor-update-workflow-settings", "client.Settings.UpdateAsync", 3, (c, r) => (r % 3) switch
        {
            0 => c.Settings.UpdateAsync(),
            1 => c.Settings.UpdateAsync(new WorkflowSettingsUpdateRequest { DefaultRetention = new DefaultRetention { SuccessRetention = "1 hour" } }),
            _ => c.Settings.UpdateAsync(new WorkflowSettingsUpdateRequest { DefaultRetention = new DefaultRetention { ErrorRetention = 604_800_000L, SuccessRetention = 3_600_000L } }),
        }),
    };

    /// <summary>The most request shapes of any operation: static mode runs this many rounds to send each shape once.</summary>
    public static int MaxVariants { get; } = All.Max(o => o.Variants);

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
