namespace Cloudflare.Workflows.Tests.Requests;

public sealed class CredentialTests
{
    [Fact]
    public void Missing_credentials_throw_at_construction_and_name_the_fix()
    {
        var options = TestClient.Options(o => o.ApiToken = null);

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("No credentials", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ApiToken", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CLOUDFLARE_API_TOKEN", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ApiEmail and ApiKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_token_counts_as_missing()
    {
        var options = TestClient.Options(o => o.ApiToken = string.Empty);

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Contains("No credentials", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Api_email_without_api_key_throws_and_says_the_key_is_missing()
    {
        var options = TestClient.Options(o =>
        {
            o.ApiToken = null;
            o.ApiEmail = "user@example.com";
        });

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("ApiKey is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Api_key_without_api_email_throws_and_says_the_email_is_missing()
    {
        var options = TestClient.Options(o =>
        {
            o.ApiToken = null;
            o.ApiKey = "144c9defac04969c7bfad8efaa8ea194";
        });

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Contains("ApiEmail is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_clients_send_no_credentials()
    {
        var (client, handler) = TestClient.Create(o =>
        {
            o.ApiToken = null;
            o.AllowAnonymous = true;
        });
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Null(handler.Single.Header("Authorization"));
        Assert.Null(handler.Single.Header("X-Auth-Email"));
        Assert.Null(handler.Single.Header("X-Auth-Key"));
    }

    [Fact]
    public void Null_options_throw_ArgumentNullException()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new WorkflowsClient(null!, new HttpClient(new RecordingHandler())));

        Assert.Equal("options", ex.ParamName);
    }

    [Fact]
    public void An_account_id_longer_than_32_characters_throws_at_construction()
    {
        var options = TestClient.Options(o => o.AccountId = new string('a', 33));

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Equal("options.AccountId", ex.ParamName);
    }

    [Fact]
    public void A_non_http_base_uri_throws_at_construction()
    {
        var options = TestClient.Options(o => o.BaseUri = new Uri("ftp://api.cloudflare.com/client/v4"));

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Contains("ftp://api.cloudflare.com/client/v4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zero_timeout_or_negative_retry_count_throws_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowsClient(TestClient.Options(o => o.Timeout = TimeSpan.Zero), new HttpClient(new RecordingHandler())));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowsClient(TestClient.Options(o => o.MaxRetries = -1), new HttpClient(new RecordingHandler())));
    }
}

/// <summary>
/// The environment fallback reads process-wide variables, so these tests run one at a time; every other test sets
/// <c>UseEnvironmentCredentials = false</c> or an explicit credential and cannot see the variables set here.
/// </summary>
[CollectionDefinition(nameof(EnvironmentCredentialTests), DisableParallelization = true)]
public sealed class EnvironmentCollection
{
}

[Collection(nameof(EnvironmentCredentialTests))]
public sealed class EnvironmentCredentialTests
{
    [Fact]
    public async Task Without_credentials_the_token_comes_from_CLOUDFLARE_API_TOKEN()
    {
        using var _ = new EnvironmentVariables(("CLOUDFLARE_API_TOKEN", "env-token"), ("CLOUDFLARE_EMAIL", null), ("CLOUDFLARE_API_KEY", null));
        var (client, handler) = TestClient.Create(o =>
        {
            o.ApiToken = null;
            o.UseEnvironmentCredentials = true;
        });
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal("Bearer env-token", handler.Single.Header("Authorization"));
    }

    [Fact]
    public async Task Without_credentials_email_and_key_come_from_CLOUDFLARE_EMAIL_and_CLOUDFLARE_API_KEY()
    {
        using var _ = new EnvironmentVariables(("CLOUDFLARE_API_TOKEN", null), ("CLOUDFLARE_EMAIL", "env@example.com"), ("CLOUDFLARE_API_KEY", "env-key"));
        var (client, handler) = TestClient.Create(o =>
        {
            o.ApiToken = null;
            o.UseEnvironmentCredentials = true;
        });
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal("env@example.com", handler.Single.Header("X-Auth-Email"));
        Assert.Equal("env-key", handler.Single.Header("X-Auth-Key"));
        Assert.Null(handler.Single.Header("Authorization"));
    }

    [Fact]
    public async Task An_explicit_token_wins_over_the_environment()
    {
        using var _ = new EnvironmentVariables(("CLOUDFLARE_API_TOKEN", "env-token"), ("CLOUDFLARE_EMAIL", null), ("CLOUDFLARE_API_KEY", null));
        var (client, handler) = TestClient.Create(o => o.UseEnvironmentCredentials = true);
        handler.RespondOk(Envelopes.Details());

        await client.Instances.GetAsync("orders", "order-1");

        Assert.Equal("Bearer " + TestClient.ApiToken, handler.Single.Header("Authorization"));
    }

    [Fact]
    public void With_the_fallback_off_the_environment_is_ignored()
    {
        using var _ = new EnvironmentVariables(("CLOUDFLARE_API_TOKEN", "env-token"), ("CLOUDFLARE_EMAIL", null), ("CLOUDFLARE_API_KEY", null));
        var options = TestClient.Options(o => o.ApiToken = null);

        var ex = Assert.Throws<ArgumentException>(() => new WorkflowsClient(options, new HttpClient(new RecordingHandler())));

        Assert.Contains("No credentials", ex.Message, StringComparison.Ordinal);
    }

    private sealed class EnvironmentVariables : IDisposable
    {
        private readonly (string Name, string? Value)[] _saved;

        public EnvironmentVariables(params (string Name, string? Value)[] values)
        {
            _saved = values.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
            foreach (var (name, value) in values)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
