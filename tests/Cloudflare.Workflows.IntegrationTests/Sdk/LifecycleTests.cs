using System.Net;
using System.Text.Json.Serialization;
using Cloudflare.OpenApi;

namespace Cloudflare.Workflows.IntegrationTests.Sdk;

/// <summary>Events and status changes (pause, resume, terminate, restart) through the SDK, observed on the real engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class LifecycleTests : IDisposable
{
    private readonly LocalSdk _sdk;

    public LifecycleTests(EngineFixture fixture)
    {
        _sdk = new LocalSdk(fixture);
    }

    public void Dispose() => _sdk.Dispose();

    [Fact]
    public async Task Sending_the_awaited_event_with_a_typed_payload_completes_the_instance_with_it()
    {
        string id = EngineFixture.NewInstanceId("event");
        await _sdk.Instances.CreateAsync("approval", new InstanceCreateRequest { InstanceId = id });
        await _sdk.WaitUntilWaitingForEventAsync("approval", id);

        await _sdk.Instances.SendEventAsync("approval", id, "approve", new Approval("bob", 7, true), LifecycleJson.Default.Approval);
        InstanceDetails finished = await _sdk.WaitForEndAsync("approval", id);

        Assert.Equal(InstanceStatus.Complete, finished.Status);
        JsonAssert.Equal("""{"approvedBy":"bob","level":7,"final":true}""", finished.Output!.Value.OtherJson!.Value.GetProperty("approval").GetProperty("payload"));
        Assert.Equal("approve", finished.Output.Value.OtherJson.Value.GetProperty("approval").GetProperty("type").GetString());
        JsonAssert.Equal("""{"ok":true}""", finished.Output.Value.OtherJson.Value.GetProperty("flaky"));
    }

    [Fact]
    public async Task Pause_while_waiting_for_the_event_holds_the_instance_until_resume_then_it_completes()
    {
        string id = EngineFixture.NewInstanceId("pause-event");
        await _sdk.Instances.CreateAsync("approval", new InstanceCreateRequest { InstanceId = id });
        await _sdk.WaitUntilWaitingForEventAsync("approval", id);

        InstanceStatusChange paused = await _sdk.Instances.ChangeStatusAsync("approval", id, InstanceAction.Pause);
        InstanceDetails whilePaused = await _sdk.Instances.GetAsync("approval", id);
        // The engine keeps an event sent while paused and hands it over after resume.
        await _sdk.Instances.SendEventAsync("approval", id, "approve", TestJson.Parse("""{"while":"paused"}"""));
        InstanceDetails afterEvent = await _sdk.Instances.GetAsync("approval", id);
        InstanceStatusChange resumed = await _sdk.Instances.ChangeStatusAsync("approval", id, InstanceAction.Resume);
        InstanceDetails finished = await _sdk.WaitForEndAsync("approval", id);

        Assert.Equal(InstanceStatus.Paused, paused.Status);
        Assert.NotNull(paused.Timestamp);
        Assert.Equal(InstanceStatus.Paused, whilePaused.Status);
        Assert.Equal(InstanceStatus.Paused, afterEvent.Status);
        // The result reports the status read right after the resume: the kept event may already have let it finish.
        Assert.Contains(resumed.Status, new InstanceStatus?[] { InstanceStatus.Running, InstanceStatus.Complete });
        Assert.Equal(InstanceStatus.Complete, finished.Status);
        JsonAssert.Equal("""{"while":"paused"}""", finished.Output!.Value.OtherJson!.Value.GetProperty("approval").GetProperty("payload"));
    }

    [Fact]
    public async Task Pause_during_a_long_sleep_then_resume_then_terminate()
    {
        string id = EngineFixture.NewInstanceId("pause-sleep");
        await _sdk.Instances.CreateAsync("sleepy", new InstanceCreateRequest { InstanceId = id });
        await _sdk.WaitUntilSleepingAsync("sleepy", id, "long-nap-1");

        InstanceStatusChange paused = await _sdk.Instances.ChangeStatusAsync("sleepy", id, InstanceAction.Pause);
        InstanceDetails whilePaused = await _sdk.Instances.GetAsync("sleepy", id);
        InstanceStatusChange resumed = await _sdk.Instances.ChangeStatusAsync("sleepy", id, InstanceAction.Resume);
        InstanceDetails afterResume = await _sdk.WaitForAsync("sleepy", id, details => details.Status == InstanceStatus.Running, "running again");
        InstanceStatusChange terminated = await _sdk.Instances.ChangeStatusAsync("sleepy", id, InstanceAction.Terminate);
        InstanceDetails end = await _sdk.Instances.GetAsync("sleepy", id);

        Assert.Equal(InstanceStatus.Paused, paused.Status);
        Assert.Equal(InstanceStatus.Paused, whilePaused.Status);
        Assert.Equal(InstanceStatus.Running, resumed.Status);
        Assert.Equal(new[] { "before-1", "long-nap-1" }, afterResume.Steps!.Select(step => step is StepRun run ? run.Name : ((StepSleep)step).Name));
        Assert.Equal(InstanceStatus.Terminated, terminated.Status);
        Assert.Equal(InstanceStatus.Terminated, end.Status);
    }

    [Fact]
    public async Task Terminate_stops_a_sleeping_instance_for_good()
    {
        string id = EngineFixture.NewInstanceId("terminate");
        await _sdk.Instances.CreateAsync("sleepy", new InstanceCreateRequest { InstanceId = id });
        await _sdk.WaitUntilSleepingAsync("sleepy", id, "long-nap-1");

        InstanceStatusChange change = await _sdk.Instances.ChangeStatusAsync("sleepy", id, new InstanceStatusChangeRequest { Status = InstanceAction.Terminate });
        InstanceDetails terminated = await _sdk.Instances.GetAsync("sleepy", id);

        Assert.Equal(InstanceStatus.Terminated, change.Status);
        Assert.True(change.Timestamp > DateTimeOffset.UtcNow.AddMinutes(-1), $"timestamp {change.Timestamp:O}");
        Assert.Equal(InstanceStatus.Terminated, terminated.Status);
        Assert.True(terminated.Status.IsTerminal);
        Assert.NotNull(terminated.End);
        Assert.Null(terminated.Output);
        Assert.Null(terminated.Error);
        // The engine has no termination step: the interrupted sleep simply never finishes.
        Assert.Equal(2, terminated.Steps!.Count);
        StepRun before = Assert.IsType<StepRun>(terminated.Steps[0]);
        Assert.Equal("started", before.Output!.Value.AsString());
        StepSleep nap = Assert.IsType<StepSleep>(terminated.Steps[1]);
        Assert.Equal("long-nap-1", nap.Name);
        Assert.False(nap.Finished);
        Assert.Null(nap.End);
    }

    [Fact]
    public async Task Restart_from_terminated_runs_the_instance_again_from_the_first_step_with_the_same_params()
    {
        string id = EngineFixture.NewInstanceId("restart");
        await _sdk.Instances.CreateAsync("sleepy", new InstanceCreateRequest { InstanceId = id, Params = TestJson.Parse("""{"run":1}""") });
        InstanceDetails firstRun = await _sdk.WaitUntilSleepingAsync("sleepy", id, "long-nap-1");
        await _sdk.Instances.ChangeStatusAsync("sleepy", id, InstanceAction.Terminate);
        InstanceDetails terminated = await _sdk.Instances.GetAsync("sleepy", id);

        InstanceStatusChange restart = await _sdk.Instances.ChangeStatusAsync("sleepy", id, InstanceAction.Restart);
        InstanceDetails secondRun = await _sdk.WaitForAsync(
            "sleepy",
            id,
            details => details.Steps?.OfType<StepRun>().Any(step => step.Name == "before-1" && step.Start > terminated.End) == true
                && details.Steps.OfType<StepSleep>().Any(sleep => sleep.Name == "long-nap-1" && sleep.Finished == false),
            "run again from its first step");
        await _sdk.Instances.ChangeStatusAsync("sleepy", id, InstanceAction.Terminate);

        Assert.Equal(InstanceStatus.Terminated, terminated.Status);
        Assert.Equal(InstanceStatus.Running, restart.Status);
        Assert.Equal(InstanceStatus.Running, secondRun.Status);
        Assert.True(secondRun.Queued > firstRun.Queued, $"queued {firstRun.Queued:O} then {secondRun.Queued:O}");
        Assert.Null(secondRun.End);
        JsonAssert.Equal("""{"run":1}""", secondRun.Params);
        StepRun before = Assert.IsType<StepRun>(secondRun.Steps![0]);
        Assert.Equal("before-1", before.Name);
        Assert.True(before.Success);
        Assert.Single(before.Attempts!);
        Assert.Equal(2, secondRun.Steps.Count);
    }

    [Fact]
    public async Task Terminating_a_finished_instance_fails_with_the_engine_reason_and_changes_nothing()
    {
        string id = EngineFixture.NewInstanceId("finished");
        await _sdk.Instances.CreateAsync("quick", new InstanceCreateRequest { InstanceId = id });
        await _sdk.WaitForEndAsync("quick", id);

        CloudflareApiException failure = await Assert.ThrowsAnyAsync<CloudflareApiException>(
            () => _sdk.Instances.ChangeStatusAsync("quick", id, InstanceAction.Terminate));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        CloudflareMessage error = Assert.Single(failure.Errors);
        Assert.Equal(10001, error.Code);
        Assert.Contains("instance.cannot_terminate", error.Message, StringComparison.Ordinal);
        Assert.Equal(InstanceStatus.Complete, (await _sdk.Instances.GetAsync("quick", id)).Status);
    }
}

/// <summary>An event payload sent with the typed, source-generated overload of SendEventAsync.</summary>
public sealed record Approval(string ApprovedBy, int Level, bool Final);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Approval))]
internal sealed partial class LifecycleJson : JsonSerializerContext;
