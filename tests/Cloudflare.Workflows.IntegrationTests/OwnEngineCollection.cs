namespace Cloudflare.Workflows.IntegrationTests;

/// <summary>
/// Tests that start engines of their own (launcher lifecycle, the quickstart as a child process, the engine stall).
/// They run alone, after the shared-engine tests, so that 2 cores are not shared by two engines starting at once.
/// (The 60 s stall once blamed on a second engine was the unread-body stall: tests/engine/README.md.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnEngineCollection
{
    public const string Name = "Tests that start their own engine";
}
