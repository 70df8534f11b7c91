using Microsoft.Extensions.Logging;

namespace Cloudflare.Workflows.Hosting.Tests.Infrastructure;

/// <summary>The secrets every redaction test looks for, and clients made without DI.</summary>
public static class Clients
{
    public const string Token = "tok_SECRET_0123456789abcdefABCDEF";
    public const string Key = "key_SECRET_9876543210fedcba";
    public const string Email = "secret.person@example.com";
    public const string AccountId = "acc0123456789";
    public const string InstanceTemplate = "/accounts/{account_id}/workflows/{workflow_name}/instances/{instance_id}";
    public const string CreateTemplate = "/accounts/{account_id}/workflows/{workflow_name}/instances";

    public static readonly string[] Secrets = [Token, Key, Email];

    /// <summary>A client of <paramref name="api"/> with fast retries, logging to <paramref name="logs"/> when given.</summary>
    public static WorkflowsClient For(FakeCloudflareApi api, ILoggerFactory? logs = null, bool apiKey = false, TimeSpan? timeout = null)
    {
        var options = new WorkflowsClientOptions
        {
            BaseUri = api.BaseUri,
            AccountId = AccountId,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            UseEnvironmentCredentials = false,
            LoggerFactory = logs,
        };
        if (timeout is { } t)
        {
            options.Timeout = t;
        }

        if (apiKey)
        {
            options.ApiKey = Key;
            options.ApiEmail = Email;
        }
        else
        {
            options.ApiToken = Token;
        }

        return new WorkflowsClient(options);
    }
}
