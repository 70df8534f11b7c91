namespace Cloudflare.Workflows.Tests.Requests;

public sealed class CreateBatchRequestTests
{
    [Fact]
    public async Task CreateBatch_posts_a_json_array_to_the_batch_url_and_returns_results_in_order()
    {
        var (client, handler) = TestClient.Create(o => o.InstanceIdGenerator = () => "random-3");
        handler.RespondOk(Envelopes.Success("""[{"id":"a","status":"queued"},{"id":"b","status":"running"},{"id":"random-3"}]"""));

        var created = await client.Instances.CreateBatchAsync("orders", new[]
        {
            new InstanceCreateRequest { InstanceId = "a", Params = JsonAssert.Parse("""{"n":1}""") },
            new InstanceCreateRequest { InstanceId = "b", InstanceRetention = new InstanceRetention { SuccessRetention = 60_000 } },
            new InstanceCreateRequest(),
        });

        var request = handler.Single;
        Assert.Equal("POST", request.Method);
        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/batch", request.AbsoluteUri);
        Assert.Equal("application/json; charset=utf-8", request.ContentHeader("Content-Type"));
        JsonAssert.Equal(
            """[{"instance_id":"a","params":{"n":1}},{"instance_id":"b","instance_retention":{"success_retention":60000}},{"instance_id":"random-3"}]""",
            request.BodyText);
        Assert.Equal(new[] { "a", "b", "random-3" }, created.Select(c => c.Id));
        Assert.Equal(InstanceStatus.Queued, created[0].Status);
        Assert.Equal(InstanceStatus.Running, created[1].Status);
        Assert.Null(created[2].Status);
    }

    [Fact]
    public async Task CreateBatch_with_no_items_sends_an_empty_array()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[]"));

        var created = await client.Instances.CreateBatchAsync("orders", Array.Empty<InstanceCreateRequest>());

        Assert.Equal("[]", handler.Single.BodyText);
        Assert.Empty(created);
    }
}
