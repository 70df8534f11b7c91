namespace Cloudflare.Workflows.OperationTests;

/// <summary>
/// client.Instances: the six 0.1.0 operations with what the bump added (rollingBack, rollback steps, schedule,
/// location_hint, terminate with rollback) and the five new ones (delete, step output, batch delete/terminate,
/// terminate-all status).
/// </summary>
public sealed class InstanceOperationTests
{
    private const string Base = TestClient.AccountBase + "/workflows/orders/instances";

    [Fact]
    public async Task List_sends_the_query_in_order_and_reads_rollingBack()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success(
            """[{"id":"order-1","status":"rollingBack","trigger_source":"api","created_on":"2026-08-01T10:00:00Z","version_id":"7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f"}]""",
            """{"count":1,"per_page":5,"total_count":1,"cursor":"next"}"""));

        var page = await client.Instances.ListAsync("orders", cursor: "c/1", perPage: 5, direction: SortDirection.Desc, status: InstanceStatus.RollingBack,
            dateStart: new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("GET", handler.Single.Method);
        Assert.Equal(Base + "?cursor=c%2F1&per_page=5&direction=desc&status=rollingBack&date_start=2026-08-01T00%3A00%3A00.000Z", handler.Single.AbsoluteUri);
        var instance = Assert.Single(page);
        Assert.Equal(InstanceStatus.RollingBack, instance.Status);
        Assert.True(instance.Status!.Value.IsKnown);
        Assert.Equal(TriggerSource.Api, instance.TriggerSource);
    }

    [Fact]
    public async Task Create_sends_any_json_params_and_the_location_hint()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"id":"order-1","status":"queued","trigger_source":"api","version_id":"7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f","workflow_id":"2f1e8a1c-5a7e-4a6b-9c3b-0d2e6f7a8b9c"}"""));

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest
        {
            InstanceId = "order-1",
            Params = JsonAssert.Parse("""[1,{"a":null}]"""),
            LocationHint = LocationHint.Weur,
            InstanceRetention = new InstanceRetention { ErrorRetention = 60000d, SuccessRetention = "5 minutes" },
        });

        Assert.Equal("POST " + Base, handler.Single.Method + " " + handler.Single.AbsoluteUri);
        JsonAssert.Equal("""{"instance_id":"order-1","instance_retention":{"error_retention":60000,"success_retention":"5 minutes"},"location_hint":"weur","params":[1,{"a":null}]}""", handler.Single.BodyText);
        Assert.Equal("order-1", created.Id);
        Assert.Equal(InstanceStatus.Queued, created.Status);
        Assert.Equal("2f1e8a1c-5a7e-4a6b-9c3b-0d2e6f7a8b9c", created.WorkflowId);
    }

    [Fact]
    public async Task CreateBatch_sends_the_array_and_reads_every_instance()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""[{"id":"a","status":"queued"},{"id":"b","status":"queued"}]"""));

        var created = await client.Instances.CreateBatchAsync("orders", new[] { new InstanceCreateRequest { InstanceId = "a" }, new InstanceCreateRequest { InstanceId = "b", Params = JsonAssert.Parse("\"text\"") } });

        Assert.Equal("POST " + Base + "/batch", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        JsonAssert.Equal("""[{"instance_id":"a"},{"instance_id":"b","params":"text"}]""", handler.Single.BodyText);
        Assert.Equal(new[] { "a", "b" }, created.Select(c => c.Id));
    }

    [Fact]
    public async Task Get_sends_order_and_simple_and_reads_rollback_schedule_and_a_rollback_step()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""
            {"status":"rollingBack","queued":"2026-08-01T10:00:00Z","start":"2026-08-01T10:00:01Z","end":null,"output":null,"error":null,"params":{"a":1},
             "rollback":{"outcome":"failed","error":{"message":"undo failed","name":"Error"}},"schedule":{"cron":"0 * * * *","scheduledTime":1785578400000},
             "step_count":2,"success":null,"trigger":{"source":"cron"},"versionId":"7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f",
             "steps":[
               {"type":"step","name":"charge-1","start":"2026-08-01T10:00:01Z","end":"2026-08-01T10:00:02Z","success":true,"output":{"charged":12.5},
                "config":{"retries":{"limit":5,"delay":1000,"backoff":"exponential"},"timeout":"10 minutes","sensitive":"output"},
                "attempts":[{"start":"2026-08-01T10:00:01Z","end":"2026-08-01T10:00:02Z","success":true,"error":null}]},
               {"type":"rollback","name":"charge-1","start":"2026-08-01T10:00:03Z","end":null,"success":null,
                "config":{"retries":{"limit":0,"delay":"1 second"},"timeout":30000},"attempts":[]}]}
            """));

        var details = await client.Instances.GetAsync("orders", "order 1", SortDirection.Desc, simple: false);

        Assert.Equal(Base + "/order%201?order=desc&simple=false", handler.Single.AbsoluteUri);
        Assert.Equal(InstanceStatus.RollingBack, details.Status);
        Assert.Equal(RollbackOutcome.Failed, details.Rollback!.Outcome);
        Assert.Equal("undo failed", details.Rollback.Error!.Message);
        Assert.Equal("0 * * * *", details.Schedule!.Cron);
        Assert.Equal(1785578400000d, details.Schedule.ScheduledTime);
        Assert.Equal(TriggerSource.Cron, details.Trigger!.Source);
        var run = Assert.IsType<StepRun>(details.Steps![0]);
        Assert.Equal("step", run.Type);
        Assert.True(run.Output!.Value.IsOther);
        Assert.Equal("output", run.Config!.Sensitive);
        var rollback = Assert.IsType<StepRun>(details.Steps[1]);
        Assert.Equal("rollback", rollback.Type);
        Assert.Null(rollback.Success);
        Assert.Equal("1 second", rollback.Config!.Retries!.Delay!.Value.AsString());
    }

    [Fact]
    public async Task Delete_reads_the_deleted_instance()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"instanceId":"order-1","timestamp":"2026-08-01T10:00:00Z"}"""));

        var deleted = await client.Instances.DeleteAsync("orders", "order-1");

        Assert.Equal("DELETE " + Base + "/order-1", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        Assert.Equal("order-1", deleted.InstanceId);
        Assert.Equal(new DateTimeOffset(2026, 8, 1, 10, 0, 0, TimeSpan.Zero), deleted.Timestamp);
    }

    [Fact]
    public async Task ChangeStatus_sends_terminate_with_rollback_and_restart_from()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"status":"rollingBack","timestamp":"2026-08-01T10:00:00Z"}"""));
        handler.RespondOk(Envelopes.Success("""{"status":"queued","timestamp":"2026-08-01T10:00:01Z"}"""));

        var terminated = await client.Instances.ChangeStatusAsync("orders", "order-1", new InstanceStatusChangeRequest { Status = InstanceAction.Terminate, Rollback = true });
        await client.Instances.ChangeStatusAsync("orders", "order-1", new InstanceStatusChangeRequest { Status = InstanceAction.Restart, From = new RestartFrom { Name = "charge", Count = 2, Type = StepKind.Do } });

        Assert.All(handler.Requests, r => Assert.Equal("PATCH " + Base + "/order-1/status", r.Method + " " + r.AbsoluteUri));
        JsonAssert.Equal("""{"rollback":true,"status":"terminate"}""", handler.Requests[0].BodyText);
        JsonAssert.Equal("""{"from":{"count":2,"name":"charge","type":"do"},"status":"restart"}""", handler.Requests[1].BodyText);
        Assert.Equal(InstanceStatus.RollingBack, terminated.Status);
    }

    [Fact]
    public async Task SendEvent_encodes_the_event_type_and_sends_any_json()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.SendEventAsync("orders", "order-1", "approve/now", JsonAssert.Parse("[true]"));

        Assert.Equal("POST " + Base + "/order-1/events/approve%2Fnow", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        JsonAssert.Equal("[true]", handler.Single.BodyText);
    }

    [Fact]
    public async Task GetStep_sends_name_type_and_attempt_and_reads_the_output()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"status":"complete","output":42,"event_type":null,"error":null}"""));

        var step = await client.Instances.GetStepAsync("orders", "order-1", "make number", StepOutputKind.Step, attempt: 2);

        Assert.Equal("GET " + Base + "/order-1/step?name=make%20number&type=step&attempt=2", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        Assert.True(step.IsJson);
        Assert.Equal(InstanceStatus.Complete, step.Json.Status);
        JsonAssert.Equal("42", step.Json.Output);
        Assert.Null(step.Json.Error);
    }

    [Fact]
    public async Task GetStep_reads_an_octet_stream_answer_as_bytes()
    {
        var (client, handler) = TestClient.Create();
        handler.Respond(HttpStatusCode.OK, "raw\u0001bytes", "application/octet-stream");

        var step = await client.Instances.GetStepAsync("orders", "order-1", "stream", StepOutputKind.Step);

        Assert.True(step.IsBinary);
        Assert.Equal("application/octet-stream", step.Binary.ContentType);
        Assert.Equal(Encoding.UTF8.GetBytes("raw\u0001bytes"), step.Binary.ToArray());
    }

    [Fact]
    public async Task DeleteBatch_partial_success_is_a_result_not_an_exception()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"deleted":[{"id":"a"}],"errors":[{"id":"b","code":10501,"message":"Workflow instance 'b' not found."}]}"""));

        var result = await client.Instances.DeleteBatchAsync("orders", new InstanceBatchDeleteRequest { Instances = new[] { "a", "b" } });

        Assert.Equal("POST " + Base + "/batch/delete", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        JsonAssert.Equal("""{"instances":["a","b"]}""", handler.Single.BodyText);
        Assert.Equal("a", Assert.Single(result.Deleted).Id);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("b", 10501d), (error.Id, error.Code));
    }

    [Fact]
    public async Task TerminateBatch_sends_the_ids_and_reads_the_job_status()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"instancesTerminated":2,"status":"already_running"}"""));

        var result = await client.Instances.TerminateBatchAsync("orders", new[] { "a", "b" });

        Assert.Equal("POST " + Base + "/batch/terminate", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        JsonAssert.Equal("""["a","b"]""", handler.Single.BodyText);
        Assert.Equal(BatchTerminateStatus.AlreadyRunning, result.Status);
    }

    [Fact]
    public async Task GetTerminateStatus_is_the_literal_terminate_route_not_an_instance_named_terminate()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"status":"not_running"}"""));

        var status = await client.Instances.GetTerminateStatusAsync("orders");

        Assert.Equal("GET " + Base + "/terminate", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        Assert.Equal(TerminateAllState.NotRunning, status.Status);
    }
}
