using System.Text.Json;
using Cloudflare.OpenApi;
using Cloudflare.Workflows;
using Microsoft.Extensions.Http.Resilience;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Workflows.SampleApp;

var builder = WebApplication.CreateBuilder(args);

// 1. The client: options from the "Cloudflare" section (appsettings.json, user secrets, Cloudflare__ApiToken, …) and
//    from CLOUDFLARE_ACCOUNT_ID / CLOUDFLARE_API_TOKEN for what the section leaves unset; validated at start-up, so a
//    missing token stops the app here with a message that names the key.
builder.Services
    .AddCloudflareWorkflows(builder.Configuration.GetSection("Cloudflare"), options => options.ApplicationId = "workflows-sample/1.0")
    // 2. A resilience handler on the client's HttpClient. It runs INSIDE each SDK attempt, so only one layer may
    //    retry: the SDK keeps its retries (it knows a send-event POST must not be repeated), the handler keeps its
    //    circuit breaker, rate limiter and timeouts, and its retry is turned off. (Or set Cloudflare:MaxRetries = 0
    //    and keep the handler's retry; with both on, a warning is logged once.)
    .AddStandardResilienceHandler(options =>
    {
        options.Retry.ShouldHandle = static _ => ValueTask.FromResult(false);
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
    });

// 3. Metrics and tracing: the SDK's meter and activity source by name. The console exporter is opt-in
//    (Telemetry:Console=true); point an OTLP exporter here in production.
var telemetry = builder.Services.AddOpenTelemetry()
    .WithMetrics(metrics => metrics.AddMeter(CloudflareClientTelemetry.MeterName))
    .WithTracing(tracing => tracing.AddSource(CloudflareClientTelemetry.ActivitySourceName));
if (builder.Configuration.GetValue<bool>("Telemetry:Console"))
{
    telemetry.WithMetrics(metrics => metrics.AddConsoleExporter()).WithTracing(tracing => tracing.AddConsoleExporter());
}

var app = builder.Build();
var workflow = app.Configuration["Sample:Workflow"] ?? "approval";

// 4. Endpoints that inject the typed client.
app.MapPost("/orders/{orderId}/approval", async (string orderId, decimal amount, WorkflowsClient client, CancellationToken cancellationToken) =>
{
    var created = await client.Instances.CreateAsync(
        workflow,
        new InstanceCreateRequest { InstanceId = orderId, Params = JsonSerializer.SerializeToElement(amount, SampleJson.Default.Decimal) },
        cancellationToken: cancellationToken);
    return Results.Json(new ApprovalStarted(created.Id, created.Status?.ToString()), SampleJson.Default.ApprovalStarted, statusCode: StatusCodes.Status201Created);
});

app.MapGet("/orders/{orderId}/approval", async (string orderId, WorkflowsClient client, CancellationToken cancellationToken) =>
{
    try
    {
        var details = await client.Instances.GetAsync(workflow, orderId, cancellationToken: cancellationToken);
        return Results.Json(new ApprovalState(orderId, details.Status.ToString(), details.Steps?.Count ?? 0), SampleJson.Default.ApprovalState);
    }
    catch (CloudflareNotFoundException)
    {
        return Results.NotFound();
    }
});

app.Run();

/// <summary>The entry point (public for WebApplicationFactory).</summary>
public partial class Program;
