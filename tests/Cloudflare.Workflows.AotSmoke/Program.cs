using System;
using System.CodeDom.Compiler;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Cloudflare.OpenApi;
using Cloudflare.Workflows;
using Cloudflare.Workflows.AotSmoke;

// Every line is asserted by Cloudflare.Workflows.ConsumerTests (NativeAOT binary and package consumer alike):
// keep the format stable.
await using var api = LoopbackWorkflowsApi.Start();
var client = new WorkflowsClient(new WorkflowsClientOptions
{
    AccountId = LoopbackWorkflowsApi.AccountId,
    ApiToken = "smoke-token",
    BaseUri = api.BaseUri,
    MaxRetries = 0,
    UseEnvironmentCredentials = false,
});

var created = await client.Instances.CreateAsync(LoopbackWorkflowsApi.Workflow, new InstanceCreateRequest { InstanceId = "order-42" });
Console.WriteLine($"create: {created.Id} {created.Status}");

var details = await client.Instances.GetAsync(LoopbackWorkflowsApi.Workflow, created.Id);
var steps = string.Join(",", (details.Steps ?? Array.Empty<InstanceStep>()).Select(Describe));
Console.WriteLine($"get: {details.Status} terminal={details.Status.IsTerminal} trigger={details.Trigger?.Source} steps={steps}");

var page = await client.Instances.ListAsync(LoopbackWorkflowsApi.Workflow, perPage: 2);
Console.WriteLine($"list: {string.Join(" ", page.Select(i => $"{i.Id}({i.Status})"))} next={page.ResultInfo?.Cursor}");

var all = new List<string>();
await foreach (var instance in client.Instances.ListAllAsync(LoopbackWorkflowsApi.Workflow, perPage: 2))
{
    all.Add(instance.Id);
}

Console.WriteLine($"list-all: {string.Join(",", all)}");

var change = await client.Instances.ChangeStatusAsync(LoopbackWorkflowsApi.Workflow, created.Id, InstanceAction.Pause);
Console.WriteLine($"status: {change.Status} at {change.Timestamp:O}");

try
{
    await client.Instances.GetAsync(LoopbackWorkflowsApi.Workflow, "missing");
    Console.WriteLine("not-found: no exception");
}
catch (CloudflareNotFoundException ex)
{
    Console.WriteLine($"not-found: {(int)ex.StatusCode} codes={string.Join(",", ex.ErrorCodes)}");
}

Console.WriteLine($"user-agent: {api.FirstUserAgent}");
Console.WriteLine($"authorization: {api.FirstAuthorization}");
var generatedCode = typeof(WorkflowsClient).GetCustomAttribute<GeneratedCodeAttribute>();
Console.WriteLine($"generated-code: {generatedCode?.Tool} {generatedCode?.Version}");
Console.WriteLine($"requests: {api.Requests.Count}");
Console.WriteLine("OK");
return 0;

static string Describe(InstanceStep step) => step switch
{
    StepRun run => $"{run.Type}:{run.Name}:attempts={run.Attempts?.Count}:output={run.Output}",
    StepSleep sleep => $"{sleep.Type}:{sleep.Name}:finished={sleep.Finished}",
    _ => step.Type,
};
