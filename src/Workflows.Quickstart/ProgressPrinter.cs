using System;
using System.Collections.Generic;
using System.IO;
using Cloudflare.Workflows;

namespace Workflows.Quickstart;

/// <summary>
/// Prints what changed since the previous poll: the instance status, each step when it appears, each failed
/// attempt, and each step when it finishes (with its output). Steps are compared by position: the API lists them
/// oldest first and never reorders them.
/// </summary>
internal sealed class ProgressPrinter
{
    private readonly TextWriter _output;
    private readonly List<StepProgress> _seen = new();
    private InstanceStatus? _status;

    public ProgressPrinter(TextWriter output)
    {
        _output = output;
    }

    public void Print(InstanceDetails details)
    {
        // The final status is printed with the result; here only the ones on the way (running, paused, ...).
        if (_status != details.Status && !details.Status.IsTerminal)
        {
            _output.WriteLine($"  status: {details.Status}");
        }

        _status = details.Status;

        IReadOnlyList<InstanceStep> steps = details.Steps ?? Array.Empty<InstanceStep>();
        for (int i = 0; i < steps.Count; i++)
        {
            if (i == _seen.Count)
            {
                _seen.Add(new StepProgress());
            }

            PrintStep(steps[i], _seen[i]);
        }
    }

    private void PrintStep(InstanceStep step, StepProgress seen)
    {
        // Each kind of step is its own type; pattern matching picks the fields that kind has.
        switch (step)
        {
            case StepRun run:
                Announce(seen, run.Name, "step", finished: run.Success is not null, "running");
                IReadOnlyList<StepAttempt> attempts = run.Attempts ?? Array.Empty<StepAttempt>();
                for (; seen.AttemptsPrinted < attempts.Count; seen.AttemptsPrinted++)
                {
                    StepAttempt attempt = attempts[seen.AttemptsPrinted];
                    if (attempt.Success == false)
                    {
                        _output.WriteLine($"     attempt {seen.AttemptsPrinted + 1} failed: {attempt.Error?.Name}: {attempt.Error?.Message}");
                    }
                }

                if (run.Success is { } success && Finish(seen))
                {
                    string attemptText = attempts.Count == 1 ? "1 attempt" : $"{attempts.Count} attempts";
                    _output.WriteLine(success
                        ? $"  [done]    {run.Name} (step) after {attemptText}, output: {Describe(run.Output)}"
                        : $"  [failed]  {run.Name} (step) after {attemptText}");
                }

                break;

            case StepSleep sleep:
                Announce(seen, sleep.Name, "sleep", finished: sleep.Finished == true, "sleeping");
                if (sleep.Finished == true && Finish(seen))
                {
                    _output.WriteLine($"  [done]    {sleep.Name} (sleep) woke up after {Seconds(sleep.Start, sleep.End)}");
                }

                break;

            case StepWaitForEvent wait:
                Announce(seen, wait.Name, "waitForEvent", finished: wait.Finished == true, "waiting for an event");
                if (wait.Finished == true && Finish(seen))
                {
                    _output.WriteLine(wait.Error is null
                        ? $"  [done]    {wait.Name} (waitForEvent) received: {Describe(wait.Output)}"
                        : $"  [failed]  {wait.Name} (waitForEvent): {wait.Error.Name}: {wait.Error.Message}");
                }

                break;

            default:
                // A kind of step this SDK version does not know yet (or a termination): still worth a line.
                Announce(seen, step.Type, step.Type, finished: true, string.Empty);
                break;
        }
    }

    /// <summary>The first time a step is seen and it is still under way, say so.</summary>
    private void Announce(StepProgress seen, string name, string kind, bool finished, string activity)
    {
        if (seen.Announced)
        {
            return;
        }

        seen.Announced = true;
        if (!finished)
        {
            _output.WriteLine($"  [started] {name} ({kind}) {activity}");
        }
        else if (activity.Length == 0)
        {
            _output.WriteLine($"  [seen]    {name} ({kind})");
        }
    }

    /// <summary>True the first time a step is reported finished, so each finish is printed once.</summary>
    private static bool Finish(StepProgress seen)
    {
        bool first = !seen.Finished;
        seen.Finished = true;
        return first;
    }

    /// <summary>Step outputs are any JSON: a string, a number, or (as <see cref="StringOrNumber.OtherJson"/>) an object or array.</summary>
    private static string Describe(StringOrNumber? value) => value switch
    {
        null => "(none)",
        { IsString: true } text => "\"" + text.AsString() + "\"",
        { IsNumber: true } number => number.ToString(),
        { OtherJson: { } json } => JsonText.Compact(json),
        _ => "(none)",
    };

    private static string Seconds(DateTimeOffset? start, DateTimeOffset? end) =>
        start is { } from && end is { } to ? $"{(to - from).TotalSeconds:0.0} s" : "a while";

    private sealed class StepProgress
    {
        public bool Announced { get; set; }

        public bool Finished { get; set; }

        public int AttemptsPrinted { get; set; }
    }
}
