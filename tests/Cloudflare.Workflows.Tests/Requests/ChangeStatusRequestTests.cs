namespace Cloudflare.Workflows.Tests.Requests;

public sealed class ChangeStatusRequestTests
{
    private const string StatusUrl = TestClient.AccountBase + "/workflows/orders/instances/order-1/status";

    [Fact]
    public async Task ChangeStatus_sends_PATCH_with_status_and_restart_from_and_returns_result()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"status":"queued","timestamp":"2026-11-23T19:46:30.471Z"}"""));

        var change = await client.Instances.ChangeStatusAsync("orders", "order-1", new InstanceStatusChangeRequest
        {
            Status = InstanceAction.Restart,
            From = new RestartFrom { Name = "make-number", Count = 2, Type = StepKind.Do },
        });

        var request = handler.Single;
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(StatusUrl, request.AbsoluteUri);
        Assert.Equal("application/json; charset=utf-8", request.ContentHeader("Content-Type"));
        JsonAssert.Equal("""{"status":"restart","from":{"name":"make-number","count":2,"type":"do"}}""", request.BodyText);
        Assert.Equal(InstanceStatus.Queued, change.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 19, 46, 30, 471, TimeSpan.Zero), change.Timestamp);
    }

    [Theory]
    [InlineData("pause")]
    [InlineData("resume")]
    [InlineData("terminate")]
    [InlineData("restart")]
    public async Task ChangeStatus_with_an_action_sends_only_the_status(string action)
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"status":"paused","timestamp":"2026-11-23T19:46:30.471Z"}"""));

        var change = await client.Instances.ChangeStatusAsync("orders", "order-1", new InstanceAction(action));

        var request = handler.Single;
        Assert.Equal("PATCH", request.Method);
        Assert.Equal(StatusUrl, request.AbsoluteUri);
        JsonAssert.Equal("{\"status\":\"" + action + "\"}", request.BodyText);
        Assert.Equal(InstanceStatus.Paused, change.Status);
    }

    [Fact]
    public async Task ChangeStatus_with_the_Pause_constant_sends_pause()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"status":"paused"}"""));

        await client.Instances.ChangeStatusAsync("orders", "order-1", InstanceAction.Pause);

        JsonAssert.Equal("""{"status":"pause"}""", handler.Single.BodyText);
    }
}
