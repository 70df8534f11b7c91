using System.Globalization;
using System.Text.Json;
using Cloudflare.Workflows.ContractTests.Calls;
using Cloudflare.Workflows.ContractTests.Mock;

namespace Cloudflare.Workflows.ContractTests;

/// <summary>
/// Every operation through the SDK against Prism mocking the spec the SDK was generated from: Prism validates each
/// request against the spec (a violation is a 4xx with <c>sl-violations</c>) and answers from the spec (its examples,
/// or in dynamic mode random schema-valid values), which the SDK must read without replacing a single value.
/// </summary>
[Collection(PrismCollection.Name)]
public sealed class PrismContractTests
{
    /// <summary>Rounds in dynamic mode: each with its own <c>Prefer: seed</c>, so 30 different answers per operation.</summary>
    public const int DynamicRounds = 30;

    private readonly PrismFixture _prism;
    private readonly ITestOutputHelper _output;

    public PrismContractTests(PrismFixture prism, ITestOutputHelper output)
    {
        _prism = prism;
        _output = output;
    }

    [Fact]
    public void The_calls_cover_every_operation_of_the_spec()
    {
        using JsonDocument upstream = JsonDocument.Parse(File.ReadAllText(Path.Combine(MockSpec.RepoRoot, "spec", "UPSTREAM.json")));
        var specOperations = upstream.RootElement.GetProperty("operationIds").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal);

        Assert.Equal(specOperations, ContractOperations.All.Select(o => o.OperationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Static_mode_accepts_every_request_and_the_sdk_reads_every_answer()
    {
        // One round per request shape, so every shape of every operation is sent once.
        ContractRun run = await ContractRun.RunAsync("static", _prism.Static.BaseUri, ContractOperations.MaxVariants, seedOf: null);
        _prism.Results.Runs["static"] = run;
        _output.WriteLine(run.DescribeFailures());

        Assert.True(run.Rejections == 0 && run.Unreadable == 0, run.DescribeFailures());
        Assert.All(run.Calls, c => Assert.Equal(200, c.Status));
    }

    [Fact]
    public async Task Dynamic_mode_over_30_seeds_accepts_every_request_and_the_sdk_reads_every_answer()
    {
        ContractRun run = await ContractRun.RunAsync("dynamic", _prism.Dynamic.BaseUri, DynamicRounds, seedOf: round => (round + 1).ToString(CultureInfo.InvariantCulture));
        _prism.Results.Runs["dynamic"] = run;
        _output.WriteLine(run.DescribeFailures());

        Assert.True(run.Rejections == 0 && run.Unreadable == 0, run.DescribeFailures());
        Assert.All(run.Calls, c => Assert.Equal(200, c.Status));
        // The seeds take effect: an operation's answers differ from round to round (measured: 28 of 30 distinct).
        Assert.All(run.Calls.GroupBy(c => c.Operation.OperationId), g => Assert.True(
            g.Select(c => c.Body).Distinct().Count() >= DynamicRounds / 2, $"{g.Key}: {g.Select(c => c.Body).Distinct().Count()} distinct answers in {DynamicRounds} rounds"));
    }

    /// <summary>
    /// Why Prism mocks the overlay-applied spec: against the bare upstream extract, Prism rejects exactly the requests
    /// that carry what the overlay corrects (any-JSON <c>params</c>, a non-object event body) and nothing else. When
    /// this starts failing because upstream fixed its description, drop those corrections from the overlay.
    /// </summary>
    [Fact]
    public async Task Upstream_extract_rejects_only_what_the_overlay_corrects()
    {
        ContractRun run = await ContractRun.RunAsync("upstream", _prism.Upstream.BaseUri, ContractOperations.MaxVariants, seedOf: null);
        _prism.Results.Runs["upstream"] = run;
        _output.WriteLine(run.DescribeFailures());

        var rejected = run.Calls.Where(c => c.Rejected)
            .SelectMany(c => c.ViolationMessages().Select(m => c.Operation.OperationId + ": " + m))
            .Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(
            new[]
            {
                "wor-batch-create-workflow-instance: Request body property 1.params must be string",
                "wor-create-new-workflow-instance: Request body property params must be string",
                "wor-send-event-workflow-instance: Request body must be object",
            },
            rejected);
        Assert.True(run.Unreadable == 0, run.DescribeFailures());
    }

    /// <summary>
    /// Every declared error answer of every operation (37: 400, 404, one 409, 429 and 500), asked for with
    /// <c>Prefer: code=…</c>: the SDK throws the exception type of that status, and its <c>Errors</c> are the body's
    /// <c>errors</c> (code and message). Static once, and dynamic over 5 seeds (random messages and codes).
    /// </summary>
    [Fact]
    public async Task Declared_error_answers_become_the_typed_exception_with_the_errors_of_the_body()
    {
        IReadOnlyDictionary<string, IReadOnlyList<int>> statuses = MockSpec.ErrorStatuses();
        ContractRun staticRun = await ContractRun.RunErrorsAsync("static errors", _prism.Static.BaseUri, 1, seedOf: null, statuses);
        ContractRun dynamicRun = await ContractRun.RunErrorsAsync("dynamic errors", _prism.Dynamic.BaseUri, 5, round => (round + 1).ToString(CultureInfo.InvariantCulture), statuses);
        _prism.Results.Runs["static errors"] = staticRun;
        _prism.Results.Runs["dynamic errors"] = dynamicRun;
        _output.WriteLine(staticRun.DescribeFailures());
        _output.WriteLine(dynamicRun.DescribeFailures());

        Assert.Equal(statuses.Values.Sum(s => s.Count), staticRun.Calls.Count);
        Assert.True(staticRun.Rejections == 0 && staticRun.Unreadable == 0, staticRun.DescribeFailures());
        Assert.True(dynamicRun.Rejections == 0 && dynamicRun.Unreadable == 0, dynamicRun.DescribeFailures());
    }
}
