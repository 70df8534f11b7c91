namespace Cloudflare.Workflows.Tests.Conveniences;

/// <summary>The client is meant to be shared across threads and mocked through its virtual members.</summary>
public sealed class ClientShapeTests
{
    [Fact]
    public async Task One_client_serves_concurrent_calls_and_each_gets_its_own_response()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondAlwaysWith(async (request, cancellationToken) =>
        {
            // Answer out of order, echoing the id from the URL into the status, so a mixed-up response is visible.
            var id = request.RequestUri!.Segments[^1];
            await Task.Delay(int.Parse(id.AsSpan(2), System.Globalization.CultureInfo.InvariantCulture) % 7, cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Envelopes.Details("s-" + id), Encoding.UTF8, "application/json") };
        });

        var ids = Enumerable.Range(0, 40).Select(i => "id" + i).ToArray();
        var results = await Task.WhenAll(ids.Select(id => client.Instances.GetAsync("orders", id)));

        Assert.Equal(ids.Select(id => "s-" + id), results.Select(r => r.Status.Value));
        Assert.Equal(40, handler.Requests.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), handler.Requests.Select(r => r.Uri.Segments[^1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Operations_can_be_mocked_by_overriding_the_virtual_members()
    {
        var instances = new FakeInstances();
        WorkflowsClient client = new FakeWorkflowsClient(instances);

        var details = await client.Instances.WaitForAsync("orders", "order-1", pollInterval: TimeSpan.FromMilliseconds(1));

        Assert.Equal(InstanceStatus.Complete, details.Status);
        Assert.Equal(3, instances.Calls);
    }

    private sealed class FakeWorkflowsClient(InstancesClient instances) : WorkflowsClient
    {
        public override InstancesClient Instances { get; } = instances;
    }

    private sealed class FakeInstances : InstancesClient
    {
        public int Calls { get; private set; }

        public override Task<InstanceDetails> GetAsync(string workflowName, string instanceId, SortDirection? order = null, bool? simple = null, Cloudflare.OpenApi.CloudflareRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return Task.FromResult(new InstanceDetails { Status = Calls < 3 ? InstanceStatus.Running : InstanceStatus.Complete });
        }
    }
}
