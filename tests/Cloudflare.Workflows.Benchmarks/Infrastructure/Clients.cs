using Cloudflare.Workflows.Benchmarks.HandWritten;

namespace Cloudflare.Workflows.Benchmarks.Infrastructure;

/// <summary>Both clients over their own <see cref="CannedResponseHandler"/> answering with the same bytes.</summary>
public static class Clients
{
    /// <summary>
    /// The SDK as a user would set it up with their own <see cref="HttpClient"/>: a token, the account, default
    /// retries and timeout (the SDK's own per-attempt timeout, so the HttpClient's is switched off).
    /// </summary>
    public static WorkflowsClient Sdk(byte[] body, bool asyncTransport) =>
        new(
            new WorkflowsClientOptions { AccountId = Payloads.AccountId, ApiToken = Payloads.ApiToken, UseEnvironmentCredentials = false },
            new HttpClient(new CannedResponseHandler(body, asyncTransport)) { Timeout = Timeout.InfiniteTimeSpan });

    /// <summary>The hand-written client with HttpClient's default 100 s timeout as its timeout.</summary>
    public static HandWrittenWorkflowsClient HandWritten(byte[] body, bool asyncTransport) =>
        new(new HttpClient(new CannedResponseHandler(body, asyncTransport)), Payloads.BaseUri, Payloads.AccountId, Payloads.ApiToken);

    /// <summary>Fails the setup loudly when a client does not read what the benchmark claims it reads.</summary>
    public static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup check failed: {what}");
        }
    }
}
