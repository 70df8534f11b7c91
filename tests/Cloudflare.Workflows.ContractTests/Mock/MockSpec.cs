using System.Reflection;
using Cloudflare.OpenApi.Generator.Configuration;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Parsing;

namespace Cloudflare.Workflows.ContractTests.Mock;

/// <summary>
/// The documents Prism mocks: the spec the SDK was generated from, i.e. the upstream extract
/// (spec/cloudflare-workflows.openapi.json) with spec/workflows.overlay.yaml applied by the generator's own code
/// (<see cref="YamlSpecReader"/>, as at compile time), and the bare upstream extract for comparison.
/// </summary>
/// <remarks>
/// Mocking the upstream extract would test Cloudflare's file against the SDK's corrections: Prism rejects what the
/// overlay corrects on purpose (object <c>params</c> on create, where upstream says <c>type: string</c>; see
/// README.md). The generated document is written to a temporary folder per run, never into the repository.
/// </remarks>
internal static class MockSpec
{
    /// <summary>The repository root (the build passes it in as assembly metadata).</summary>
    public static string RepoRoot { get; } = typeof(MockSpec).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>spec/cloudflare-workflows.openapi.json: Cloudflare's published Workflows description, unmodified.</summary>
    public static string UpstreamExtract => Path.Combine(RepoRoot, "spec", "cloudflare-workflows.openapi.json");

    /// <summary>spec/workflows.overlay.yaml: the SDK's names and corrections.</summary>
    public static string Overlay => Path.Combine(RepoRoot, "spec", "workflows.overlay.yaml");

    /// <summary>tests/mock: Prism, pinned.</summary>
    public static string MockDirectory => Path.Combine(RepoRoot, "tests", "mock");

    /// <summary>
    /// The declared answers other than 2xx of every operation (upstream operation id → status codes, in spec order):
    /// the error answers Prism can be asked for with <c>Prefer: code=…</c>. The overlay leaves them as upstream has them.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<int>> ErrorStatuses()
    {
        using var spec = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(UpstreamExtract));
        var statuses = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var path in spec.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Value.TryGetProperty("operationId", out _)))
            {
                statuses[operation.Value.GetProperty("operationId").GetString()!] = operation.Value.GetProperty("responses").EnumerateObject()
                    .Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture))
                    .Where(code => code >= 300)
                    .ToList();
            }
        }

        return statuses;
    }

    /// <summary>
    /// Writes the overlay-applied spec as JSON into <paramref name="directory"/> and returns its path. Fails on any
    /// diagnostic of the reader (an overlay action that no longer matches is one): Prism would then mock something
    /// other than what the SDK was generated from.
    /// </summary>
    public static string WriteGeneratorView(string directory)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var overlays = new[] { new OverlayInput(Overlay, File.ReadAllText(Overlay), UpstreamExtract) };
        var reader = YamlSpecReader.Read(UpstreamExtract, File.ReadAllText(UpstreamExtract), overlays, diagnostics);
        if (reader is null || diagnostics.Count > 0)
        {
            var problems = diagnostics.Select(d => d.Id + " " + d.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            throw new InvalidOperationException("The generator's reader did not apply the overlay cleanly:\n" + string.Join('\n', problems));
        }

        string path = Path.Combine(directory, "workflows.generator-view.openapi.json");
        File.WriteAllText(path, reader.Json);
        return path;
    }
}
