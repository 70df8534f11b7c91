using PreBump.Workflows;

namespace Cloudflare.Workflows.OperationTests;

/// <summary>
/// An application built against 0.1.0 carries a client generated from the hand-written spec (tests/specs). Cloudflare
/// has since added the `rollingBack` status and `rollback` steps: that old client must still read such responses,
/// keeping what it does not know (open enum value, unknown union variant with its JSON) instead of failing.
/// </summary>
public sealed class PreBumpClientTests
{
    [Fact]
    public async Task The_pre_bump_client_reads_rollingBack_and_a_rollback_step()
    {
        var handler = new RecordingHandler();
        handler.RespondOk(Envelopes.Success("""
            {"status":"rollingBack","rollback":{"outcome":"complete","error":null},"schedule":{"cron":"0 * * * *","scheduledTime":1},
             "steps":[
               {"type":"step","name":"charge-1","success":true,"output":"ok","attempts":[],"config":{"retries":{"limit":1,"delay":1000},"timeout":"1 minute"}},
               {"type":"rollback","name":"charge-1","success":true,"output":null,"attempts":[],"config":{"retries":{"limit":1,"delay":1000},"timeout":"1 minute"}}]}
            """));
        var client = new PreBumpClient(new PreBumpClientOptions { AccountId = TestClient.AccountId, ApiToken = TestClient.ApiToken, UseEnvironmentCredentials = false }, new HttpClient(handler));

        var details = await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal("rollingBack", details.Status.Value);
        Assert.False(details.Status.IsKnown);
        Assert.IsType<PreBump.Workflows.StepRun>(details.Steps![0]);
        var unknown = Assert.IsType<PreBump.Workflows.UnknownInstanceStep>(details.Steps[1]);
        Assert.Equal("rollback", unknown.Json.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_pre_bump_client_lists_rollingBack_instances()
    {
        var handler = new RecordingHandler();
        handler.RespondOk(Envelopes.Success("""[{"id":"a","status":"rollingBack","trigger_source":"api"}]""", """{"count":1,"per_page":25,"total_count":1}"""));
        var client = new PreBumpClient(new PreBumpClientOptions { AccountId = TestClient.AccountId, ApiToken = TestClient.ApiToken, UseEnvironmentCredentials = false }, new HttpClient(handler));

        var page = await client.Instances.ListAsync("orders");

        Assert.Equal("rollingBack", Assert.Single(page).Status!.Value.Value);
    }
}
