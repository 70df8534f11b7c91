using Cloudflare.Workflows.Tests.Samples;

namespace Cloudflare.Workflows.Tests.Responses;

/// <summary>The example responses of Cloudflare's reference pages read into the right values.</summary>
public sealed class SeedResponseTests
{
    [Fact]
    public async Task List_seed_reads_every_summary_field_and_the_result_info()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(SeedResponses.List);

        var page = await client.Instances.ListAsync("x");

        var summary = Assert.Single(page);
        Assert.Equal(
            new InstanceSummary
            {
                Id = "x",
                CreatedOn = SeedResponses.Timestamp,
                EndedOn = SeedResponses.Timestamp,
                ModifiedOn = SeedResponses.Timestamp,
                StartedOn = SeedResponses.Timestamp,
                Status = InstanceStatus.Queued,
                VersionId = SeedResponses.Uuid,
                WorkflowId = SeedResponses.Uuid,
            },
            summary);
        Assert.Equal(TimeSpan.Zero, summary.CreatedOn!.Value.Offset);
        Assert.Equal(
            new CloudflareResultInfo { Count = 0, PerPage = 0, TotalCount = 0, Cursor = "cursor", Page = 0, TotalPages = null },
            page.ResultInfo);
    }

    [Fact]
    public async Task Get_seed_reads_the_instance_and_its_step_run()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(SeedResponses.Get);

        var details = await client.Instances.GetAsync("x", "x");

        Assert.Equal(SeedResponses.Timestamp, details.End);
        Assert.Equal(new ErrorInfo { Message = "message", Name = "name" }, details.Error);
        Assert.True(details.Output!.Value.IsString);
        Assert.Equal("string", details.Output.Value.AsString());
        JsonAssert.Equal("{}", details.Params);
        Assert.Equal(SeedResponses.Timestamp, details.Queued);
        Assert.Equal(SeedResponses.Timestamp, details.Start);
        Assert.Equal(InstanceStatus.Queued, details.Status);
        Assert.Equal(0, details.StepCount);
        Assert.True(details.Success);
        Assert.Equal(TriggerSource.Unknown, details.Trigger!.Source);
        Assert.Equal(SeedResponses.Uuid, details.VersionId);

        var step = Assert.IsType<StepRun>(Assert.Single(details.Steps!));
        Assert.Equal("step", step.Type);
        Assert.Equal("name", step.Name);
        Assert.Equal(SeedResponses.Timestamp, step.Start);
        Assert.Equal(SeedResponses.Timestamp, step.End);
        Assert.Equal(new StringOrNumber("output"), step.Output);
        Assert.True(step.Success);
        var attempt = Assert.Single(step.Attempts!);
        Assert.Equal(
            new StepAttempt { Start = SeedResponses.Timestamp, End = SeedResponses.Timestamp, Success = true, Error = new ErrorInfo { Message = "message", Name = "name" } },
            attempt);
        Assert.Equal(
            new StepConfig
            {
                Retries = new StepRetryConfig { Delay = "string", Limit = 0, Backoff = RetryBackoff.Constant },
                Timeout = "string",
            },
            step.Config);
    }

    [Fact]
    public async Task Create_seed_reads_the_created_instance()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(SeedResponses.Create);

        var created = await client.Instances.CreateAsync("x", new InstanceCreateRequest());

        Assert.Equal(
            new InstanceCreated { Id = "x", Status = InstanceStatus.Queued, VersionId = SeedResponses.Uuid, WorkflowId = SeedResponses.Uuid },
            created);
    }

    [Fact]
    public async Task CreateBatch_seed_reads_the_created_instances()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(SeedResponses.CreateBatch);

        var created = await client.Instances.CreateBatchAsync("x", new[] { new InstanceCreateRequest { InstanceId = "x" } });

        Assert.Equal(
            new[] { new InstanceCreated { Id = "x", Status = InstanceStatus.Queued, VersionId = SeedResponses.Uuid, WorkflowId = SeedResponses.Uuid } },
            created);
    }

    [Fact]
    public async Task ChangeStatus_seed_reads_status_and_timestamp()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(SeedResponses.ChangeStatus);

        var change = await client.Instances.ChangeStatusAsync("x", "x", InstanceAction.Resume);

        Assert.Equal(new InstanceStatusChange { Status = InstanceStatus.Queued, Timestamp = SeedResponses.Timestamp }, change);
    }

    [Fact]
    public async Task SendEvent_seed_is_accepted()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(SeedResponses.SendEvent);

        await client.Instances.SendEventAsync("x", "x", "x");

        Assert.Equal("POST", handler.Single.Method);
    }
}
