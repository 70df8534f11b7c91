using Cloudflare.OpenApi.Generator.Tests.Corpus;

namespace Cloudflare.OpenApi.Generator.Tests;

/// <summary>
/// Every spec of the corpus (public, real-world descriptions; see Corpus/SOURCES.md) generates code that compiles
/// with no error and no warning except the ones its catalog entry lists with a reason. A spec listed as a known
/// failure must still fail (so the list shrinks as fixes land instead of going stale).
/// </summary>
public sealed class CorpusTests(CorpusTable table) : IClassFixture<CorpusTable>
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in CorpusCatalog.All.Where(s => s.File != CorpusCatalog.CloudflareFull))
        {
            data.Add(spec.File);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Corpus_spec_generates_code_that_compiles_cleanly(string file)
    {
        var spec = CorpusCatalog.Get(file);
        var result = CorpusRunner.Run(spec);
        table.Add(result);

        if (spec.KnownFailure is { } known)
        {
            Assert.True(result.Failures.Count > 0, $"{file} now passes: remove its KnownFailure ({known.Owner}: {known.Reason}) from CorpusCatalog.");
            return;
        }

        Assert.True(result.Failures.Count == 0, $"{file}: {result.Failures.Count} problem(s):\n{string.Join("\n", result.Failures.Take(20))}");
        Assert.True(result.StaleExpectations.Count == 0, $"{file}: {string.Join("; ", result.StaleExpectations)}");
    }
}
