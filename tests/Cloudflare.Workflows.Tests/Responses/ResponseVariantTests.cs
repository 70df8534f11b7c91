namespace Cloudflare.Workflows.Tests.Responses;

/// <summary>Realistic variations the API may send: unknown fields and values, other output kinds, odd steps.</summary>
public sealed class ResponseVariantTests
{
    private static async Task<InstanceDetails> GetAsync(string resultJson)
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success(resultJson));
        return await client.Instances.GetAsync("orders", "order-1");
    }

    [Fact]
    public async Task Unknown_fields_are_ignored_at_every_level()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk("""
            {"success":true,"errors":[],"messages":[],"new_envelope_field":{"a":[1,{"b":2}]},
             "result":{"status":"running","future":[{"x":1}],"trigger":{"source":"api","extra":true},
                       "steps":[{"type":"sleep","name":"s","finished":false,"more":{"deep":[null]}}],
                       "error":{"message":"m","name":"n","stack":"at x"}},
             "result_info":{"page":1,"status_counts":{"running":1},"extra":"x"}}
            """);

        var details = await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal(
            new InstanceDetails
            {
                Status = InstanceStatus.Running,
                Trigger = new InstanceTrigger { Source = TriggerSource.Api },
                Steps = new InstanceStep[] { new StepSleep { Name = "s", Finished = false } },
                Error = new ErrorInfo { Message = "m", Name = "n" },
            },
            details);
    }

    [Fact]
    public async Task An_unknown_status_is_kept_with_IsKnown_false()
    {
        var details = await GetAsync("""{"status":"hibernating"}""");

        Assert.False(details.Status.IsKnown);
        Assert.Equal("hibernating", details.Status.Value);
        Assert.Equal("hibernating", details.Status.ToString());
        Assert.NotEqual(InstanceStatus.Running, details.Status);
        Assert.Equal(new InstanceStatus("hibernating"), details.Status);
    }

    [Fact]
    public async Task Unknown_trigger_source_and_backoff_are_kept()
    {
        var details = await GetAsync("""
            {"status":"running","trigger":{"source":"queue"},
             "steps":[{"type":"step","name":"a","config":{"retries":{"delay":5,"limit":1,"backoff":"fibonacci"}}}]}
            """);

        Assert.Equal("queue", details.Trigger!.Source!.Value.Value);
        Assert.False(details.Trigger.Source.Value.IsKnown);
        var backoff = Assert.IsType<StepRun>(details.Steps![0]).Config!.Retries!.Backoff!.Value;
        Assert.False(backoff.IsKnown);
        Assert.Equal("fibonacci", backoff.Value);
    }

    [Fact]
    public async Task An_unknown_step_type_becomes_UnknownInstanceStep_with_its_raw_json()
    {
        var details = await GetAsync("""
            {"status":"running","steps":[
              {"name":"fan-1","type":"parallel","branches":[{"name":"a"},{"name":"b"}],"start":"2026-01-01T00:00:00.000Z"},
              {"type":"sleep","name":"after","finished":true}]}
            """);

        var unknown = Assert.IsType<UnknownInstanceStep>(details.Steps![0]);
        Assert.Equal("parallel", unknown.Tag);
        Assert.Equal("parallel", unknown.Type);
        JsonAssert.Equal(
            """{"name":"fan-1","type":"parallel","branches":[{"name":"a"},{"name":"b"}],"start":"2026-01-01T00:00:00.000Z"}""",
            unknown.Json);
        Assert.Equal(new StepSleep { Name = "after", Finished = true }, details.Steps[1]);
    }

    [Fact]
    public async Task A_step_without_a_type_becomes_UnknownInstanceStep_with_an_empty_tag()
    {
        var details = await GetAsync("""{"status":"running","steps":[{"name":"mystery"}]}""");

        var unknown = Assert.IsType<UnknownInstanceStep>(Assert.Single(details.Steps!));
        Assert.Equal(string.Empty, unknown.Tag);
        JsonAssert.Equal("""{"name":"mystery"}""", unknown.Json);
    }

    [Fact]
    public async Task The_step_type_may_come_after_the_other_fields()
    {
        var details = await GetAsync("""
            {"status":"running","steps":[{"name":"w","finished":false,"output":null,"error":null,"success":null,"type":"waitForEvent"}]}
            """);

        Assert.Equal(new StepWaitForEvent { Name = "w", Finished = false }, Assert.Single(details.Steps!));
    }

    [Theory]
    [InlineData("\"done\"", "done", null)]
    [InlineData("42", null, 42d)]
    [InlineData("-0.5", null, -0.5)]
    [InlineData("1e3", null, 1000d)]
    public async Task Instance_output_reads_strings_and_numbers(string json, string? text, double? number)
    {
        var details = await GetAsync("{\"status\":\"complete\",\"output\":" + json + "}");

        var output = details.Output!.Value;
        Assert.Equal(text is not null, output.IsString);
        Assert.Equal(number is not null, output.IsNumber);
        Assert.False(output.IsOther);
        if (text is not null)
        {
            Assert.Equal(text, output.AsString());
        }
        else
        {
            Assert.Equal(number!.Value, output.AsNumber());
            Assert.Throws<InvalidOperationException>(() => output.AsString());
        }
    }

    [Theory]
    [InlineData("[1,\"a\",{\"b\":null}]")]
    [InlineData("true")]
    [InlineData("{}")]
    public async Task Instance_output_of_another_kind_is_kept_as_OtherJson(string json)
    {
        var details = await GetAsync("{\"status\":\"complete\",\"output\":" + json + "}");

        var output = details.Output!.Value;
        Assert.True(output.IsOther);
        JsonAssert.Equal(json, output.OtherJson);
        Assert.Equal(StringOrNumber.FromOtherJson(JsonAssert.Parse(json)), output);
    }

    [Fact]
    public async Task Step_run_with_attempts_config_and_retries_reads_every_field()
    {
        var details = await GetAsync("""
            {"status":"running","steps":[
              {"type":"step","name":"charge-1","start":"2026-02-03T04:05:06.789Z","end":null,"success":null,
               "config":{"retries":{"delay":"30 seconds","limit":10,"backoff":"linear"},"timeout":300000},
               "attempts":[
                 {"start":"2026-02-03T04:05:06.790Z","end":"2026-02-03T04:05:07.000Z","success":false,"error":{"name":"TypeError","message":"x is undefined"}},
                 {"start":"2026-02-03T04:05:37.000Z","end":null,"success":null,"error":null}]}]}
            """);

        Assert.Equal(
            new StepRun
            {
                Name = "charge-1",
                Start = new DateTimeOffset(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero),
                Config = new StepConfig
                {
                    Retries = new StepRetryConfig { Delay = "30 seconds", Limit = 10, Backoff = RetryBackoff.Linear },
                    Timeout = 300_000,
                },
                Attempts = new[]
                {
                    new StepAttempt
                    {
                        Start = new DateTimeOffset(2026, 2, 3, 4, 5, 6, 790, TimeSpan.Zero),
                        End = new DateTimeOffset(2026, 2, 3, 4, 5, 7, 0, TimeSpan.Zero),
                        Success = false,
                        Error = new ErrorInfo { Name = "TypeError", Message = "x is undefined" },
                    },
                    new StepAttempt { Start = new DateTimeOffset(2026, 2, 3, 4, 5, 37, 0, TimeSpan.Zero) },
                },
            },
            Assert.Single(details.Steps!));
    }

    [Fact]
    public async Task Step_termination_reads_its_trigger()
    {
        var details = await GetAsync("""{"status":"terminated","steps":[{"type":"termination","trigger":{"source":"api"}}]}""");

        var termination = Assert.IsType<StepTermination>(Assert.Single(details.Steps!));
        Assert.Equal("termination", termination.Type);
        Assert.Equal(new TerminationTrigger { Source = "api" }, termination.Trigger);
    }

    [Fact]
    public async Task Sleep_with_an_error_reads_it()
    {
        var details = await GetAsync("""
            {"status":"errored","steps":[{"type":"sleep","name":"nap-1","start":"2026-01-01T00:00:00.000Z","end":"2026-01-01T00:00:02.000Z","finished":true,"error":{"name":"Error","message":"aborted"}}]}
            """);

        Assert.Equal(
            new StepSleep
            {
                Name = "nap-1",
                Start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                End = new DateTimeOffset(2026, 1, 1, 0, 0, 2, TimeSpan.Zero),
                Finished = true,
                Error = new ErrorInfo { Name = "Error", Message = "aborted" },
            },
            Assert.Single(details.Steps!));
    }

    [Fact]
    public async Task Wait_for_event_with_a_string_output_and_success_reads_them()
    {
        var details = await GetAsync("""{"status":"running","steps":[{"type":"waitForEvent","name":"w-1","finished":true,"success":true,"output":"approved"}]}""");

        Assert.Equal(new StepWaitForEvent { Name = "w-1", Finished = true, Success = true, Output = "approved" }, Assert.Single(details.Steps!));
    }

    [Fact]
    public async Task Timestamps_with_an_offset_read_as_the_same_instant()
    {
        var details = await GetAsync("""{"status":"complete","start":"2026-01-01T02:00:00.000+02:00","end":"2026-01-01T00:00:01Z"}""");

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), details.Start);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 1, TimeSpan.Zero), details.End);
    }

    [Fact]
    public async Task Simple_details_read_step_count_without_steps()
    {
        var details = await GetAsync("""{"status":"running","step_count":12}""");

        Assert.Equal(12, details.StepCount);
        Assert.Null(details.Steps);
    }

    [Fact]
    public async Task Result_info_is_exposed_on_the_page()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""[{"id":"a"},{"id":"b"}]""", """{"count":2,"per_page":2,"total_count":9,"cursor":"next-cursor","page":1,"total_pages":5}"""));

        var page = await client.Instances.ListAsync("orders");

        Assert.Equal(new[] { "a", "b" }, page.Items.Select(i => i.Id));
        Assert.Equal(new CloudflareResultInfo { Count = 2, PerPage = 2, TotalCount = 9, Cursor = "next-cursor", Page = 1, TotalPages = 5 }, page.ResultInfo);
    }

    [Fact]
    public async Task A_page_without_result_info_has_null_ResultInfo()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""[{"id":"a"}]"""));

        var page = await client.Instances.ListAsync("orders");

        Assert.Equal("a", Assert.Single(page).Id);
        Assert.Null(page.ResultInfo);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public async Task A_page_keeps_every_item_in_order_whatever_its_size(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => "i-" + i).ToArray();
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.InstancePage("""{"page":1}""", ids));

        var page = await client.Instances.ListAsync("orders");

        Assert.Equal(ids, page.Items.Select(i => i.Id));
        Assert.Equal(count, page.Count);
    }

    [Fact]
    public async Task A_page_item_that_fails_to_read_fails_the_call_and_the_next_page_reads_cleanly()
    {
        // Strict reading throws inside the array reader: its pooled buffer must not leak items into the next read.
        var (client, handler) = TestClient.Create(o => o.StrictReading = true);
        handler.RespondOk(Envelopes.Success("""[{"id":"a"},{"id":"b"},{"id":7}]"""));
        handler.RespondOk(Envelopes.InstancePage("""{"page":2}""", "c"));

        await Assert.ThrowsAnyAsync<CloudflareApiException>(() => client.Instances.ListAsync("orders"));
        var page = await client.Instances.ListAsync("orders");

        Assert.Equal("c", Assert.Single(page).Id);
    }

    [Fact]
    public async Task A_null_list_result_reads_as_an_empty_page()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk("""{"success":true,"errors":[],"messages":[],"result":null,"result_info":{"page":1,"total_pages":1}}""");

        var page = await client.Instances.ListAsync("orders");

        Assert.Empty(page);
        Assert.Equal(1, page.ResultInfo!.TotalPages);
    }
}
