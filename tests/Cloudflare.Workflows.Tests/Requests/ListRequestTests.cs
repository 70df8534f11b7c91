namespace Cloudflare.Workflows.Tests.Requests;

public sealed class ListRequestTests
{
    private const string InstancesUrl = TestClient.AccountBase + "/workflows/orders/instances";

    [Fact]
    public async Task List_sends_GET_to_the_instances_url_of_the_account_without_a_query()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[]"));

        await client.Instances.ListAsync("orders");

        var request = handler.Single;
        Assert.Equal("GET", request.Method);
        Assert.Equal(InstancesUrl, request.AbsoluteUri);
        Assert.Equal(InstancesUrl, request.OriginalUri);
        Assert.Null(request.Body);
    }

    [Fact]
    public async Task List_sends_every_query_parameter_in_spec_order_with_dates_in_utc()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[]"));

        await client.Instances.ListAsync(
            "orders",
            cursor: "abc",
            page: 3,
            perPage: 50,
            direction: SortDirection.Desc,
            status: InstanceStatus.WaitingForPause,
            dateStart: new DateTimeOffset(2024, 3, 5, 10, 20, 30, 123, TimeSpan.FromHours(2)),
            dateEnd: new DateTimeOffset(2024, 12, 31, 23, 59, 59, 999, TimeSpan.Zero));

        var request = handler.Single;
        Assert.Equal(
            InstancesUrl + "?cursor=abc&page=3&per_page=50&direction=desc&status=waitingForPause"
            + "&date_start=2024-03-05T08%3A20%3A30.123Z&date_end=2024-12-31T23%3A59%3A59.999Z",
            request.OriginalUri);
        Assert.Equal(
            "?cursor=abc&page=3&per_page=50&direction=desc&status=waitingForPause&date_start=2024-03-05T08:20:30.123Z&date_end=2024-12-31T23:59:59.999Z",
            Uri.UnescapeDataString(request.Uri.Query));
    }

    [Fact]
    public async Task List_sends_dates_without_fraction_as_three_zero_digits()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[]"));

        await client.Instances.ListAsync("orders", dateStart: new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)));

        Assert.Equal(InstancesUrl + "?date_start=2025-01-02T08%3A04%3A05.000Z", handler.Single.OriginalUri);
    }

    [Fact]
    public async Task List_percent_encodes_a_cursor_so_base64_characters_survive()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[]"));

        await client.Instances.ListAsync("orders", cursor: "a+b/c=d&e?f#g h");

        var request = handler.Single;
        Assert.Equal(InstancesUrl + "?cursor=a%2Bb%2Fc%3Dd%26e%3Ff%23g%20h", request.OriginalUri);
        Assert.Equal(InstancesUrl + "?cursor=a%2Bb%2Fc%3Dd%26e%3Ff%23g%20h", request.AbsoluteUri);
        Assert.Equal(string.Empty, request.Uri.Fragment);
    }

    [Fact]
    public async Task List_sends_an_unknown_status_value_as_given()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[]"));

        await client.Instances.ListAsync("orders", status: new InstanceStatus("archived"));

        Assert.Equal(InstancesUrl + "?status=archived", handler.Single.OriginalUri);
    }

    [Fact]
    public async Task List_sends_direction_asc()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[]"));

        await client.Instances.ListAsync("orders", cursor: "c1", direction: SortDirection.Asc);

        Assert.Equal(InstancesUrl + "?cursor=c1&direction=asc", handler.Single.OriginalUri);
    }

    [Fact]
    public async Task List_uses_the_configured_base_uri_and_drops_its_trailing_slash()
    {
        var (client, handler) = TestClient.Create(o => o.BaseUri = new Uri("http://127.0.0.1:8787/client/v4/"));
        handler.RespondOk(Envelopes.Success("[]"));

        await client.Instances.ListAsync("orders", perPage: 10);

        Assert.Equal($"http://127.0.0.1:8787/client/v4/accounts/{TestClient.AccountId}/workflows/orders/instances?per_page=10", handler.Single.AbsoluteUri);
    }
}
