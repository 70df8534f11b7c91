namespace Cloudflare.Workflows.Tests.Requests;

public sealed class CreateRequestTests
{
    private const string InstancesUrl = TestClient.AccountBase + "/workflows/orders/instances";

    [Fact]
    public async Task Create_sends_instance_id_and_params_and_returns_result()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"id":"order-1","status":"queued","version_id":"v-1","workflow_id":"w-1"}"""));

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest
        {
            InstanceId = "order-1",
            Params = JsonAssert.Parse("""{"customer":"acme","amount":12.5,"items":[1,2,3],"gift":null}"""),
        });

        var request = handler.Single;
        Assert.Equal("POST", request.Method);
        Assert.Equal(InstancesUrl, request.AbsoluteUri);
        Assert.Equal("application/json; charset=utf-8", request.ContentHeader("Content-Type"));
        JsonAssert.Equal("""{"instance_id":"order-1","params":{"customer":"acme","amount":12.5,"items":[1,2,3],"gift":null}}""", request.BodyText);
        Assert.Equal("order-1", created.Id);
        Assert.Equal(InstanceStatus.Queued, created.Status);
        Assert.Equal("v-1", created.VersionId);
        Assert.Equal("w-1", created.WorkflowId);
    }

    [Fact]
    public async Task Create_sends_retention_as_number_and_as_string()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Created("order-2"));

        await client.Instances.CreateAsync("orders", new InstanceCreateRequest
        {
            InstanceId = "order-2",
            InstanceRetention = new InstanceRetention { ErrorRetention = 86_400_000, SuccessRetention = "5 minutes" },
        });

        JsonAssert.Equal(
            """{"instance_id":"order-2","instance_retention":{"error_retention":86400000,"success_retention":"5 minutes"}}""",
            handler.Single.BodyText);
    }

    [Fact]
    public async Task Create_sends_params_that_are_not_objects_as_given()
    {
        var ids = 0;
        var (client, handler) = TestClient.Create(o => o.InstanceIdGenerator = () => "gen-" + ++ids);
        handler.RespondOk(Envelopes.Created("r"));
        handler.RespondOk(Envelopes.Created("r"));

        await client.Instances.CreateAsync("orders", new InstanceCreateRequest { Params = JsonAssert.Parse("[1,\"two\"]") });
        await client.Instances.CreateAsync("orders", new InstanceCreateRequest { Params = JsonAssert.Parse("null") });

        JsonAssert.Equal("""{"instance_id":"gen-1","params":[1,"two"]}""", handler.Requests[0].BodyText);
        JsonAssert.Equal("""{"instance_id":"gen-2","params":null}""", handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task Create_with_an_empty_request_sends_a_uuid_instance_id_so_a_retry_cannot_create_a_second_instance()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Created("from-server"));

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest());

        using var body = System.Text.Json.JsonDocument.Parse(handler.Single.BodyText!);
        Assert.Single(body.RootElement.EnumerateObject());
        Assert.True(Guid.TryParseExact(body.RootElement.GetProperty("instance_id").GetString(), "D", out _));
        Assert.Equal("from-server", created.Id);
    }

    [Fact]
    public async Task Create_without_a_request_sends_only_the_generated_instance_id()
    {
        var (client, handler) = TestClient.Create(o => o.InstanceIdGenerator = () => "order-7");
        handler.RespondOk(Envelopes.Created("order-7"));

        var created = await client.Instances.CreateAsync("orders");

        var request = handler.Single;
        Assert.Equal("POST", request.Method);
        JsonAssert.Equal("""{"instance_id":"order-7"}""", request.BodyText);
        Assert.StartsWith("application/json", request.ContentHeader("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("order-7", created.Id);
    }
}
