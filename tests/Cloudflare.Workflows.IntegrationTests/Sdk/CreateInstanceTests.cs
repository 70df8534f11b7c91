using System.Net;
using System.Text.Json;
using Cloudflare.OpenApi;

namespace Cloudflare.Workflows.IntegrationTests.Sdk;

/// <summary>Creating instances through the SDK in local-development mode: ids, params, duplicates, batches.</summary>
[Collection(EngineCollection.Name)]
public sealed class CreateInstanceTests : IDisposable
{
    private readonly LocalSdk _sdk;

    public CreateInstanceTests(EngineFixture fixture)
    {
        _sdk = new LocalSdk(fixture);
    }

    public void Dispose() => _sdk.Dispose();

    [Fact]
    public async Task Create_with_a_chosen_id_returns_that_id_and_the_instance_runs_with_the_params()
    {
        string id = EngineFixture.NewInstanceId("create-id");
        JsonElement parameters = TestJson.Parse("""{"customer":"acme","amount":12.5,"tags":["a","b"]}""");

        InstanceCreated created = await _sdk.Instances.CreateAsync("quick", new InstanceCreateRequest { InstanceId = id, Params = parameters });
        InstanceDetails finished = await _sdk.WaitForEndAsync("quick", id);

        Assert.Equal(id, created.Id);
        Assert.Equal(InstanceStatus.Complete, finished.Status);
        JsonAssert.Equal("""{"customer":"acme","amount":12.5,"tags":["a","b"]}""", finished.Params);
        JsonAssert.Other("""{"done":true,"echo":{"customer":"acme","amount":12.5,"tags":["a","b"]}}""", finished.Output);
        Assert.Null(finished.Error);
        StepRun echo = Assert.IsType<StepRun>(Assert.Single(finished.Steps!));
        Assert.Equal("echo-1", echo.Name);
        Assert.True(echo.Success);
    }

    [Fact]
    public async Task Create_without_an_id_or_body_gets_a_generated_uuid_and_empty_params()
    {
        InstanceCreated created = await _sdk.Instances.CreateAsync("quick");
        InstanceDetails finished = await _sdk.WaitForEndAsync("quick", created.Id);

        Assert.True(Guid.TryParse(created.Id, out _), $"'{created.Id}' is not a UUID");
        Assert.Equal(InstanceStatus.Complete, finished.Status);
        JsonAssert.Equal("{}", finished.Params);
        JsonAssert.Other("""{"done":true,"echo":{}}""", finished.Output);
    }

    [Fact]
    public async Task Create_with_params_but_no_id_gets_a_generated_uuid_per_instance()
    {
        var request = new InstanceCreateRequest { Params = TestJson.Parse("""{"n":1}""") };

        InstanceCreated first = await _sdk.Instances.CreateAsync("quick", request);
        InstanceCreated second = await _sdk.Instances.CreateAsync("quick", request);

        Assert.True(Guid.TryParse(first.Id, out _), $"'{first.Id}' is not a UUID");
        Assert.True(Guid.TryParse(second.Id, out _), $"'{second.Id}' is not a UUID");
        Assert.NotEqual(first.Id, second.Id);
        JsonAssert.Other("""{"done":true,"echo":{"n":1}}""", (await _sdk.WaitForEndAsync("quick", second.Id)).Output);
    }

    [Fact]
    public async Task Create_with_an_id_that_exists_throws_conflict_and_keeps_the_original_instance()
    {
        string id = EngineFixture.NewInstanceId("duplicate");
        await _sdk.Instances.CreateAsync("quick", new InstanceCreateRequest { InstanceId = id, Params = TestJson.Parse("""{"first":true}""") });

        CloudflareConflictException conflict = await Assert.ThrowsAsync<CloudflareConflictException>(
            () => _sdk.Instances.CreateAsync("quick", new InstanceCreateRequest { InstanceId = id, Params = TestJson.Parse("""{"second":true}""") }));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        CloudflareMessage error = Assert.Single(conflict.Errors);
        Assert.Equal(10409, error.Code);
        Assert.Equal($"Workflow instance '{id}' already exists.", error.Message);
        InstanceDetails original = await _sdk.WaitForEndAsync("quick", id);
        JsonAssert.Equal("""{"first":true}""", original.Params);
        JsonAssert.Other("""{"done":true,"echo":{"first":true}}""", original.Output);
    }

