namespace Cloudflare.Workflows.IntegrationTests;

/// <summary>
/// Tests that start engines of their own (launcher lifecycle, the quickstart as a child process). They run alone,
/// after the shared-engine tests: on 2 cores a second wrangler starting beside the shared one slowed (once stalled,
/// for 60 s) a request to the shared engine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnEngineCollection
{
    public const string Name = "Tests that start their own engine";
}
