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
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Created("r"));
        handler.RespondOk(Envelopes.Created("r"));

        await client.Instances.CreateAsync("orders", new InstanceCreateRequest { Params = JsonAssert.Parse("[1,\"two\"]") });
        await client.Instances.CreateAsync("orders", new InstanceCreateRequest { Params = JsonAssert.Parse("null") });

        JsonAssert.Equal("""{"params":[1,"two"]}""", handler.Requests[0].BodyText);
        JsonAssert.Equal("""{"params":null}""", handler.Requests[1].BodyText);
    }

    [Fact]
    public async Task Create_with_an_empty_request_sends_an_empty_object()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Created("0b5a1e5c-random"));

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest());

        JsonAssert.Equal("{}", handler.Single.BodyText);
        Assert.Equal("0b5a1e5c-random", created.Id);
    }

    [Fact]
    public async Task Create_without_a_request_sends_no_body_and_no_content_type()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Created("generated"));

        var created = await client.Instances.CreateAsync("orders");

        var request = handler.Single;
        Assert.Equal("POST", request.Method);
        Assert.Null(request.Body);
        Assert.Null(request.ContentHeader("Content-Type"));
        Assert.Equal("generated", created.Id);
    }
}
