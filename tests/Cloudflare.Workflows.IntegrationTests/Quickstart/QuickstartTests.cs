using Cloudflare.Workflows.IntegrationTests.Sdk;
using Workflows.Quickstart;

namespace Cloudflare.Workflows.IntegrationTests.Quickstart;

/// <summary>The quickstart's main logic (<see cref="ApprovalQuickstart"/>), called in-process against the shared engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class QuickstartTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly LocalSdk _sdk;

    public QuickstartTests(EngineFixture fixture)
    {
        _sdk = new LocalSdk(fixture);
    }

    public void Dispose() => _sdk.Dispose();

    [Fact]
    public async Task Runs_an_approval_instance_to_completion_and_shows_every_step_as_it_happens()
    {
        var output = new StringWriter();
        var quickstart = new ApprovalQuickstart(_sdk.Client, output) { PollInterval = TimeSpan.FromMilliseconds(100) };
        using var deadline = new CancellationTokenSource(Deadline);

        InstanceDetails final = await quickstart.RunAsync(deadline.Token);

        Assert.Equal(InstanceStatus.Complete, final.Status);
        JsonAssert.Equal("""{"requestedBy":"quickstart","amount":125.5,"fail":false}""", final.Params);
        JsonAssert.Equal("""{"approvedBy":"alice","comment":"Looks good to me"}""", final.Output!.Value.OtherJson!.Value.GetProperty("approval").GetProperty("payload"));
        string text = output.ToString();
        AssertInOrder(
            text,
            """Creating an instance of 'approval' with id 'quickstart-""",
            """and params {"requestedBy":"quickstart","amount":125.5,"fail":false}""",
            "  status: running",
            """  [done]    make-object-1 (step) after 1 attempt, output: {"a":1,"b":"two","nested":{"c":[1,2,3]}}""",
            "  [done]    make-number-1 (step) after 1 attempt, output: 42",
            """  [done]    make-string-1 (step) after 1 attempt, output: "hello" """.TrimEnd(),
            "  [done]    nap-1 (sleep) woke up after ",
            "  [started] approval-1 (waitForEvent) waiting for an event",
            """  >> sending the 'approve' event with payload {"approvedBy":"alice","comment":"Looks good to me"}""",
            """  [done]    approval-1 (waitForEvent) received: {"type":"approve","payload":{"approvedBy":"alice","comment":"Looks good to me"},"timestamp":""",
            """  [done]    flaky-1 (step) after 1 attempt, output: {"ok":true}""",
            "Instance finished with status: complete",
            "Output:",
            "  \"num\": 42,");
        Assert.Equal(1, CountOf(text, ">> sending the 'approve' event"));
        Assert.Equal(1, CountOf(text, "[done]    nap-1"));
    }

    [Fact]
    public async Task Shows_each_failed_attempt_and_the_error_when_the_instance_errors()
    {
        var output = new StringWriter();
        var quickstart = new ApprovalQuickstart(_sdk.Client, output)
        {
            Request = new ApprovalRequest("quickstart-test", 1, Fail: true),
            PollInterval = TimeSpan.FromMilliseconds(100),
        };
        using var deadline = new CancellationTokenSource(Deadline);

        InstanceDetails final = await quickstart.RunAsync(deadline.Token);

        Assert.Equal(InstanceStatus.Errored, final.Status);
        AssertInOrder(
            output.ToString(),
            """and params {"requestedBy":"quickstart-test","amount":1,"fail":true}""",
            "     attempt 1 failed: Error: boom: fail requested",
            "     attempt 2 failed: Error: boom: fail requested",
            "     attempt 3 failed: Error: boom: fail requested",
            "  [failed]  flaky-1 (step) after 3 attempts",
            "Instance finished with status: errored",
            "Error: Error: boom: fail requested");
    }

    private static void AssertInOrder(string text, params string[] fragments)
    {
        int position = 0;
        foreach (string fragment in fragments)
        {
            int found = text.IndexOf(fragment, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{fragment}' not found (in order) in the quickstart's output:{Environment.NewLine}{text}");
            position = found + fragment.Length;
        }
    }

    private static int CountOf(string text, string fragment)
    {
        int count = 0;
        for (int at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
