
namespace Cloudflare.Workflows.Tests.Serialization;

/// <summary>Every generated model survives serialize → deserialize through its generated converter and equals the original.</summary>
public sealed class ModelRoundTripTests
{
    private static readonly DateTimeOffset T1 = new(2026, 11, 23, 19, 46, 30, 471, TimeSpan.Zero);
    private static readonly DateTimeOffset T2 = new(2026, 11, 23, 21, 46, 48, 785, TimeSpan.FromHours(2));

    internal static StepRun FullStepRun() => new()
    {
        Name = "charge-1",
        Start = T1,
        End = T2,
        Success = true,
        Output = JsonOther("""{"receipt":"r-1","cents":1250,"lines":[{"sku":"a"}]}"""),
        Config = new StepConfig
        {
            Retries = new StepRetryConfig { Delay = "1 second", Limit = 2, Backoff = RetryBackoff.Constant },
            Timeout = 600_000,
        },
        Attempts = new[]
        {
            new StepAttempt { Start = T1, End = T1.AddSeconds(1), Success = false, Error = new ErrorInfo { Name = "Error", Message = "boom" } },
            new StepAttempt { Start = T1.AddSeconds(2), End = T2, Success = true },
        },
    };

    internal static StepSleep FullStepSleep() => new()
    {
        Name = "nap-1", Start = T1, End = T2, Finished = true, Error = new ErrorInfo { Name = "Error", Message = "aborted" },
    };

    internal static StepTermination FullStepTermination() => new() { Trigger = new TerminationTrigger { Source = "api" } };

    internal static StepWaitForEvent FullStepWaitForEvent() => new()
    {
        Name = "approval-1",
        Start = T1,
        End = T2,
        Finished = true,
        Success = true,
        Error = new ErrorInfo { Name = "WorkflowTimeoutError", Message = string.Empty },
        Output = JsonOther("""{"type":"approve","payload":{"approved_by":"alice","n":3},"timestamp":"2026-11-23T19:46:48.754Z"}"""),
    };

    internal static UnknownInstanceStep Unknown() =>
        new("parallel", JsonAssert.Parse("""{"type":"parallel","name":"fan-1","branches":[{"name":"a"},{"name":"b"}]}"""));

    private static StringOrNumber JsonOther(string json) => StringOrNumber.FromOtherJson(JsonAssert.Parse(json));

    [Fact]
    public void InstanceSummary_round_trips()
    {
        var json = RoundTrip.AssertSurvives(
            new InstanceSummary
            {
                Id = "order-1",
                CreatedOn = T1,
                EndedOn = T2,
                ModifiedOn = T2,
                StartedOn = T1,
                Status = InstanceStatus.WaitingForPause,
                VersionId = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
                WorkflowId = "4e1f-workflow",
            },
            InstanceSummary.WriteJson,
            InstanceSummary.ReadJson);

        JsonAssert.Equal(
            """
            {"id":"order-1","created_on":"2026-11-23T19:46:30.471+00:00","ended_on":"2026-11-23T21:46:48.785+02:00",
             "modified_on":"2026-11-23T21:46:48.785+02:00","started_on":"2026-11-23T19:46:30.471+00:00","status":"waitingForPause",
             "version_id":"182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e","workflow_id":"4e1f-workflow"}
            """,
            json);
    }

    [Fact]
    public void InstanceSummary_with_only_an_id_round_trips_and_writes_no_nulls()
    {
        var json = RoundTrip.AssertSurvives(new InstanceSummary { Id = "x" }, InstanceSummary.WriteJson, InstanceSummary.ReadJson);

        JsonAssert.Equal("""{"id":"x"}""", json);
    }

