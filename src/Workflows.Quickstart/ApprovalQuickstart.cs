using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Cloudflare.Workflows;

namespace Workflows.Quickstart;

/// <summary>
/// The heart of the quickstart, and everything an application does with the SDK: create an instance of the
/// <c>approval</c> workflow, watch it by polling, send the event it waits for, and read its final output.
/// It only needs a <see cref="WorkflowsClient"/>, so the same code runs against Cloudflare or the local engine.
/// </summary>
public sealed class ApprovalQuickstart
{
    /// <summary>The workflow the quickstart runs (defined in tests/engine/src/index.ts).</summary>
    public const string WorkflowName = "approval";

    /// <summary>The event type the workflow's <c>step.waitForEvent</c> waits for.</summary>
    public const string EventType = "approve";

    private readonly WorkflowsClient _client;
    private readonly TextWriter _output;

    /// <summary>Creates the quickstart for a client; progress is written to <paramref name="output"/>.</summary>
    public ApprovalQuickstart(WorkflowsClient client, TextWriter output)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _output = output ?? throw new ArgumentNullException(nameof(output));
    }

    /// <summary>The params the instance starts with.</summary>
    public ApprovalRequest Request { get; init; } = new(RequestedBy: "quickstart", Amount: 125.5, Fail: false);

    /// <summary>The payload of the <c>approve</c> event.</summary>
    public ApprovalDecision Decision { get; init; } = new(ApprovedBy: "alice", Comment: "Looks good to me");

    /// <summary>How often the instance is polled. Steps appear as they run, so shorter means livelier output.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long the instance is left waiting for the event before it is sent (watch it wait; Ctrl+C meanwhile).</summary>
    public TimeSpan ApproveAfter { get; init; } = TimeSpan.Zero;

    /// <summary>Runs one instance from creation to its end and returns its final details.</summary>
    /// <param name="cancellationToken">Stops waiting (Ctrl+C, or a deadline); the instance itself keeps running.</param>
    public async Task<InstanceDetails> RunAsync(CancellationToken cancellationToken = default)
    {
        // 1. Create an instance. The id is ours to choose (letters, digits, '-' and '_', at most 100 characters):
        //    choosing it makes the create safe to retry, because a second create with the same id is a conflict.
        string instanceId = "quickstart-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        JsonElement parameters = JsonSerializer.SerializeToElement(Request, QuickstartJson.Default.ApprovalRequest);
        _output.WriteLine($"Creating an instance of '{WorkflowName}' with id '{instanceId}' and params {JsonText.Compact(parameters)}");
        InstanceCreated created = await _client.Instances.CreateAsync(
            WorkflowName,
            new InstanceCreateRequest { InstanceId = instanceId, Params = parameters },
            cancellationToken: cancellationToken);

        // 2. Watch it. GetAsync returns the status and every step so far; printing what changed between two
        //    polls shows the workflow live. When it waits for our event, send it (once).
        var progress = new ProgressPrinter(_output);
        bool eventSent = false;
        while (true)
        {
            InstanceDetails details = await _client.Instances.GetAsync(WorkflowName, created.Id, cancellationToken: cancellationToken);
            progress.Print(details);

            if (details.Status.IsTerminal)
            {
                // 3. Done: complete, errored or terminated. The output is whatever the workflow's run() returned.
                PrintResult(details);
                return details;
            }

            if (!eventSent && IsWaitingForEvent(details))
            {
                if (ApproveAfter > TimeSpan.Zero)
                {
                    _output.WriteLine($"  >> the instance waits for the '{EventType}' event: sending it in {ApproveAfter.TotalSeconds:0} s");
                    await Task.Delay(ApproveAfter, cancellationToken);
                }

                _output.WriteLine($"  >> sending the '{EventType}' event with payload {JsonText.Compact(JsonSerializer.SerializeToElement(Decision, QuickstartJson.Default.ApprovalDecision))}");
                await _client.Instances.SendEventAsync(WorkflowName, created.Id, EventType, Decision, QuickstartJson.Default.ApprovalDecision, cancellationToken: cancellationToken);
                eventSent = true;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private void PrintResult(InstanceDetails details)
    {
        _output.WriteLine();
        _output.WriteLine($"Instance finished with status: {details.Status}");
        if (details.Output?.OtherJson is { } json)
        {
            _output.WriteLine("Output:");
            _output.WriteLine(JsonText.Indented(json));
        }
        else if (details.Output is { } output)
        {
            _output.WriteLine($"Output: {output}");
        }

        if (details.Error is { } error)
        {
            _output.WriteLine($"Error: {error.Name}: {error.Message}");
        }
    }

    /// <summary>
    /// Whether the instance sits in <c>step.waitForEvent</c>. The status alone cannot tell: the local engine reports
    /// "running" while waiting, so look for a wait step that has not finished.
    /// </summary>
    private static bool IsWaitingForEvent(InstanceDetails details) =>
        details.Steps?.OfType<StepWaitForEvent>().Any(step => step.Finished != true) == true;
}
