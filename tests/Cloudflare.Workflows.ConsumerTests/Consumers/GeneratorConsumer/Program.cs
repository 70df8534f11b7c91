using Acme.Flows;
using Acme.Flows.App;

// First version of the app: written against the spec as copied from the repository.
var handler = new StubHandler();
var client = new FlowsClient(
    new FlowsClientOptions { AccountId = "acc-1", ApiToken = "token", BaseUri = new Uri("https://flows.example.test/client/v4"), MaxRetries = 0, UseEnvironmentCredentials = false },
    new HttpClient(handler));

var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-7" });
Console.WriteLine($"created: {created.Id} workflow={created.WorkflowId}");

var noted = created with { Note = "vip" };
Console.WriteLine($"partial-record: label={noted.Label} note={noted.Note} same-api-values={noted.Id == created.Id && noted.Status == created.Status}");

var details = await client.Instances.CreateAndGetAsync("orders", "order-8");
Console.WriteLine($"partial-client: {details.Status} after {string.Join(",", handler.Requests.Skip(1))}");
Console.WriteLine($"partial-root: {FlowsClient.Describe()}");
Console.WriteLine($"user-agent: {handler.UserAgent}");