    [Fact]
    public void InstanceDetails_with_every_step_variant_round_trips()
    {
        var details = new InstanceDetails
        {
            Status = InstanceStatus.Complete,
            End = T2,
            Start = T1,
            Queued = T1,
            Error = new ErrorInfo { Message = "m", Name = "n" },
            Output = 42,
            Params = JsonAssert.Parse("""{"customer":"acme","amount":12.5,"tags":["a","b"],"none":null}"""),
            StepCount = 5,
            Success = true,
            Trigger = new InstanceTrigger { Source = TriggerSource.Cron },
            VersionId = "182bd5e5-6e1a-4fe4-a799-aa6d9a6ab26e",
            Steps = new InstanceStep[] { FullStepRun(), FullStepSleep(), FullStepTermination(), FullStepWaitForEvent(), Unknown() },
        };

        var json = RoundTrip.AssertSurvives(details, InstanceDetails.WriteJson, InstanceDetails.ReadJson);

        using var document = JsonDocument.Parse(json);
        Assert.Equal(
            new[] { "step", "sleep", "termination", "waitForEvent", "parallel" },
            document.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
    }

    [Fact]
    public void InstanceDetails_read_back_keeps_each_step_variants_type()
    {
        var details = new InstanceDetails
        {
            Status = InstanceStatus.Running,
            Steps = new InstanceStep[] { FullStepRun(), FullStepSleep(), FullStepTermination(), FullStepWaitForEvent(), Unknown() },
        };

        var back = RoundTrip.Through(details, InstanceDetails.WriteJson, InstanceDetails.ReadJson, out _);

        Assert.IsType<StepRun>(back.Steps![0]);
        Assert.IsType<StepSleep>(back.Steps[1]);
        Assert.IsType<StepTermination>(back.Steps[2]);
        Assert.IsType<StepWaitForEvent>(back.Steps[3]);
        Assert.IsType<UnknownInstanceStep>(back.Steps[4]);
    }

    [Fact]
    public void InstanceDetails_with_only_a_status_round_trips()
    {
        var json = RoundTrip.AssertSurvives(new InstanceDetails { Status = InstanceStatus.Queued }, InstanceDetails.WriteJson, InstanceDetails.ReadJson);

        JsonAssert.Equal("""{"status":"queued"}""", json);
    }

    [Fact]
    public void InstanceDetails_with_an_unknown_status_and_string_output_round_trips()
    {
        RoundTrip.AssertSurvives(
            new InstanceDetails { Status = new InstanceStatus("hibernating"), Output = "done", Params = JsonAssert.Parse("null") },
            InstanceDetails.WriteJson,
            InstanceDetails.ReadJson);
    }

    [Fact]
    public void InstanceDetails_differing_only_in_a_nested_step_are_not_equal()
    {
        var a = new InstanceDetails { Status = InstanceStatus.Running, Steps = new InstanceStep[] { FullStepRun() } };
        var b = a with { Steps = new InstanceStep[] { FullStepRun() with { Attempts = new[] { new StepAttempt { Success = true } } } } };
        var c = a with { Steps = new InstanceStep[] { FullStepRun() } };

        Assert.NotEqual(a, b);
        Assert.Equal(a, c);
        Assert.NotSame(a.Steps, c.Steps);
    }

    [Fact]
    public void InstanceCreateRequest_with_params_and_numeric_retention_round_trips()
    {
        var json = RoundTrip.AssertSurvives(
            new InstanceCreateRequest
            {
                InstanceId = "order-1",
                Params = JsonAssert.Parse("""{"customer":"acme","amount":12.5}"""),
                InstanceRetention = new InstanceRetention { ErrorRetention = 86_400_000, SuccessRetention = 3_600_000 },
            },
            InstanceCreateRequest.WriteJson,
            InstanceCreateRequest.ReadJson);

        JsonAssert.Equal(
            """{"instance_id":"order-1","instance_retention":{"error_retention":86400000,"success_retention":3600000},"params":{"customer":"acme","amount":12.5}}""",
            json);
    }

    [Fact]
    public void InstanceCreateRequest_with_string_retention_and_array_params_round_trips()
    {
        var json = RoundTrip.AssertSurvives(
            new InstanceCreateRequest
            {
                Params = JsonAssert.Parse("""[1,"two",{"three":3}]"""),
                InstanceRetention = new InstanceRetention { ErrorRetention = "7 days", SuccessRetention = "5 minutes" },
            },
            InstanceCreateRequest.WriteJson,
            InstanceCreateRequest.ReadJson);

        JsonAssert.Equal("""{"instance_retention":{"error_retention":"7 days","success_retention":"5 minutes"},"params":[1,"two",{"three":3}]}""", json);
    }

    [Fact]
    public void Empty_InstanceCreateRequest_round_trips_as_an_empty_object()
    {
        var json = RoundTrip.AssertSurvives(new InstanceCreateRequest(), InstanceCreateRequest.WriteJson, InstanceCreateRequest.ReadJson);

        Assert.Equal("{}", json);
    }

    [Fact]
    public void InstanceRetention_round_trips()
    {
        RoundTrip.AssertSurvives(
            new InstanceRetention { ErrorRetention = 0.5, SuccessRetention = "1 hour" },
            InstanceRetention.WriteJson,
            InstanceRetention.ReadJson);
    }

    [Fact]
    public void InstanceCreated_round_trips()
    {
        var json = RoundTrip.AssertSurvives(
            new InstanceCreated { Id = "order-1", Status = InstanceStatus.Queued, VersionId = "v", WorkflowId = "w" },
            InstanceCreated.WriteJson,
            InstanceCreated.ReadJson);

        JsonAssert.Equal("""{"id":"order-1","status":"queued","version_id":"v","workflow_id":"w"}""", json);
    }

    [Fact]
    public void InstanceStatusChangeRequest_with_from_round_trips()
    {
        var json = RoundTrip.AssertSurvives(
            new InstanceStatusChangeRequest
            {
                Status = InstanceAction.Restart,
                From = new RestartFrom { Name = "approval", Count = 2, Type = StepKind.WaitForEvent },
            },
            InstanceStatusChangeRequest.WriteJson,
            InstanceStatusChangeRequest.ReadJson);

        JsonAssert.Equal("""{"status":"restart","from":{"name":"approval","count":2,"type":"waitForEvent"}}""", json);
    }

    [Fact]
    public void InstanceStatusChangeRequest_without_from_round_trips()
    {
        var json = RoundTrip.AssertSurvives(
            new InstanceStatusChangeRequest { Status = InstanceAction.Terminate },
            InstanceStatusChangeRequest.WriteJson,
            InstanceStatusChangeRequest.ReadJson);

        JsonAssert.Equal("""{"status":"terminate"}""", json);
    }

    [Fact]
    public void RestartFrom_round_trips()
    {
        RoundTrip.AssertSurvives(new RestartFrom { Name = "nap", Count = 1, Type = StepKind.Sleep }, RestartFrom.WriteJson, RestartFrom.ReadJson);
        RoundTrip.AssertSurvives(new RestartFrom { Name = "only-name" }, RestartFrom.WriteJson, RestartFrom.ReadJson);
    }

    [Fact]
    public void InstanceStatusChange_round_trips()
    {
        var json = RoundTrip.AssertSurvives(
            new InstanceStatusChange { Status = InstanceStatus.Paused, Timestamp = T1 },
            InstanceStatusChange.WriteJson,
            InstanceStatusChange.ReadJson);

        JsonAssert.Equal("""{"status":"paused","timestamp":"2026-11-23T19:46:30.471+00:00"}""", json);
    }

    [Fact]
    public void StepRun_round_trips_with_attempts_config_and_retries()
    {
        var json = RoundTrip.AssertSurvives(FullStepRun(), StepRun.WriteJson, StepRun.ReadJson);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("step", document.RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData(null)]
    public void StepRun_with_string_or_no_output_round_trips(string? output)
    {
        RoundTrip.AssertSurvives(
            new StepRun { Name = "s", Output = output is null ? (StringOrNumber?)null : new StringOrNumber(output) },
            StepRun.WriteJson,
            StepRun.ReadJson);
    }

    [Fact]
    public void StepSleep_round_trips()
    {
        var json = RoundTrip.AssertSurvives(FullStepSleep(), StepSleep.WriteJson, StepSleep.ReadJson);

        JsonAssert.Equal(
            """
            {"type":"sleep","name":"nap-1","start":"2026-11-23T19:46:30.471+00:00","end":"2026-11-23T21:46:48.785+02:00",
             "finished":true,"error":{"message":"aborted","name":"Error"}}
            """,
            json);
    }

    [Fact]
    public void StepTermination_round_trips()
    {
        var json = RoundTrip.AssertSurvives(FullStepTermination(), StepTermination.WriteJson, StepTermination.ReadJson);

        JsonAssert.Equal("""{"type":"termination","trigger":{"source":"api"}}""", json);
    }

    [Fact]
    public void StepWaitForEvent_round_trips()
    {
        RoundTrip.AssertSurvives(FullStepWaitForEvent(), StepWaitForEvent.WriteJson, StepWaitForEvent.ReadJson);
    }

    [Fact]
    public void UnknownInstanceStep_round_trips_its_raw_json_through_the_union_converter()
    {
        var json = RoundTrip.AssertSurvives<InstanceStep>(Unknown(), InstanceStep.WriteJson, InstanceStep.ReadJson);

        JsonAssert.Equal("""{"type":"parallel","name":"fan-1","branches":[{"name":"a"},{"name":"b"}]}""", json);
    }

    [Fact]
    public void Every_step_variant_round_trips_through_the_union_converter()
    {
        foreach (var step in new InstanceStep[] { FullStepRun(), FullStepSleep(), FullStepTermination(), FullStepWaitForEvent(), Unknown() })
        {
            var back = RoundTrip.Through(step, InstanceStep.WriteJson, InstanceStep.ReadJson, out _);
            Assert.Equal(step, back);
            Assert.Equal(step.GetType(), back.GetType());
        }
    }

    [Fact]
    public void Step_variants_with_the_same_content_but_different_types_are_not_equal()
    {
        InstanceStep sleep = new StepSleep { Name = "x", Finished = true };
        InstanceStep wait = new StepWaitForEvent { Name = "x", Finished = true };

        Assert.NotEqual(sleep, wait);
    }

    [Fact]
    public void UnknownInstanceSteps_compare_by_tag_and_json_content()
    {
        var a = new UnknownInstanceStep("x", JsonAssert.Parse("""{"type":"x","a":1,"b":[1,2]}"""));
        var reordered = new UnknownInstanceStep("x", JsonAssert.Parse("""{"b":[1,2],"a":1.0,"type":"x"}"""));
        var different = new UnknownInstanceStep("x", JsonAssert.Parse("""{"type":"x","a":2,"b":[1,2]}"""));

        Assert.Equal(a, reordered);
        Assert.NotEqual(a, different);
    }

    [Fact]
    public void StepAttempt_StepConfig_StepRetryConfig_round_trip()
    {
        RoundTrip.AssertSurvives(
            new StepAttempt { Start = T1, End = T2, Success = false, Error = new ErrorInfo { Message = "x" } },
            StepAttempt.WriteJson,
            StepAttempt.ReadJson);
        RoundTrip.AssertSurvives(
            new StepConfig { Retries = new StepRetryConfig { Delay = 1000, Limit = 5, Backoff = RetryBackoff.Exponential }, Timeout = "10 minutes" },
            StepConfig.WriteJson,
            StepConfig.ReadJson);
        RoundTrip.AssertSurvives(
            new StepRetryConfig { Delay = "2 seconds", Limit = 0, Backoff = new RetryBackoff("fibonacci") },
            StepRetryConfig.WriteJson,
            StepRetryConfig.ReadJson);
    }

    [Fact]
    public void ErrorInfo_round_trips()
    {
        var json = RoundTrip.AssertSurvives(new ErrorInfo { Message = "boom: \"quoted\" \u00e9 \n", Name = "Error" }, ErrorInfo.WriteJson, ErrorInfo.ReadJson);
        RoundTrip.AssertSurvives(new ErrorInfo(), ErrorInfo.WriteJson, ErrorInfo.ReadJson);

        JsonAssert.Equal("{\"message\":\"boom: \\\"quoted\\\" \u00e9 \\n\",\"name\":\"Error\"}", json);
    }

    [Fact]
    public void InstanceTrigger_and_TerminationTrigger_round_trip()
    {
        RoundTrip.AssertSurvives(new InstanceTrigger { Source = TriggerSource.Binding }, InstanceTrigger.WriteJson, InstanceTrigger.ReadJson);
        RoundTrip.AssertSurvives(new InstanceTrigger { Source = new TriggerSource("workflow") }, InstanceTrigger.WriteJson, InstanceTrigger.ReadJson);
        RoundTrip.AssertSurvives(new TerminationTrigger { Source = "user" }, TerminationTrigger.WriteJson, TerminationTrigger.ReadJson);
    }

    [Fact]
    public void JsonSerializer_uses_the_generated_converters_through_the_JsonConverter_attribute()
    {
        var details = new InstanceDetails
        {
            Status = InstanceStatus.Running,
            Output = JsonOther("""{"a":1}"""),
            Steps = new InstanceStep[] { FullStepRun(), FullStepSleep(), FullStepTermination(), FullStepWaitForEvent(), Unknown() },
        };

        var viaSerializer = JsonSerializer.Serialize(details);
        var viaConverter = Encoding.UTF8.GetString(Cloudflare.OpenApi.Serialization.JsonWrite.ToUtf8Bytes(details, InstanceDetails.WriteJson));
        var back = JsonSerializer.Deserialize<InstanceDetails>(viaSerializer);
        var step = JsonSerializer.Deserialize<InstanceStep>("""{"type":"sleep","name":"n"}""");

        Assert.Equal(viaConverter, viaSerializer);
        Assert.Equal(details, back);
        Assert.Equal(new StepSleep { Name = "n" }, step);
    }
}
