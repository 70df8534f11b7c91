using System.Net;
using System.Text.Json;
using Cloudflare.OpenApi;

namespace Cloudflare.Workflows.IntegrationTests.Sdk;

/// <summary>An instance whose step keeps failing, and the typed 404s for unknown workflows and instances.</summary>
[Collection(EngineCollection.Name)]
public sealed class FailureTests : IDisposable
{
    private readonly EngineFixture _fixture;
    private readonly LocalSdk _sdk;

    public FailureTests(EngineFixture fixture)
    {
        _fixture = fixture;
        _sdk = new LocalSdk(fixture);
    }

    public void Dispose() => _sdk.Dispose();

    [Fact]
    public async Task A_step_that_always_throws_is_tried_three_times_then_the_instance_errors_with_its_error()
    {
        string id = EngineFixture.NewInstanceId("errored");
        await _sdk.Instances.CreateAsync("approval", new InstanceCreateRequest { InstanceId = id, Params = TestJson.Parse("""{"fail":true}""") });
        await _sdk.WaitUntilWaitingForEventAsync("approval", id);
        await _sdk.Instances.SendEventAsync("approval", id, "approve");

        InstanceDetails errored = await _sdk.WaitForEndAsync("approval", id);

        Assert.Equal(InstanceStatus.Errored, errored.Status);
        Assert.True(errored.Status.IsTerminal);
        Assert.Equal("Error", errored.Error!.Name);
        Assert.Equal("boom: fail requested", errored.Error.Message);
        Assert.Null(errored.Output);
        JsonAssert.Equal("""{"fail":true}""", errored.Params);

        // retries {limit: 2, delay: "1 second", backoff: "constant"}: the first attempt plus two retries, a second apart.
        StepRun flaky = Assert.IsType<StepRun>(errored.Steps![^1]);
        Assert.Equal("flaky-1", flaky.Name);
        Assert.False(flaky.Success);
        Assert.Null(flaky.Output);
        Assert.Equal(3, flaky.Attempts!.Count);
        foreach (StepAttempt attempt in flaky.Attempts)
        {
            Assert.False(attempt.Success);
            Assert.Equal("Error", attempt.Error!.Name);
            Assert.Equal("boom: fail requested", attempt.Error.Message);
        }

        for (int i = 1; i < flaky.Attempts.Count; i++)
        {
            TimeSpan pause = flaky.Attempts[i].Start!.Value - flaky.Attempts[i - 1].End!.Value;
            Assert.True(pause >= TimeSpan.FromSeconds(0.9), $"attempt {i + 1} started {pause.TotalMilliseconds} ms after attempt {i} ended");
        }

        // The steps before the failing one are untouched; the sent event (no payload) reads as an empty object.
        StepWaitForEvent approval = Assert.IsType<StepWaitForEvent>(errored.Steps[^2]);
        JsonAssert.Equal("{}", approval.Output!.Value.OtherJson!.Value.GetProperty("payload"));
        Assert.All(errored.Steps.OfType<StepRun>().Take(3), step => Assert.True(step.Success));
    }

    [Fact]
    public async Task Unknown_workflow_is_not_found_for_every_operation()
    {
        string id = EngineFixture.NewInstanceId("nowhere");

        CloudflareNotFoundException get = await Assert.ThrowsAsync<CloudflareNotFoundException>(() => _sdk.Instances.GetAsync("no-such-workflow", id));
        CloudflareNotFoundException list = await Assert.ThrowsAsync<CloudflareNotFoundException>(() => _sdk.Instances.ListAsync("no-such-workflow"));
        CloudflareNotFoundException create = await Assert.ThrowsAsync<CloudflareNotFoundException>(
            () => _sdk.Instances.CreateAsync("no-such-workflow", new InstanceCreateRequest { InstanceId = id }));
        CloudflareNotFoundException status = await Assert.ThrowsAsync<CloudflareNotFoundException>(
            () => _sdk.Instances.ChangeStatusAsync("no-such-workflow", id, InstanceAction.Pause));

        foreach (CloudflareNotFoundException notFound in new[] { get, list, create, status })
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            CloudflareMessage error = Assert.Single(notFound.Errors);
            Assert.Equal(10501, error.Code);
            Assert.Equal("Workflow 'no-such-workflow' not found.", error.Message);
        }
    }

    [Fact]
    public async Task Unknown_instance_is_not_found_and_leaves_no_entry_in_the_list()
    {
        string id = EngineFixture.NewInstanceId("missing");

        CloudflareNotFoundException get = await Assert.ThrowsAsync<CloudflareNotFoundException>(() => _sdk.Instances.GetAsync("approval", id));
        CloudflareNotFoundException status = await Assert.ThrowsAsync<CloudflareNotFoundException>(
            () => _sdk.Instances.ChangeStatusAsync("approval", id, InstanceAction.Terminate));
        CloudflareNotFoundException sendEvent = await Assert.ThrowsAsync<CloudflareNotFoundException>(
            () => _sdk.Instances.SendEventAsync("approval", id, "approve", TestJson.Parse("{}")));

        foreach (CloudflareNotFoundException notFound in new[] { get, status, sendEvent })
        {
            Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
            CloudflareMessage error = Assert.Single(notFound.Errors);
            Assert.Equal(10501, error.Code);
            Assert.Equal($"Workflow instance '{id}' not found.", error.Message);
        }

        // Probing an unknown id leaves a half-made entry (a hashed id, no status) in the engine's own list; the SDK drops it.
        using JsonDocument raw = JsonDocument.Parse(await _fixture.ExplorerApi.GetStringAsync("workflows/approval/instances?per_page=100"));
        JsonElement[] rawItems = raw.RootElement.GetProperty("result").EnumerateArray().ToArray();
        string[] complete = rawItems.Where(item => item.TryGetProperty("status", out _)).Select(item => item.GetProperty("id").GetString()!).ToArray();
        Assert.True(rawItems.Length > complete.Length, "the engine listed no half-made entry, so this test would prove nothing: " + raw.RootElement.GetRawText());
        List<InstanceSummary> listed = await _sdk.Instances.ListAllAsync("approval", perPage: 100).ToListAsync();
        Assert.Equal(complete, listed.Select(summary => summary.Id));
        Assert.All(listed, summary => Assert.NotNull(summary.Status));
    }
}
