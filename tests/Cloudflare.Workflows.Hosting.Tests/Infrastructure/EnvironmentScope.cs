namespace Cloudflare.Workflows.Hosting.Tests.Infrastructure;

/// <summary>
/// Sets (or clears) CLOUDFLARE_* environment variables for one test and restores them after. The variables are
/// process-wide, so every test that reads them is in <see cref="EnvironmentCollection"/>, which xunit runs alone.
/// </summary>
public sealed class EnvironmentScope : IDisposable
{
    public static readonly string[] Names = ["CLOUDFLARE_API_TOKEN", "CLOUDFLARE_API_KEY", "CLOUDFLARE_EMAIL", "CLOUDFLARE_ACCOUNT_ID", "CLOUDFLARE_BASE_URL"];

    private readonly Dictionary<string, string?> _saved = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);

    /// <summary>Clears every CLOUDFLARE_* variable, then sets <paramref name="values"/>.</summary>
    public EnvironmentScope(params (string Name, string Value)[] values)
    {
        foreach (var name in Names)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

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

/// <summary>Tests that read or write process environment variables: run alone, never beside another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Environment";
}
