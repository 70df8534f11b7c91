using System.Diagnostics;

namespace Cloudflare.Workflows.IntegrationTests.Sdk;

/// <summary>
/// The public SDK in local-development mode (<see cref="WorkflowsClientOptions.ForLocalDevelopment(int)"/>) against
/// the shared engine, over a transport that counts the HTTP requests that really leave the process, so tests can
/// prove that client-side validation sent nothing.
/// </summary>
internal sealed class LocalSdk : IDisposable
{
    /// <summary>How long a test waits for an instance to reach a state before it fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly CountingHandler _transport;
    private readonly HttpClient _httpClient;

    public LocalSdk(EngineFixture fixture)
    {
        // No proxy: a proxy from HTTP_PROXY could not reach the loopback engine.
        _transport = new CountingHandler(new SocketsHttpHandler { UseProxy = false });
        _httpClient = new HttpClient(_transport) { Timeout = Timeout.InfiniteTimeSpan };
        Client = new WorkflowsClient(WorkflowsClientOptions.ForLocalDevelopment(fixture.Engine.Port), _httpClient);
    }

    public WorkflowsClient Client { get; }

    public InstancesClient Instances => Client.Instances;

    /// <summary>HTTP requests sent so far (after the local-development bridge, so one SDK call may send several).</summary>
    public int RequestCount => _transport.Count;

    /// <summary>
    /// Polls the instance with <see cref="InstancesClient.WaitForAsync"/> until <paramref name="condition"/> holds; fails
    /// with the last details seen when <paramref name="timeout"/> (default <see cref="DefaultTimeout"/>) passes.
    /// </summary>
    public async Task<InstanceDetails> WaitForAsync(
        string workflow, string id, Func<InstanceDetails, bool> condition, string what, TimeSpan? timeout = null)
    {
        TimeSpan limit = timeout ?? DefaultTimeout;
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            return await Instances.WaitForAsync(workflow, id, condition, PollInterval, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            InstanceDetails last = await Instances.GetAsync(workflow, id);
            throw new TimeoutException($"{workflow}/{id} was not {what} within {limit.TotalSeconds:0} s. Last seen: {Describe(last)}");
        }
    }

    /// <summary>Until the instance has stopped for good (complete, errored or terminated).</summary>
    public Task<InstanceDetails> WaitForEndAsync(string workflow, string id) =>
        WaitForAsync(workflow, id, details => details.Status.IsTerminal, "finished");

    /// <summary>Until the instance sits in <c>step.waitForEvent</c> (the engine still reports it as running).</summary>
    public Task<InstanceDetails> WaitUntilWaitingForEventAsync(string workflow, string id) =>
        WaitForAsync(workflow, id, IsWaitingForEvent, "waiting for an event");

    /// <summary>Until the instance sleeps in the sleep step <paramref name="stepName"/> (e.g. <c>long-nap-1</c>).</summary>
    public Task<InstanceDetails> WaitUntilSleepingAsync(string workflow, string id, string stepName) =>
        WaitForAsync(
            workflow,
            id,
            details => details.Steps?.OfType<StepSleep>().Any(sleep => sleep.Name == stepName && sleep.Finished == false) == true,
            $"sleeping in '{stepName}'");

    public static bool IsWaitingForEvent(InstanceDetails details) =>
        details.Steps?.OfType<StepWaitForEvent>().Any(wait => wait.Finished != true) == true;

    public static string Describe(InstanceDetails details)
    {
        IEnumerable<string> steps = (details.Steps ?? Array.Empty<InstanceStep>()).Select(step => step switch
        {
            StepRun run => $"{run.Name} (step, success {run.Success?.ToString() ?? "-"}, {run.Attempts?.Count ?? 0} attempts)",
            StepSleep sleep => $"{sleep.Name} (sleep, finished {sleep.Finished?.ToString() ?? "-"})",
            StepWaitForEvent wait => $"{wait.Name} (waitForEvent, finished {wait.Finished?.ToString() ?? "-"})",
            _ => step.Type,
        });
        return $"status {details.Status}, steps [{string.Join(", ", steps)}], error {details.Error?.Message ?? "-"}";
    }

    public void Dispose() => _httpClient.Dispose();

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
