namespace Cloudflare.Workflows.Tests.Paging;

public sealed class ListAllTests
{
    private const string InstancesUrl = TestClient.AccountBase + "/workflows/orders/instances";

    private static async Task<List<string>> CollectIdsAsync(IAsyncEnumerable<InstanceSummary> items)
    {
        var ids = new List<string>();
        await foreach (var item in items)
        {
            ids.Add(item.Id);
        }

        return ids;
    }

    [Fact]
    public async Task ListAll_follows_page_numbers_until_the_last_page()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.InstancePage("""{"page":1,"per_page":2,"total_pages":3,"total_count":5}""", "a", "b"));
        handler.RespondOk(Envelopes.InstancePage("""{"page":2,"per_page":2,"total_pages":3,"total_count":5}""", "c", "d"));
        handler.RespondOk(Envelopes.InstancePage("""{"page":3,"per_page":2,"total_pages":3,"total_count":5}""", "e"));

        var ids = await CollectIdsAsync(client.Instances.ListAllAsync("orders", perPage: 2, status: InstanceStatus.Running));

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, ids);
        Assert.Equal(
            new[]
            {
                InstancesUrl + "?page=1&per_page=2&status=running",
                InstancesUrl + "?page=2&per_page=2&status=running",
                InstancesUrl + "?page=3&per_page=2&status=running",
            },
            handler.Requests.Select(r => r.AbsoluteUri));
    }

    [Fact]
    public async Task ListAll_stops_when_page_equals_total_pages_even_if_the_page_is_full()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.InstancePage("""{"page":1,"per_page":2,"total_pages":2}""", "a", "b"));
        handler.RespondOk(Envelopes.InstancePage("""{"page":2,"per_page":2,"total_pages":2}""", "c", "d"));

        var ids = await CollectIdsAsync(client.Instances.ListAllAsync("orders", perPage: 2));

        Assert.Equal(new[] { "a", "b", "c", "d" }, ids);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task ListAll_follows_cursors_from_result_info()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.InstancePage("""{"count":2,"per_page":2,"cursor":"c2"}""", "a", "b"));
        handler.RespondOk(Envelopes.InstancePage("""{"count":2,"per_page":2,"cursor":"c3+/="}""", "c", "d"));
        handler.RespondOk(Envelopes.InstancePage("""{"count":1,"per_page":2}""", "e"));

        var ids = await CollectIdsAsync(client.Instances.ListAllAsync("orders", perPage: 2, direction: SortDirection.Desc));

        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, ids);
        Assert.Equal(
            new[]
            {
                InstancesUrl + "?page=1&per_page=2&direction=desc",
                InstancesUrl + "?cursor=c2&per_page=2&direction=desc",
                InstancesUrl + "?cursor=c3%2B%2F%3D&per_page=2&direction=desc",
            },
            handler.Requests.Select(r => r.AbsoluteUri));
    }

    [Fact]
    public async Task ListAll_stops_at_an_empty_page()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.InstancePage("""{"count":2,"per_page":2}""", "a", "b"));
        handler.RespondOk(Envelopes.InstancePage("""{"count":0,"per_page":2,"cursor":"still-a-cursor"}"""));

        var ids = await CollectIdsAsync(client.Instances.ListAllAsync("orders", perPage: 2));

        Assert.Equal(new[] { "a", "b" }, ids);
        Assert.Equal(new[] { InstancesUrl + "?page=1&per_page=2", InstancesUrl + "?page=2&per_page=2" }, handler.Requests.Select(r => r.AbsoluteUri));
    }

    [Fact]
    public async Task ListAll_throws_a_paging_exception_when_the_server_repeats_a_cursor()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.InstancePage("""{"cursor":"same"}""", "a"));
        handler.RespondOk(Envelopes.InstancePage("""{"cursor":"same"}""", "b"));

        var ids = new List<string>();
        var ex = await Assert.ThrowsAsync<CloudflarePagingException>(async () =>
        {
            await foreach (var item in client.Instances.ListAllAsync("orders"))
            {
                ids.Add(item.Id);
            }
        });

        Assert.Equal(new[] { "a", "b" }, ids);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("'same' a second time", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAll_with_a_single_empty_page_yields_nothing()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[]", """{"page":1,"per_page":25,"total_count":0,"total_pages":1}"""));

        var ids = await CollectIdsAsync(client.Instances.ListAllAsync("orders"));

        Assert.Empty(ids);
        Assert.Equal(InstancesUrl + "?page=1", handler.Single.AbsoluteUri);
    }

    [Fact]
    public async Task ListAll_uses_total_count_when_total_pages_is_missing()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.InstancePage("""{"page":1,"per_page":2,"total_count":3}""", "a", "b"));
        handler.RespondOk(Envelopes.InstancePage("""{"page":2,"per_page":2,"total_count":3}""", "c"));

        var ids = await CollectIdsAsync(client.Instances.ListAllAsync("orders", perPage: 2));

        Assert.Equal(new[] { "a", "b", "c" }, ids);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task ListAll_fetches_lazily_and_stops_when_the_caller_stops()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.InstancePage("""{"page":1,"per_page":2,"total_pages":50}""", "a", "b"));

        string? first = null;
        await foreach (var item in client.Instances.ListAllAsync("orders", perPage: 2))
        {
            first = item.Id;
            break;
        }

        Assert.Equal("a", first);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task ListAll_passes_an_error_on_a_later_page_to_the_caller_after_the_earlier_items()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 0);
        handler.RespondOk(Envelopes.InstancePage("""{"page":1,"per_page":1,"total_pages":2}""", "a"));
        handler.Respond(HttpStatusCode.Forbidden, Envelopes.Failure((10000, "Authentication error")));

        var ids = new List<string>();
        var ex = await Assert.ThrowsAsync<CloudflarePermissionDeniedException>(async () =>
        {
            await foreach (var item in client.Instances.ListAllAsync("orders", perPage: 1))
            {
                ids.Add(item.Id);
            }
        });

        Assert.Equal(new[] { "a" }, ids);
        Assert.Equal(10000, Assert.Single(ex.ErrorCodes));
    }

    [Fact]
    public async Task ListAll_continues_past_an_empty_page_when_the_page_numbers_say_more_follow()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.InstancePage("""{"page":1,"per_page":2,"total_pages":3}""", "a", "b"));
        handler.RespondOk(Envelopes.InstancePage("""{"page":2,"per_page":2,"total_pages":3}"""));
        handler.RespondOk(Envelopes.InstancePage("""{"page":3,"per_page":2,"total_pages":3}""", "e"));

        var ids = await CollectIdsAsync(client.Instances.ListAllAsync("orders", perPage: 2));

        Assert.Equal(new[] { "a", "b", "e" }, ids);
        Assert.Equal(3, handler.Requests.Count);
    }
}
