namespace Cloudflare.Workflows.Tests.Requests;

/// <summary>Path parameters are percent-encoded: no value can add a segment, start a query or a fragment.</summary>
public sealed class PathEncodingTests
{
    private const string Nasty = "a/b?c#d%e f";
    private const string NastyEncoded = "a%2Fb%3Fc%23d%25e%20f";

    [Fact]
    public async Task Get_percent_encodes_an_instance_id_with_slash_question_mark_hash_percent_and_space()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", Nasty);

        var request = handler.Single;
        var expected = TestClient.AccountBase + "/workflows/orders/instances/" + NastyEncoded;
        Assert.Equal(expected, request.OriginalUri);
        Assert.Equal(expected, request.AbsoluteUri);
        Assert.Equal(string.Empty, request.Uri.Query);
        Assert.Equal(string.Empty, request.Uri.Fragment);
        Assert.Equal(9, request.Uri.Segments.Length); // "/", client/, v4/, accounts/, {id}/, workflows/, orders/, instances/, {instance}
        Assert.Equal(Nasty, Uri.UnescapeDataString(request.Uri.Segments[^1]));
    }

    [Fact]
    public async Task Get_percent_encodes_the_query_after_an_encoded_instance_id()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", Nasty, order: SortDirection.Desc);

        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/" + NastyEncoded + "?order=desc", handler.Single.AbsoluteUri);
        Assert.Equal("?order=desc", handler.Single.Uri.Query);
    }

    [Fact]
    public async Task SendEvent_percent_encodes_the_event_type_and_the_instance_id()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.SendEventAsync("orders", "id #1", "x/y?z#w%v u");

        var request = handler.Single;
        var expected = TestClient.AccountBase + "/workflows/orders/instances/id%20%231/events/x%2Fy%3Fz%23w%25v%20u";
        Assert.Equal(expected, request.OriginalUri);
        Assert.Equal(expected, request.AbsoluteUri);
        Assert.Equal(string.Empty, request.Uri.Query);
        Assert.Equal(string.Empty, request.Uri.Fragment);
        Assert.Equal(11, request.Uri.Segments.Length);
    }

    [Fact]
    public async Task ChangeStatus_keeps_the_status_segment_after_an_encoded_instance_id()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("{}"));

        await client.Instances.ChangeStatusAsync("orders", "../x", InstanceAction.Pause);

        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/..%2Fx/status", handler.Single.AbsoluteUri);
    }

    [Fact]
    public async Task List_percent_encodes_the_workflow_name_and_the_account_id()
    {
        var (client, handler) = TestClient.Create(o => o.AccountId = "acc/1?");
        handler.RespondOk(Envelopes.Success("[]"));

        await client.Instances.ListAsync("my flow/é");

        Assert.Equal("https://api.cloudflare.com/client/v4/accounts/acc%2F1%3F/workflows/my%20flow%2F%C3%A9/instances", handler.Single.AbsoluteUri);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task Dot_segment_ids_are_refused_before_sending_because_the_uri_would_resolve_them(string instanceId)
    {
        var (client, handler) = TestClient.Create();

        // Sent as-is, GET .../instances/.. would read the workflow and PATCH .../instances/../status another resource.
        var get = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Instances.GetAsync("orders", instanceId));
        var status = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Instances.ChangeStatusAsync("orders", instanceId, InstanceAction.Terminate));
        var eventType = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Instances.SendEventAsync("orders", "order-1", instanceId));
        var workflow = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Instances.ListAsync(instanceId));

        Assert.All(new[] { get, status, eventType, workflow }, ex => Assert.Contains($"cannot be '{instanceId}'", ex.Message, StringComparison.Ordinal));
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData("...")]
    [InlineData(".hidden")]
    [InlineData("a.b")]
    public async Task Ids_with_dots_that_are_not_dot_segments_are_sent_unchanged(string instanceId)
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", instanceId);

        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/" + instanceId, handler.Single.AbsoluteUri);
    }
}
