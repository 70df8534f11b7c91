namespace Cloudflare.Workflows.Tests.Requests;

public sealed class GetRequestTests
{
    private const string InstanceUrl = TestClient.AccountBase + "/workflows/orders/instances/order-1";

    [Fact]
    public async Task Get_sends_GET_to_the_instance_url_without_a_query()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        var request = handler.Single;
        Assert.Equal("GET", request.Method);
        Assert.Equal(InstanceUrl, request.AbsoluteUri);
        Assert.Null(request.Body);
        Assert.Null(request.ContentHeader("Content-Type"));
    }

    [Fact]
    public async Task Get_sends_order_desc_and_simple_true()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1", order: SortDirection.Desc, simple: true);

        Assert.Equal(InstanceUrl + "?order=desc&simple=true", handler.Single.OriginalUri);
    }

    [Fact]
    public async Task Get_sends_order_asc_and_simple_false()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1", order: SortDirection.Asc, simple: false);

        Assert.Equal(InstanceUrl + "?order=asc&simple=false", handler.Single.OriginalUri);
    }

    [Fact]
    public async Task Get_accepts_a_271_character_cron_instance_id()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details());
        var id = new string('c', 271);

        await client.Instances.GetAsync("orders", id);

        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/" + id, handler.Single.AbsoluteUri);
    }
}
