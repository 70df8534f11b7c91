using System.Text.Json;

namespace Cloudflare.Workflows.IntegrationTests.Sdk;

/// <summary>
/// <see cref="InstancesClient.GetAsync"/> against real engine output: every step variant the engine produces,
/// read into the generated models with its actual values, and the <c>order</c> / <c>simple</c> options.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class InstanceDetailsTests : IDisposable
{
    private readonly LocalSdk _sdk;

    public InstanceDetailsTests(EngineFixture fixture)
    {
        _sdk = new LocalSdk(fixture);
    }

    public void Dispose() => _sdk.Dispose();

    [Fact]
    public async Task Completed_approval_instance_has_every_step_variant_with_its_real_values()
    {
        string id = EngineFixture.NewInstanceId("details");
        await _sdk.Instances.CreateAsync("approval", new InstanceCreateRequest { InstanceId = id, Params = TestJson.Parse("""{"customer":"acme","amount":12.5}""") });
        InstanceDetails waiting = await _sdk.WaitUntilWaitingForEventAsync("approval", id);
        await _sdk.Instances.SendEventAsync("approval", id, "approve", TestJson.Parse("""{"approved_by":"alice","n":3}"""));
        InstanceDetails details = await _sdk.WaitForEndAsync("approval", id);

        // While it waits, the engine reports "running" (never "waiting") and the wait step has no output yet.
        Assert.Equal(InstanceStatus.Running, waiting.Status);
        StepWaitForEvent pending = Assert.IsType<StepWaitForEvent>(waiting.Steps![^1]);
        Assert.Equal("approval-1", pending.Name);
        Assert.False(pending.Finished);
        Assert.Null(pending.Output);
        Assert.Null(pending.End);

        Assert.Equal(InstanceStatus.Complete, details.Status);
        Assert.Null(details.Error);
        JsonAssert.Equal("""{"customer":"acme","amount":12.5}""", details.Params);
        Assert.Equal(6, details.StepCount);
        Assert.NotNull(details.Queued);
        Assert.NotNull(details.Start);
        Assert.True(details.End >= details.Start, $"end {details.End} before start {details.Start}");
        Assert.Equal(
            new[] { "make-object-1", "make-number-1", "make-string-1", "nap-1", "approval-1", "flaky-1" },
            details.Steps!.Select(NameOf));

        // step.do with the default retry policy: {limit: 5, delay: 1000 (a number of ms), backoff: exponential}.
        StepRun makeObject = Assert.IsType<StepRun>(details.Steps![0]);
        AssertSucceededOnFirstAttempt(makeObject);
        AssertDefaultConfig(makeObject);
        JsonAssert.Other("""{"a":1,"b":"two","nested":{"c":[1,2,3]}}""", makeObject.Output);

        StepRun makeNumber = Assert.IsType<StepRun>(details.Steps[1]);
        AssertSucceededOnFirstAttempt(makeNumber);
        AssertDefaultConfig(makeNumber);
        Assert.True(makeNumber.Output!.Value.IsNumber, $"output {makeNumber.Output}");
        Assert.Equal(42d, makeNumber.Output.Value.AsNumber());

        StepRun makeString = Assert.IsType<StepRun>(details.Steps[2]);
        AssertSucceededOnFirstAttempt(makeString);
        AssertDefaultConfig(makeString);
        Assert.True(makeString.Output!.Value.IsString, $"output {makeString.Output}");
        Assert.Equal("hello", makeString.Output.Value.AsString());

        // step.sleep("nap", "2 seconds") really sleeps.
        StepSleep nap = Assert.IsType<StepSleep>(details.Steps[3]);
        Assert.Equal("sleep", nap.Type);
        Assert.True(nap.Finished);
        Assert.Null(nap.Error);
        Assert.True(nap.End - nap.Start >= TimeSpan.FromSeconds(1.9), $"nap from {nap.Start:O} to {nap.End:O}");

        // step.waitForEvent: the output is the event as received, with the payload exactly as sent.
        StepWaitForEvent approval = Assert.IsType<StepWaitForEvent>(details.Steps[4]);
        Assert.Equal("waitForEvent", approval.Type);
        Assert.True(approval.Finished);
        Assert.Null(approval.Error);
        Assert.True(approval.Output!.Value.IsOther, $"output {approval.Output}");
        JsonElement received = approval.Output.Value.OtherJson!.Value;
        Assert.Equal("approve", received.GetProperty("type").GetString());
        JsonAssert.Equal("""{"approved_by":"alice","n":3}""", received.GetProperty("payload"));
        Assert.True(DateTimeOffset.TryParse(received.GetProperty("timestamp").GetString(), out _), received.GetRawText());

        // step.do with an explicit policy: the delay stays the string the code gave.
        StepRun flaky = Assert.IsType<StepRun>(details.Steps[5]);
        AssertSucceededOnFirstAttempt(flaky);
        Assert.Equal(2d, flaky.Config!.Retries!.Limit);
        Assert.True(flaky.Config.Retries.Delay!.Value.IsString, $"delay {flaky.Config.Retries.Delay}");
        Assert.Equal("1 second", flaky.Config.Retries.Delay.Value.AsString());
        Assert.Equal(RetryBackoff.Constant, flaky.Config.Retries.Backoff);
        JsonAssert.Other("""{"ok":true}""", flaky.Output);

        // The workflow's return value.
        Assert.True(details.Output!.Value.IsOther, $"output {details.Output}");
        JsonElement output = details.Output.Value.OtherJson!.Value;
        JsonAssert.Equal("""{"a":1,"b":"two","nested":{"c":[1,2,3]}}""", output.GetProperty("obj"));
        Assert.Equal(42, output.GetProperty("num").GetInt32());
        Assert.Equal("hello", output.GetProperty("str").GetString());
        JsonAssert.Equal(received.GetRawText(), output.GetProperty("approval"));
        JsonAssert.Equal("""{"ok":true}""", output.GetProperty("flaky"));
    }

    [Fact]
    public async Task Order_desc_reverses_the_steps_and_simple_drops_them_but_keeps_the_count()
    {
        string id = EngineFixture.NewInstanceId("order");
        await _sdk.Instances.CreateAsync("sleepy", new InstanceCreateRequest { InstanceId = id });
        await _sdk.WaitUntilSleepingAsync("sleepy", id, "long-nap-1");

        InstanceDetails ascending = await _sdk.Instances.GetAsync("sleepy", id, order: SortDirection.Asc);
        InstanceDetails byDefault = await _sdk.Instances.GetAsync("sleepy", id);
        InstanceDetails descending = await _sdk.Instances.GetAsync("sleepy", id, order: SortDirection.Desc);
        InstanceDetails simple = await _sdk.Instances.GetAsync("sleepy", id, simple: true);
        await _sdk.Instances.ChangeStatusAsync("sleepy", id, InstanceAction.Terminate);

        Assert.Equal(new[] { "before-1", "long-nap-1" }, ascending.Steps!.Select(NameOf));
        Assert.Equal(ascending.Steps, byDefault.Steps);
        Assert.Equal(new[] { "long-nap-1", "before-1" }, descending.Steps!.Select(NameOf));
        Assert.Equal(ascending.Steps!.Reverse(), descending.Steps);
        Assert.Equal(InstanceStatus.Running, simple.Status);
        Assert.Null(simple.Steps);
        Assert.Equal(2, simple.StepCount);
        Assert.Equal(ascending.Start, simple.Start);
        StepRun before = Assert.IsType<StepRun>(ascending.Steps![0]);
        Assert.Equal("started", before.Output!.Value.AsString());
    }

    private static string NameOf(InstanceStep step) => step switch
    {
        StepRun run => run.Name,
        StepSleep sleep => sleep.Name,
        StepWaitForEvent wait => wait.Name,
        UnknownInstanceStep unknown => "unknown:" + unknown.Tag,
        _ => step.Type,
    };

    private static void AssertSucceededOnFirstAttempt(StepRun step)
    {
        Assert.Equal("step", step.Type);
        Assert.True(step.Success, $"{step.Name} success {step.Success}");
        StepAttempt attempt = Assert.Single(step.Attempts!);
        Assert.True(attempt.Success);
        Assert.Null(attempt.Error);
        Assert.True(attempt.End >= attempt.Start, $"{step.Name}: attempt from {attempt.Start:O} to {attempt.End:O}");
        Assert.True(step.End >= step.Start, $"{step.Name}: from {step.Start:O} to {step.End:O}");
    }

    private static void AssertDefaultConfig(StepRun step)
    {
        StepRetryConfig retries = step.Config!.Retries!;
        Assert.Equal(5d, retries.Limit);
        Assert.True(retries.Delay!.Value.IsNumber, $"{step.Name}: delay {retries.Delay}");
        Assert.Equal(1000d, retries.Delay.Value.AsNumber());
        Assert.Equal(RetryBackoff.Exponential, retries.Backoff);
        Assert.Equal("10 minutes", step.Config.Timeout!.Value.AsString());
    }
}
