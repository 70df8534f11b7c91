using System;
using System.Collections.Generic;
using System.Text;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>
/// Thread-safe ring of the most recent output lines. wrangler logs a line per failed step attempt, so a
/// long test run must not grow memory without bound; the tail is what explains a failure anyway.
/// </summary>
internal sealed class BoundedLog
{
    private readonly object _gate = new();
    private readonly Queue<string> _lines;
    private readonly int _capacity;
    private readonly Action<string>? _sink;
    private long _dropped;

    public BoundedLog(int capacity, Action<string>? sink)
    {
        _capacity = Math.Max(1, capacity);
        _lines = new Queue<string>(Math.Min(_capacity, 256));
        _sink = sink;
    }

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        line = AnsiEscapes.Strip(line);
        lock (_gate)
        {
            if (_lines.Count == _capacity)
            {
                _lines.Dequeue();
                _dropped++;
            }

            _lines.Enqueue(line);
        }

        if (_sink is not null)
        {
            try
            {
                _sink(line);
            }
            catch (Exception)
            {
                // A sink such as xunit's ITestOutputHelper throws once its test has finished;
                // losing a log line must never break the engine.
            }
        }
    }

    public string Tail(int lineCount)
    {
        lock (_gate)
        {
            int skip = Math.Max(0, _lines.Count - lineCount);
            var builder = new StringBuilder();
            if (skip > 0 || _dropped > 0)
            {
                builder.Append("[... ").Append(skip + _dropped).Append(" earlier lines omitted]").Append('\n');
            }

            foreach (string line in _lines)
            {
                if (skip-- > 0)
                {
                    continue;
                }

                builder.Append(line).Append('\n');
            }

            return builder.ToString();
        }
    }

    /// <summary>
    /// The first <paramref name="maxLines"/> non-empty lines that report an error (wrangler's "✘ [ERROR]", workerd's
    /// "kj::Exception", "Error:" lines, "npm error"). The first errors name the cause, later ones are consequences
    /// (npm even appends its whole usage text). Put in front of the tail in failure messages because esbuild's
    /// goroutine dump after an aborted start can fill the whole tail.
    /// </summary>
    public IReadOnlyList<string> ErrorLines(int maxLines)
    {
        var errors = new List<string>();
        lock (_gate)
        {
            foreach (string line in _lines)
            {
                if (line.Contains("[ERROR]", StringComparison.Ordinal)
                    || line.Contains("kj::Exception", StringComparison.Ordinal)
                    || line.Contains("Error:", StringComparison.Ordinal)
                    || (line.StartsWith("[npm] npm error", StringComparison.Ordinal) && line.Length > "[npm] npm error".Length))
                {
                    errors.Add(line);
                    if (errors.Count == maxLines)
                    {
                        break;
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>A failure report: the error lines, then the last <paramref name="tailLines"/> lines.</summary>
    public string Describe(int tailLines)
    {
        var builder = new StringBuilder();
        IReadOnlyList<string> errors = ErrorLines(10);
        if (errors.Count > 0)
        {
            builder.Append("Errors in the output:\n");
            foreach (string error in errors)
            {
                builder.Append("  ").Append(error).Append('\n');
            }
        }

        builder.Append("Last output:\n").Append(Tail(tailLines));
        return builder.ToString();
    }

    public override string ToString() => Tail(int.MaxValue);
}
