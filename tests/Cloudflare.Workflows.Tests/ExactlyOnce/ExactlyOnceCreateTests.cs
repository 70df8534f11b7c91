namespace Cloudflare.Workflows.Tests.ExactlyOnce;

public sealed class ExactlyOnceCreateTests
{
    [Fact]
    public async Task A_create_without_an_id_that_meets_503_is_retried_with_the_same_generated_id()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 2);
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        handler.RespondWith((request, _) =>
        {
            var id = JsonDocument.Parse(request.Content!.ReadAsStringAsync().Result).RootElement.GetProperty("instance_id").GetString()!;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Envelopes.Created(id), Encoding.UTF8, "application/json") });
        });

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest { Params = JsonAssert.Parse("""{"n":1}""") });

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(handler.Requests[0].BodyText, handler.Requests[1].BodyText);
        var sent = JsonDocument.Parse(handler.Requests[0].BodyText!).RootElement.GetProperty("instance_id").GetString();
        Assert.Equal(sent, created.Id);
    }

    [Fact]
    public async Task The_callers_id_generator_names_each_create_and_each_batch_item()
    {
        var n = 0;
        var (client, handler) = TestClient.Create(o => o.InstanceIdGenerator = () => "job-" + ++n);
        handler.RespondOk(Envelopes.Success("""[{"id":"job-1"},{"id":"mine"},{"id":"job-2"}]"""));

        await client.Instances.CreateBatchAsync("orders", new[] { new InstanceCreateRequest(), new InstanceCreateRequest { InstanceId = "mine" }, new InstanceCreateRequest() });

        JsonAssert.Equal("""[{"instance_id":"job-1"},{"instance_id":"mine"},{"instance_id":"job-2"}]""", handler.Single.BodyText);
    }

    [Fact]
    public async Task A_retried_create_that_meets_409_returns_the_instance_the_earlier_attempt_created()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 2);
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        handler.Respond(HttpStatusCode.Conflict, Envelopes.Failure((10409, "instance.already_exists")));
        handler.RespondOk(Envelopes.Success("""{"status":"running","version_id":"v-1"}"""));
        var requestOptions = new CloudflareRequestOptions();

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-1" }, requestOptions);

        Assert.Equal("order-1", created.Id);
        Assert.Equal(InstanceStatus.Running, created.Status);
        Assert.Equal("v-1", created.VersionId);
        Assert.Equal(new[] { "POST", "POST", "GET" }, handler.Requests.Select(r => r.Method));
        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/order-1", handler.Requests[2].AbsoluteUri);
        Assert.Equal(3, requestOptions.Response!.Attempts);
    }

    [Fact]
    public async Task A_retried_batch_that_meets_409_returns_every_instance_in_order()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 2);
        handler.RespondWith((_, _) => throw new HttpRequestException("reset"));
        handler.Respond(HttpStatusCode.Conflict, Envelopes.Failure((10409, "already exists")));
        handler.RespondOk(Envelopes.Success("""{"status":"queued"}"""));
        handler.RespondOk(Envelopes.Success("""{"status":"running"}"""));

        var created = await client.Instances.CreateBatchAsync("orders", new[] { new InstanceCreateRequest { InstanceId = "a" }, new InstanceCreateRequest { InstanceId = "b" } });

        Assert.Equal(new[] { "a", "b" }, created.Select(c => c.Id));
        Assert.Equal(new[] { InstanceStatus.Queued, InstanceStatus.Running }, created.Select(c => c.Status!.Value));
        Assert.EndsWith("/instances/a", handler.Requests[2].AbsoluteUri, StringComparison.Ordinal);
        Assert.EndsWith("/instances/b", handler.Requests[3].AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_batch_of_generated_and_given_ids_that_meets_409_looks_up_the_ids_it_sent()
    {
        var n = 0;
        var (client, handler) = TestClient.Create(o =>
        {
            o.MaxRetries = 2;
            o.InstanceIdGenerator = () => "job-" + ++n;
        });
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        handler.Respond(HttpStatusCode.Conflict, Envelopes.Failure((10409, "already exists")));
        handler.RespondOk(Envelopes.Success("""{"status":"queued"}"""));
        handler.RespondOk(Envelopes.Success("""{"status":"running"}"""));
        handler.RespondOk(Envelopes.Success("""{"status":"queued"}"""));

        var created = await client.Instances.CreateBatchAsync("orders", new[] { new InstanceCreateRequest(), new InstanceCreateRequest { InstanceId = "mine" }, new InstanceCreateRequest() });

        Assert.Equal(new[] { "job-1", "mine", "job-2" }, created.Select(c => c.Id));
        Assert.Equal(new[] { "/instances/job-1", "/instances/mine", "/instances/job-2" }, handler.Requests.Skip(2).Select(r => r.AbsoluteUri.Substring(r.AbsoluteUri.LastIndexOf("/instances/", StringComparison.Ordinal))));
        Assert.Equal(2, n);
    }

    [Fact]
    public async Task A_retried_create_without_an_id_that_meets_409_looks_up_the_id_it_generated()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.MaxRetries = 2;
            o.InstanceIdGenerator = () => "gen-1";
        });
        handler.Respond(HttpStatusCode.ServiceUnavailable, Envelopes.Failure((10000, "unavailable")));
        handler.Respond(HttpStatusCode.Conflict, Envelopes.Failure((10409, "already exists")));
        handler.RespondOk(Envelopes.Success("""{"status":"running"}"""));

        var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest { Params = JsonAssert.Parse("""{"n":1}""") });

        Assert.Equal("gen-1", created.Id);
        Assert.Equal(TestClient.AccountBase + "/workflows/orders/instances/gen-1", handler.Requests[2].AbsoluteUri);
    }

    [Fact]
    public async Task A_409_on_the_first_attempt_is_a_conflict_the_id_was_already_taken()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 2);
        handler.Respond(HttpStatusCode.Conflict, Envelopes.Failure((10409, "already exists")));

        await Assert.ThrowsAsync<CloudflareConflictException>(() => client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-1" }));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_retried_409_whose_instance_cannot_be_found_stays_a_conflict()
    {
        var (client, handler) = TestClient.Create(o => o.MaxRetries = 2);
        handler.Respond(HttpStatusCode.BadGateway, Envelopes.Failure((10000, "bad gateway")));
        handler.Respond(HttpStatusCode.Conflict, Envelopes.Failure((10409, "already exists")));
        handler.Respond(HttpStatusCode.NotFound, Envelopes.Failure((10007, "not found")));

        await Assert.ThrowsAsync<CloudflareConflictException>(() => client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-1" }));

        Assert.Equal(3, handler.Requests.Count);
    }
}
