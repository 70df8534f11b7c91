using Acme.Flows;
using Acme.Flows.App;

// Second version of the app: uses what the bumped spec added (a property, an operation, an enum value).
var handler = new StubHandler();
var client = new FlowsClient(
    new FlowsClientOptions { AccountId = "acc-1", ApiToken = "token", BaseUri = new Uri("https://flows.example.test/client/v4"), MaxRetries = 0, UseEnvironmentCredentials = false },
    new HttpClient(handler));

var created = await client.Instances.CreateAsync("orders", new InstanceCreateRequest { InstanceId = "order-9" });
long? priority = created.Priority;
Console.WriteLine($"v2-created: {created.Id} priority={priority} label={created.Label}");

InstanceCreated retried = await client.Instances.RetryAsync("orders", created.Id);
Console.WriteLine($"v2-retried: {retried.Id} status={retried.Status} is-suspended={retried.Status == InstanceStatus.Suspended} known={InstanceStatus.Suspended.IsKnown}");
