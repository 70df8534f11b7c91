using Cloudflare.OpenApi.Generator.Tests.Infrastructure;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>Where operations go: Fern names, the AutoRest form, resource groups from the path, nested sub-clients.</summary>
public sealed class OperationNamingTests
{
    private static readonly Lazy<GeneratorRun> s_upstream = new(() => GeneratorHarness.Run(
        GeneratorHarness.ReadSpec("upstream/cloudflare-workflows.json"),
        new SpecOptions("Cloudflare.Upstream", "CloudflareClient", "account_id"),
        path: "/specs/cloudflare-workflows.json"));

    /// <summary>Every public method of every generated client, as "Class.Method" (not the paging helpers <c>…AllAsync</c>).</summary>
    private static List<string> Methods(GeneratorRun run) =>
        Members(run, @"public virtual [^\n]*? (\w+Async)\(", (type, m) => type + "." + m.Groups[1].Value)
            .Where(m => !m.EndsWith("AllAsync", StringComparison.Ordinal))
            .ToList();

    /// <summary>Every nested-client property, as "Class.Property: PropertyClass".</summary>
    private static List<string> Properties(GeneratorRun run) =>
        Members(run, @"public virtual (?:global::[\w.]+\.)?(\w+Client) (\w+) \{ get; \}", (type, m) => $"{type}.{m.Groups[2].Value}: {m.Groups[1].Value}");

    /// <summary>The matches of <paramref name="pattern"/> in every client file, formatted with the file's client class, sorted.</summary>
    private static List<string> Members(GeneratorRun run, string pattern, Func<string, System.Text.RegularExpressions.Match, string> format) =>
        run.Sources.Where(s => s.HintName.EndsWith("Client.g.cs", StringComparison.Ordinal))
            .SelectMany(s =>
            {
                var text = s.SourceText.ToString();
                var type = System.Text.RegularExpressions.Regex.Match(text, @"public partial class (\w+)\r?\n").Groups[1].Value;
                return System.Text.RegularExpressions.Regex.Matches(text, pattern).Select(m => format(type, m));
            })
            .Order(StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Cloudflare_published_spec_gets_the_sub_clients_of_Cloudflare_own_SDKs()
    {
        var run = s_upstream.Value;
        Assert.Empty(run.CompilationProblems);

        // client.workflows.instances.events.send(…) in Cloudflare's TypeScript SDK; Fern names 15 of the 21 operations,
        // the other six take the group of the nearest named path above them (batch/delete and batch/terminate are
        // actions: POST-only paths below …/batch).
        Assert.Equal(
            new[]
            {
                "CloudflareClient.Workflows: WorkflowsClient",
                "WorkflowsClient.Instances: WorkflowsInstancesClient",
                "WorkflowsClient.Settings: WorkflowsSettingsClient",
                "WorkflowsClient.Versions: WorkflowsVersionsClient",
                "WorkflowsInstancesClient.Batch: WorkflowsInstancesBatchClient",
                "WorkflowsInstancesClient.Events: WorkflowsInstancesEventsClient",
                "WorkflowsInstancesClient.Status: WorkflowsInstancesStatusClient",
                "WorkflowsInstancesClient.Step: WorkflowsInstancesStepClient",
                "WorkflowsInstancesClient.Terminate: WorkflowsInstancesTerminateClient",
                "WorkflowsVersionsClient.Dag: WorkflowsVersionsDagClient",
            },
            Properties(run));
        Assert.Equal(
            new[]
            {
                "WorkflowsClient.DeleteAsync",
                "WorkflowsClient.GetAsync",
                "WorkflowsClient.ListAsync",
                "WorkflowsClient.UpdateAsync",
                "WorkflowsInstancesBatchClient.CreateAsync",
                "WorkflowsInstancesBatchClient.DeleteAsync",
                "WorkflowsInstancesBatchClient.TerminateAsync",
                "WorkflowsInstancesClient.CreateAsync",
                "WorkflowsInstancesClient.DeleteAsync",
                "WorkflowsInstancesClient.GetAsync",
                "WorkflowsInstancesClient.ListAsync",
                "WorkflowsInstancesEventsClient.SendAsync",
                "WorkflowsInstancesStatusClient.EditAsync",
                "WorkflowsInstancesStepClient.GetAsync",
                "WorkflowsInstancesTerminateClient.GetAsync",
                "WorkflowsSettingsClient.EditAsync",
                "WorkflowsSettingsClient.GetAsync",
                "WorkflowsVersionsClient.GetAsync",
                "WorkflowsVersionsClient.GraphAsync",
                "WorkflowsVersionsClient.ListAsync",
                "WorkflowsVersionsDagClient.GetAsync",
            },
            Methods(run));
    }

    private const string Store = """
        openapi: 3.0.3
        info: { title: Store, version: '1' }
        paths:
          /v1/accounts/{account_id}/pets:
            get:
              operationId: listPets
              parameters: [{ name: account_id, in: path, required: true, schema: { type: string } }]
              responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { data: { type: array, items: { type: string } } } } } } } }
            post:
              operationId: createPet
              parameters: [{ name: account_id, in: path, required: true, schema: { type: string } }]
              responses: { '201': { description: ok } }
          /v1/accounts/{account_id}/pets/{pet_id}:
            parameters:
              - { name: account_id, in: path, required: true, schema: { type: string } }
              - { name: pet_id, in: path, required: true, schema: { type: string } }
            get: { operationId: showPetById, responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } } } }
            put: { operationId: replacePet, responses: { '204': { description: ok } } }
            patch: { operationId: patchPet, responses: { '204': { description: ok } } }
            delete: { operationId: deletePet, responses: { '204': { description: ok } } }
            post: { operationId: touchPet, responses: { '204': { description: ok } } }
          /v1/accounts/{account_id}/pets/{pet_id}/feed:
            parameters:
              - { name: account_id, in: path, required: true, schema: { type: string } }
              - { name: pet_id, in: path, required: true, schema: { type: string } }
            post: { operationId: feedPet, responses: { '204': { description: ok } } }
          /v1/accounts/{account_id}/pets/{pet_id}/toys:
            parameters:
              - { name: account_id, in: path, required: true, schema: { type: string } }
              - { name: pet_id, in: path, required: true, schema: { type: string } }
            get: { operationId: listToys, responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } } } }
          /v1/accounts/{account_id}/pets/{pet_id}/toys/{toy_id}:
            parameters:
              - { name: account_id, in: path, required: true, schema: { type: string } }
              - { name: pet_id, in: path, required: true, schema: { type: string } }
              - { name: toy_id, in: path, required: true, schema: { type: string } }
            get: { operationId: getToy, responses: { '200': { description: ok } } }
          /v1/accounts/{account_id}/pets/{pet_id}/toys/{name}:
            parameters:
              - { name: account_id, in: path, required: true, schema: { type: string } }
              - { name: pet_id, in: path, required: true, schema: { type: string } }
              - { name: name, in: path, required: true, schema: { type: string } }
            get: { operationId: getToyByName, responses: { '200': { description: ok } } }
          /v1/health:
            get: { operationId: health, responses: { '200': { description: ok } } }
          /:
            get: { operationId: root, responses: { '200': { description: ok } } }
        """;

    [Fact]
    public void Without_names_in_the_spec_the_path_gives_resource_groups_and_the_verb_gives_the_method()
    {
        var run = GeneratorHarness.Run(Store, new SpecOptions("Test.Api", "StoreClient", "account_id"));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);

        // v1 and the client's account scope are dropped; a POST to an item says nothing (operationId); a POST-only path
        // below another path is an action; the second GET of /toys/{…} keeps its operationId.
        Assert.Equal(
            new[]
            {
                "HealthClient.GetAsync",
                "PetsClient.CreateAsync",
                "PetsClient.DeleteAsync",
                "PetsClient.EditAsync",
                "PetsClient.FeedAsync",
                "PetsClient.GetAsync",
                "PetsClient.ListAsync",
                "PetsClient.TouchPetAsync",
                "PetsClient.UpdateAsync",
                "PetsToysClient.GetAsync",
                "PetsToysClient.GetToyByNameAsync",
                "PetsToysClient.ListAsync",
                "StoreClient.RootAsync",
            },
            Methods(run));
        Assert.Equal(new[] { "PetsClient.Toys: PetsToysClient", "StoreClient.Health: HealthClient", "StoreClient.Pets: PetsClient" }, Properties(run));
    }

