namespace Cloudflare.Workflows.Tests.Requests;

public sealed class SendEventRequestTests
{
    private const string EventUrl = TestClient.AccountBase + "/workflows/orders/instances/order-1/events/approve";

    [Fact]
    public async Task SendEvent_posts_the_payload_to_the_event_url()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.SendEventAsync("orders", "order-1", "approve", JsonAssert.Parse("""{"approved_by":"alice","n":3}"""));

        var request = handler.Single;
        Assert.Equal("POST", request.Method);
        Assert.Equal(EventUrl, request.AbsoluteUri);
        Assert.Equal("application/json; charset=utf-8", request.ContentHeader("Content-Type"));
        JsonAssert.Equal("""{"approved_by":"alice","n":3}""", request.BodyText);
    }

    [Theory]
    [InlineData("\"yes\"")]
    [InlineData("42")]
    [InlineData("[true,false]")]
    [InlineData("null")]
    public async Task SendEvent_sends_any_json_value_as_the_payload(string payload)
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.SendEventAsync("orders", "order-1", "approve", JsonAssert.Parse(payload));

        JsonAssert.Equal(payload, handler.Single.BodyText);
    }

    [Fact]
    public async Task SendEvent_without_a_payload_sends_no_body()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.SendEventAsync("orders", "order-1", "approve");

        var request = handler.Single;
        Assert.Equal("POST", request.Method);
        Assert.Equal(EventUrl, request.AbsoluteUri);
        Assert.Null(request.Body);
        Assert.Null(request.ContentHeader("Content-Type"));
    }
}
