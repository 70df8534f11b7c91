namespace Cloudflare.Workflows.OperationTests;

/// <summary>client.Versions (list, get, graph, dag) and client.Settings (get, update).</summary>
public sealed class VersionAndSettingsOperationTests
{
    private const string Base = TestClient.AccountBase + "/workflows";

    private const string Version = """
        {"class_name":"OrderWorkflow","created_on":"2026-08-01T10:00:00Z","default_retention":{"error_retention":86400000,"success_retention":3600000},
         "has_dag":true,"id":"7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f","language":"python","limits":{"steps":1000},
         "modified_on":"2026-08-01T10:00:00Z","workflow_id":"2f1e8a1c-5a7e-4a6b-9c3b-0d2e6f7a8b9c"}
        """;

    [Fact]
    public async Task Versions_list_pages_and_reads_the_language()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("[" + Version + "]", """{"count":1,"per_page":20,"total_count":1,"page":1,"total_pages":1}"""));

        var page = await client.Versions.ListAsync("orders", perPage: 20, page: 1);

        Assert.Equal("GET " + Base + "/orders/versions?per_page=20&page=1", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        var version = Assert.Single(page);
        Assert.Equal(WorkflowLanguage.Python, version.Language);
        Assert.Equal(86400000L, version.DefaultRetention!.ErrorRetention);
        Assert.True(version.HasDag);
    }

    [Fact]
    public async Task Versions_get_encodes_the_version_id()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success(Version));

        var version = await client.Versions.GetAsync("orders", "v 1");

        Assert.Equal("GET " + Base + "/orders/versions/v%201", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        Assert.Equal(1000L, version.Limits!.Steps);
    }

    [Fact]
    public async Task Versions_dag_reads_the_dag_as_json()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""
            {"class_name":"OrderWorkflow","created_on":"2026-08-01T10:00:00Z","dag":{"nodes":[{"id":"a"}]},"id":"7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f",
             "modified_on":"2026-08-01T10:00:00Z","workflow_id":"2f1e8a1c-5a7e-4a6b-9c3b-0d2e6f7a8b9c"}
            """));

        var dag = await client.Versions.GetDagAsync("orders", "v1");

        Assert.Equal("GET " + Base + "/orders/versions/v1/dag", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        Assert.Equal("OrderWorkflow", dag.ClassName);
        Assert.NotNull(dag.Dag);
    }

    [Fact]
    public async Task Versions_graph_is_requested_from_the_graph_route()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""
            {"class_name":"OrderWorkflow","created_on":"2026-08-01T10:00:00Z","id":"7d3c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f",
             "modified_on":"2026-08-01T10:00:00Z","workflow_id":"2f1e8a1c-5a7e-4a6b-9c3b-0d2e6f7a8b9c","graph":null}
            """));

        var graph = await client.Versions.GetGraphAsync("orders", "v1");

        Assert.Equal("GET " + Base + "/orders/versions/v1/graph", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        Assert.Equal("OrderWorkflow", graph.ClassName);
    }

    [Fact]
    public async Task Settings_get_is_the_literal_settings_route_not_a_workflow_named_settings()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"default_retention":{"error_retention":604800000,"success_retention":86400000}}"""));

        var settings = await client.Settings.GetAsync();

        Assert.Equal("GET " + Base + "/settings", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        Assert.Equal(604800000L, settings.DefaultRetention!.ErrorRetention);
    }

    [Fact]
    public async Task Settings_update_patches_a_retention_given_as_text()
    {
        var (client, handler) = TestClient.Create();
        handler.RespondOk(Envelopes.Success("""{"default_retention":{"error_retention":604800000,"success_retention":3600000}}"""));

        var settings = await client.Settings.UpdateAsync(new WorkflowSettingsUpdateRequest { DefaultRetention = new DefaultRetention { SuccessRetention = "1 hour" } });

        Assert.Equal("PATCH " + Base + "/settings", handler.Single.Method + " " + handler.Single.AbsoluteUri);
        JsonAssert.Equal("""{"default_retention":{"success_retention":"1 hour"}}""", handler.Single.BodyText);
        Assert.Equal(3600000L, settings.DefaultRetention!.SuccessRetention);
    }
}
