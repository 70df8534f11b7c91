namespace Cloudflare.Workflows.OperationTests;

/// <summary>client.Workflows: list, get, update (PUT), delete.</summary>
public sealed class WorkflowOperationTests
{
    private const string Base = TestClient.AccountBase + "/workflows";

    private const string Summary = """
        {"class_name":"OrderWorkflow","created_on":"2026-08-01T10:00:00Z","id":"2f1e8a1c-5a7e-4a6b-9c3b-0d2e6f7a8b9c",
         "instances":{"complete":3,"errored":1,"paused":0,"queued":0,"rollingBack":2,"running":4,"terminated":0,"waiting":1,"waitingForPause":0},
         "modified_on":"2026-08-02T11:00:00Z","name":"orders","schedules":[{"cron":"*/5 * * * *","next_instance":"2026-08-02T11:05:00Z"}],
         "script_name":"orders-worker","triggered_on":null}
        """;

    [Fact]
    public async Task List_sends_page_per_page_and_search_and_reads_the_page()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[" + Summary + "]", """{"count":1,"per_page":10,"total_count":1,"page":2,"total_pages":1}"""));

        var page = await client.Workflows.ListAsync(perPage: 10, page: 2, search: "ord ers");

        Assert.Equal("GET", handler.Single.Method);
        Assert.Equal(Base + "?per_page=10&page=2&search=ord%20ers", handler.Single.AbsoluteUri);
        var workflow = Assert.Single(page);
        Assert.Equal("orders", workflow.Name);
        Assert.Equal("2f1e8a1c-5a7e-4a6b-9c3b-0d2e6f7a8b9c", workflow.Id);
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 10, 0, 0, TimeSpan.Zero), workflow.CreatedOn);
        Assert.Equal(2d, workflow.Instances.RollingBack);
        Assert.Equal("*/5 * * * *", Assert.Single(workflow.Schedules!).Cron);
        Assert.Null(workflow.TriggeredOn);
    }

    [Fact]
    public async Task Get_reads_the_details()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success(Summary));

        var workflow = await client.Workflows.GetAsync("orders");

        Assert.Equal("GET " + Base + "/orders", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        Assert.Equal("OrderWorkflow", workflow.ClassName);
        Assert.Equal(4d, workflow.Instances.Running);
    }

    [Fact]
    public async Task Update_puts_the_definition_and_reads_the_new_version()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""
            {"class_name":"OrderWorkflow","created_on":"2026-08-01T10:00:00Z","id":"2f1e8a1c-5a7e-4a6b-9c3b-0d2e6f7a8b9c","is_deleted":0,
             "modified_on":"2026-08-03T09:00:00Z","name":"orders","script_name":"orders-worker","terminator_running":0,"triggered_on":null,
             "version_id":"7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f"}
            """));

        var updated = await client.Workflows.UpdateAsync("orders", new WorkflowUpdateRequest
        {
            ClassName = "OrderWorkflow",
            ScriptName = "orders-worker",
            Limits = new WorkflowLimits { Steps = 500 },
            Schedules = new[] { new WorkflowScheduleRequest { Cron = "0 * * * *" } },
        });

        Assert.Equal("PUT", handler.Single.Method);
        Assert.Equal(Base + "/orders", handler.Single.AbsoluteUri);
        JsonAssert.Equal("""{"class_name":"OrderWorkflow","limits":{"steps":500},"schedules":[{"cron":"0 * * * *"}],"script_name":"orders-worker"}""", handler.Single.BodyText);
        Assert.Equal("7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f", updated.VersionId);
        Assert.Equal(0d, updated.IsDeleted);
    }

    [Fact]
    public async Task Delete_encodes_the_name_and_reads_the_status()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"status":"ok","success":true}"""));

        var deleted = await client.Workflows.DeleteAsync("a b");

        Assert.Equal("DELETE " + Base + "/a%20b", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        Assert.Equal("ok", deleted.Status);
        Assert.True(deleted.Success);
    }
}