    [Fact]
    public async Task Create_accepts_an_id_of_exactly_100_characters()
    {
        string id = EngineFixture.NewInstanceId("long").PadRight(100, 'x');

        InstanceCreated created = await _sdk.Instances.CreateAsync("quick", new InstanceCreateRequest { InstanceId = id });

        Assert.Equal(100, created.Id.Length);
        Assert.Equal(id, created.Id);
        Assert.Equal(InstanceStatus.Complete, (await _sdk.WaitForEndAsync("quick", id)).Status);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("-starts-with-a-dash")]
    [InlineData("slash/inside")]
    [InlineData("umlaut-ä")]
    [InlineData("")]
    [InlineData("101")]
    public async Task Create_rejects_an_invalid_id_before_sending_anything(string id)
    {
        if (id == "101")
        {
            id = new string('a', 101);
        }

        ArgumentException rejected = await Assert.ThrowsAsync<ArgumentException>(
            () => _sdk.Instances.CreateAsync("quick", new InstanceCreateRequest { InstanceId = id }));

        Assert.Equal("body.InstanceId", rejected.ParamName);
        Assert.Equal(0, _sdk.RequestCount);
    }

    [Fact]
    public async Task Batch_create_rejects_the_whole_batch_when_one_id_is_invalid_before_sending_anything()
    {
        InstanceCreateRequest[] batch =
        {
            new() { InstanceId = EngineFixture.NewInstanceId("batch-ok") },
            new() { InstanceId = "not valid" },
        };

        ArgumentException rejected = await Assert.ThrowsAsync<ArgumentException>(() => _sdk.Instances.CreateBatchAsync("quick", batch));

        Assert.Equal("body[1].InstanceId", rejected.ParamName);
        Assert.Equal(0, _sdk.RequestCount);
    }

    [Fact]
    public async Task Batch_create_creates_every_instance_in_order_with_its_own_params()
    {
        string[] ids = { EngineFixture.NewInstanceId("batch-a"), EngineFixture.NewInstanceId("batch-b"), EngineFixture.NewInstanceId("batch-c") };
        InstanceCreateRequest[] batch = ids
            .Select((id, index) => new InstanceCreateRequest { InstanceId = id, Params = TestJson.Parse($$"""{"index":{{index}}}""") })
            .ToArray();

        IReadOnlyList<InstanceCreated> created = await _sdk.Instances.CreateBatchAsync("quick", batch);

        Assert.Equal(ids, created.Select(instance => instance.Id));
        for (int index = 0; index < ids.Length; index++)
        {
            InstanceDetails finished = await _sdk.WaitForEndAsync("quick", ids[index]);
            Assert.Equal(InstanceStatus.Complete, finished.Status);
            JsonAssert.Other($$$"""{"done":true,"echo":{"index":{{{index}}}}}""", finished.Output);
        }
    }

    [Fact]
    public async Task Batch_create_with_an_existing_id_throws_conflict()
    {
        string existing = EngineFixture.NewInstanceId("batch-existing");
        await _sdk.Instances.CreateAsync("quick", new InstanceCreateRequest { InstanceId = existing });

        CloudflareConflictException conflict = await Assert.ThrowsAsync<CloudflareConflictException>(
            () => _sdk.Instances.CreateBatchAsync("quick", new[] { new InstanceCreateRequest { InstanceId = existing } }));

        Assert.Equal(new[] { 10409 }, conflict.ErrorCodes);
    }
}
