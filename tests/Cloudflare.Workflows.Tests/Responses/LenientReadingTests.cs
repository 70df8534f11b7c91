namespace Cloudflare.Workflows.Tests.Responses;

public sealed class LenientReadingTests
{
    [Fact]
    public async Task A_number_where_a_string_is_declared_becomes_null_and_is_reported()
    {
        var issues = new List<CloudflareReadIssue>();
        var (client, handler) = TestClient.Create(o => o.ReadIssueHandler = issues.Add);
        handler.RespondOk(Envelopes.Success("""{"id":"a","status":"queued","version_id":12345}"""));

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "a" });

        Assert.Equal("a", created.Id);
        Assert.Null(created.VersionId);
        var issue = Assert.Single(issues);
        Assert.Equal("a string", issue.Expected);
        Assert.Equal("the number 12345", issue.Found);
        Assert.Equal("null", issue.Replacement);
    }

    [Fact]
    public async Task An_integer_written_as_a_fraction_is_read_and_a_real_fraction_becomes_null()
    {
        var issues = new List<CloudflareReadIssue>();
        var (client, handler) = TestClient.Create(o => o.ReadIssueHandler = issues.Add);
        handler.RespondOk(Envelopes.Success("""{"status":"running","step_count":3.0}"""));
        handler.RespondOk(Envelopes.Success("""{"status":"running","step_count":2.5}"""));

        var whole = await client.Instances.GetAsync("orders", "a");
        var fraction = await client.Instances.GetAsync("orders", "a");

        Assert.Equal(3, whole.StepCount);
        Assert.Null(fraction.StepCount);
        Assert.Equal("the number 2.5", Assert.Single(issues).Found);
    }

    [Fact]
    public async Task An_object_or_array_of_the_wrong_kind_is_skipped_whole_and_the_rest_is_read()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"status":{"nested":[1,2,{"x":"y"}]},"trigger":"api","step_count":[1,2],"end":"2024-01-02T03:04:05Z"}"""));

        var details = await client.Instances.GetAsync("orders", "a");

        Assert.Null(details.Trigger);
        Assert.Null(details.StepCount);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), details.End);
    }

    [Fact]
    public async Task A_missing_required_member_becomes_its_default_and_is_reported()
    {
        var issues = new List<CloudflareReadIssue>();
        var (client, handler) = TestClient.Create(o => o.ReadIssueHandler = issues.Add);
        handler.RespondOk(Envelopes.Success("""{"output":"x"}"""));

        var details = await client.Instances.GetAsync("orders", "a");

        Assert.Equal(default, details.Status);
        Assert.Contains("'status'", Assert.Single(issues).Expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_members_are_ignored()
    {
        var (client, handler) = TestClient.Create(o => o.StrictReading = true);
        handler.RespondOk(Envelopes.Success("""{"brand_new":{"a":[1]},"status":"complete","another":null}"""));

        var details = await client.Instances.GetAsync("orders", "a");

        Assert.Equal(InstanceStatus.Complete, details.Status);
    }

    [Fact]
    public async Task Strict_reading_fails_the_call_on_a_value_of_the_wrong_kind()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.StrictReading = true;
            o.MaxRetries = 0;
        });
        handler.RespondOk(Envelopes.Success("""{"id":"a","version_id":12345}"""));

        var ex = await Assert.ThrowsAsync<CloudflareApiException>(() => client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "a" }));

        Assert.Contains("Expected a string but found a number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_mode_is_available_to_tests_outside_a_client()
    {
        using (Cloudflare.OpenApi.Serialization.JsonRead.Strict())
        {
            Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<InstanceCreated>("""{"status":"queued"}"""));
        }

        Assert.Null(JsonSerializer.Deserialize<InstanceCreated>("""{"status":"queued"}""")!.Id);
    }
}
