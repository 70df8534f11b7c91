using Cloudflare.Workflows.Tests.Samples;

namespace Cloudflare.Workflows.Tests.Responses;

/// <summary>What the real Workflows engine returns (ENGINE.md section 4) reads without loss.</summary>
public sealed class EngineResponseTests
{
    private static async Task<InstanceDetails> GetAsync(string json)
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(json);
        return await client.Instances.GetAsync("demo", "order-1");
    }

    [Fact]
    public async Task Completed_instance_keeps_an_object_output_and_its_params()
    {
        var details = await GetAsync(EngineResponses.CompletedDetails);

        Assert.Equal(InstanceStatus.Complete, details.Status);
        Assert.True(details.Status.IsKnown);
        JsonAssert.Equal("""{"customer":"acme","amount":12.5}""", details.Params);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 19, 46, 30, 471, TimeSpan.Zero), details.Queued);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 19, 46, 48, 785, TimeSpan.Zero), details.End);
        Assert.Null(details.Error);
        Assert.Equal(6, details.StepCount);
        Assert.Null(details.Success);
        Assert.Null(details.Trigger);
        Assert.Null(details.VersionId);

        var output = details.Output!.Value;
        Assert.True(output.IsOther);
        Assert.False(output.IsString);
        Assert.False(output.IsNumber);
        JsonAssert.Equal(
            """
            {"obj":{"a":1,"b":"two","nested":{"c":[1,2,3]}},"num":42,"str":"hello",
             "approval":{"payload":{"approved_by":"alice","n":3},"type":"approve","timestamp":"2026-11-23T19:46:48.754Z"},
             "flaky":{"ok":true}}
            """,
            output.OtherJson);
        Assert.Throws<InvalidOperationException>(() => output.AsString());
    }

    [Fact]
    public async Task Completed_instance_reads_every_step_in_order_with_its_type()
    {
        var details = await GetAsync(EngineResponses.CompletedDetails);

        Assert.Equal(
            new[] { "make-object-1", "make-number-1", "make-string-1", "nap-1", "approval-1", "flaky-1" },
            details.Steps!.Select(s => s switch
            {
                StepRun r => r.Name,
                StepSleep s2 => s2.Name,
                StepWaitForEvent w => w.Name,
                _ => "?",
            }));
        Assert.Equal(new[] { "step", "step", "step", "sleep", "waitForEvent", "step" }, details.Steps!.Select(s => s.Type));
    }

    [Fact]
    public async Task Step_outputs_read_as_object_number_and_string()
    {
        var details = await GetAsync(EngineResponses.CompletedDetails);
        var steps = details.Steps!;

        var obj = Assert.IsType<StepRun>(steps[0]).Output!.Value;
        Assert.True(obj.IsOther);
        JsonAssert.Equal("""{"a":1,"b":"two","nested":{"c":[1,2,3]}}""", obj.OtherJson);

        var number = Assert.IsType<StepRun>(steps[1]).Output!.Value;
        Assert.True(number.IsNumber);
        Assert.Equal(42d, number.AsNumber());

        var text = Assert.IsType<StepRun>(steps[2]).Output!.Value;
        Assert.True(text.IsString);
        Assert.Equal("hello", text.AsString());
    }

    [Fact]
    public async Task Retry_delay_reads_as_a_number_of_ms_and_as_the_string_given_by_code()
    {
        var details = await GetAsync(EngineResponses.CompletedDetails);

        var defaults = Assert.IsType<StepRun>(details.Steps![1]).Config!;
        Assert.Equal(new StepRetryConfig { Limit = 5, Delay = 1000d, Backoff = RetryBackoff.Exponential }, defaults.Retries);
        Assert.True(defaults.Retries!.Delay!.Value.IsNumber);
        Assert.Equal(new StringOrNumber("10 minutes"), defaults.Timeout);

        var custom = Assert.IsType<StepRun>(details.Steps[5]).Config!;
        Assert.Equal(new StepRetryConfig { Limit = 2, Delay = "1 second", Backoff = RetryBackoff.Constant }, custom.Retries);
        Assert.True(custom.Retries!.Delay!.Value.IsString);
    }

    [Fact]
    public async Task Sleep_and_wait_for_event_steps_read_with_their_fields()
    {
        var details = await GetAsync(EngineResponses.CompletedDetails);

        Assert.Equal(
            new StepSleep
            {
                Name = "nap-1",
                Start = new DateTimeOffset(2026, 11, 23, 19, 46, 30, 540, TimeSpan.Zero),
                End = new DateTimeOffset(2026, 11, 23, 19, 46, 32, 540, TimeSpan.Zero),
                Finished = true,
                Error = null,
            },
            details.Steps![3]);

        var wait = Assert.IsType<StepWaitForEvent>(details.Steps[4]);
        Assert.Equal("approval-1", wait.Name);
        Assert.True(wait.Finished);
        Assert.Null(wait.Error);
        Assert.Null(wait.Success);
        Assert.True(wait.Output!.Value.IsOther);
        JsonAssert.Equal("""{"type":"approve","payload":{"approved_by":"alice","n":3},"timestamp":"2026-11-23T19:46:48.754Z"}""", wait.Output.Value.OtherJson);
    }

    [Fact]
    public async Task Running_instance_reads_null_end_output_and_error_as_null()
    {
        var details = await GetAsync(EngineResponses.RunningDetails);

        Assert.Equal(InstanceStatus.Running, details.Status);
        Assert.Null(details.End);
        Assert.Null(details.Output);
        Assert.Null(details.Error);
        JsonAssert.Equal("{}", details.Params);
        var sleep = Assert.IsType<StepSleep>(details.Steps![1]);
        Assert.False(sleep.Finished);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 20, 50, 0, 30, TimeSpan.Zero), sleep.End);
    }

    [Fact]
    public async Task Errored_instance_reads_the_error_and_every_failed_attempt_and_no_step_output()
    {
        var details = await GetAsync(EngineResponses.ErroredDetails);

        Assert.Equal(InstanceStatus.Errored, details.Status);
        Assert.Equal(new ErrorInfo { Message = "boom: fail requested", Name = "Error" }, details.Error);
        Assert.Null(details.Output);
        var step = Assert.IsType<StepRun>(Assert.Single(details.Steps!));
        Assert.False(step.Success);
        Assert.Null(step.Output);
        Assert.Equal(3, step.Attempts!.Count);
        Assert.All(step.Attempts, a =>
        {
            Assert.False(a.Success);
            Assert.Equal(new ErrorInfo { Name = "Error", Message = "boom: fail requested" }, a.Error);
        });
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 19, 55, 1, 21, TimeSpan.Zero), step.Attempts[1].Start);
    }

    [Fact]
    public async Task Timed_out_wait_reads_its_error_and_null_output()
    {
        var details = await GetAsync(EngineResponses.WaitTimedOutDetails);

        Assert.Equal(new ErrorInfo { Message = "WorkflowTimeoutError: Execution timed out after 2000ms", Name = "Error" }, details.Error);
        var wait = Assert.IsType<StepWaitForEvent>(Assert.Single(details.Steps!));
        Assert.True(wait.Finished);
        Assert.Equal(new ErrorInfo { Name = "WorkflowTimeoutError", Message = string.Empty }, wait.Error);
        Assert.Null(wait.Output);
    }

    [Fact]
    public async Task Engine_list_reads_partial_items_and_page_numbers_and_ignores_status_counts()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(EngineResponses.ListPage);

        var page = await client.Instances.ListAsync("demo", page: 2, perPage: 2);

        Assert.Equal(3, page.Count);
        Assert.Equal(new InstanceSummary { Id = "order-2", Status = InstanceStatus.Running, CreatedOn = new DateTimeOffset(2026, 11, 23, 19, 47, 0, TimeSpan.Zero) }, page[0]);
        Assert.Equal(InstanceStatus.Complete, page[1].Status);
        Assert.Equal(new InstanceSummary { Id = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" }, page[2]);
        Assert.Equal(new CloudflareResultInfo { Page = 2, PerPage = 2, TotalCount = 7, TotalPages = 4 }, page.ResultInfo);
    }

    [Fact]
    public async Task Engine_create_reads_an_id_only_result()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(EngineResponses.Created);

        var created = await client.Instances.CreateAsync("demo", new InstanceCreateRequest { InstanceId = "order-1" });

        Assert.Equal(new InstanceCreated { Id = "order-1" }, created);
    }

    [Fact]
    public async Task Engine_status_change_reads_a_result_without_status_or_timestamp()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(EngineResponses.StatusChanged);

        var change = await client.Instances.ChangeStatusAsync("demo", "order-1", InstanceAction.Pause);

        Assert.Equal(new InstanceStatusChange(), change);
    }

    [Fact]
    public async Task Engine_event_acceptance_completes()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(EngineResponses.EventAccepted);

        await client.Instances.SendEventAsync("demo", "order-1", "approve", JsonAssert.Parse("""{"approved_by":"alice","n":3}"""));

        Assert.Single(handler.Requests);
    }
}
