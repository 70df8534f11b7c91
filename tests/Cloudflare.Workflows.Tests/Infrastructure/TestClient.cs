namespace Cloudflare.Workflows.Tests.Infrastructure;

/// <summary>Builds a <see cref="WorkflowsClient"/> wired to a <see cref="RecordingHandler"/>.</summary>
public static class TestClient
{
    /// <summary>The account id every test uses (the shape of a real one: 32 hex digits).</summary>
    public const string AccountId = "023e105f4ecef8ad9ca31a8372d0c353";

    /// <summary>The API token every test uses.</summary>
    public const string ApiToken = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";

    /// <summary>The base of every URL: default server plus the account segment.</summary>
    public const string AccountBase = "https://api.cloudflare.com/client/v4/accounts/" + AccountId;

    /// <summary>
    /// Options with a token, the account id, no environment fallback (so the machine's CLOUDFLARE_* variables
    /// cannot leak in) and retry delays small enough to keep the suite fast.
    /// </summary>
    public static WorkflowsClientOptions Options(Action<WorkflowsClientOptions>? configure = null)
    {
        var options = new WorkflowsClientOptions
        {
            AccountId = AccountId,
            ApiToken = ApiToken,
            UseEnvironmentCredentials = false,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(20),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A client on a fresh handler.</summary>
    public static (WorkflowsClient Client, RecordingHandler Handler) Create(Action<WorkflowsClientOptions>? configure = null)
    {
        var handler = new RecordingHandler();
        return (Create(handler, configure), handler);
    }

    /// <summary>A client on the given handler.</summary>
    public static WorkflowsClient Create(RecordingHandler handler, Action<WorkflowsClientOptions>? configure = null) =>
        new(Options(configure), new HttpClient(handler));
}