    [Fact]
    public void Fern_names_win_over_the_AutoRest_form_and_the_AutoRest_form_over_the_path()
    {
        var spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /things:
                get: { operationId: Widgets_Enumerate, x-fern-sdk-group-name: [catalog, things], x-fern-sdk-method-name: browse, responses: { '204': { description: ok } } }
                post: { operationId: Widgets_Make, responses: { '204': { description: ok } } }
              /snake:
                get: { operationId: read_snake_items__get, responses: { '204': { description: ok } } }
            """;
        var run = GeneratorHarness.Run(spec);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);

        // A Fern group given as a list is a path like a dotted one; snake_case operationIds are not the AutoRest form.
        Assert.Equal(new[] { "CatalogThingsClient.BrowseAsync", "SnakeClient.GetAsync", "WidgetsClient.MakeAsync" }, Methods(run));
    }

    [Fact]
    public void Adding_operations_never_renames_an_existing_method()
    {
        var before = Methods(GeneratorHarness.Run(Store, new SpecOptions("Test.Api", "StoreClient", "account_id")));
        var bumped = Store.Replace("  /v1/health:\n", """
              /v1/accounts/{account_id}/pets/{pet_id}/toys/{toy_id}/squeak:
                parameters:
                  - { name: account_id, in: path, required: true, schema: { type: string } }
                  - { name: pet_id, in: path, required: true, schema: { type: string } }
                  - { name: toy_id, in: path, required: true, schema: { type: string } }
                post: { operationId: squeakToy, responses: { '204': { description: ok } } }
              /v1/accounts/{account_id}/owners:
                get: { operationId: listOwners, parameters: [{ name: account_id, in: path, required: true, schema: { type: string } }], responses: { '200': { description: ok, content: { application/json: { schema: { type: array, items: { type: string } } } } } } }
              /v1/health:

            """.Replace("\r\n", "\n"));
        Assert.NotEqual(Store, bumped);

        var run = GeneratorHarness.Run(bumped, new SpecOptions("Test.Api", "StoreClient", "account_id"));
        Assert.Empty(run.CompilationProblems);
        var after = Methods(run);
        Assert.Equal(before.Count + 2, after.Count);
        Assert.Empty(before.Except(after));
    }
}
