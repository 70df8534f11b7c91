using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// Works around a YamlDotNet 18 scanner check that refuses valid block scalars: a whitespace-only line at the start
/// of a block scalar with more spaces than the content indentation throws "While scanning a literal block scalar,
/// found extra spaces in first line" when the indentation is detected (<c>|</c>, <c>|+</c>, <c>&gt;-</c>) and a
/// leading empty line holds any space at all, and when it is explicit (<c>|2</c>) and such a line holds more spaces
/// than the indentation. OpenAI's published spec has <c>example: |+</c> followed by a line of spaces only, which
/// libyaml, PyYAML and js-yaml read as <c>"\n"</c>.
/// <para>
/// Only used when YamlDotNet has thrown exactly that error: such leading lines are cut to the content indentation
/// (explicit: the node's column + the indicator; detected: 0). The value loses at most the spaces of an otherwise
/// empty line beyond an explicit indentation. Line numbers are unchanged; <see cref="ToOriginalIndex"/> maps
/// character offsets back so diagnostics still point at the original text.
/// </para>
/// </summary>
internal sealed class BlockScalarLeadingLines
{
    public const string ScannerMessage = "found extra spaces in first line";

    // `key: |2`, `- >-`, `- key: |+ # comment`, a bare `|` line: a block scalar header ends its line.
    private static readonly Regex s_header = new(
        @"^(?<lead> *)(?<dashes>(?:- +)*)(?<key>[^\s#-][^#]*?: +|[^\s#-]: +)?[|>](?<indicators>[1-9][+-]?|[+-][1-9]?)? *(?:#.*)?$",
        RegexOptions.CultureInvariant);

    // (offset in the rewritten text, characters removed before it), ascending.
    private readonly List<(int Index, int Removed)> _shifts = new();

    private BlockScalarLeadingLines(string text) => Text = text;

    /// <summary>The rewritten text.</summary>
    public string Text { get; }

    public static BlockScalarLeadingLines Rewrite(string text)
    {
        var lines = SplitLines(text);
        var output = new StringBuilder(text.Length);
        var shifts = new List<(int Index, int Removed)>();
        var removed = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            output.Append(lines[i].Text).Append(lines[i].Break);
            var header = s_header.Match(lines[i].Text);
            if (!header.Success)
            {
                continue;
            }

            // The node's column: the key's, else the last dash's, else the line's indentation.
            var lead = header.Groups["lead"].Length;
            var dashes = header.Groups["dashes"].Value;
            var nodeColumn = header.Groups["key"].Success ? lead + dashes.Length : dashes.Length > 0 ? lead + dashes.TrimEnd().LastIndexOf('-') : lead;
            var indicators = header.Groups["indicators"].Value;
            var digit = indicators.Length > 0 && char.IsDigit(indicators[0]) ? indicators[0] - '0' : indicators.Length > 1 && char.IsDigit(indicators[1]) ? indicators[1] - '0' : 0;

            var first = i + 1;
            var next = first;
            while (next < lines.Count && lines[next].Text.Trim(' ').Length == 0)
            {
                next++;
            }

            // Explicit indentation: spaces up to it are indentation. Detected: YamlDotNet refuses any space on a
            // leading empty line, though such lines carry none of the value (they read as "\n" whatever they hold).
            var contentIndent = digit > 0 ? nodeColumn + digit : 0;

            for (var j = first; j < next; j++)
            {
                var line = lines[j];
                if (line.Text.Length > contentIndent)
                {
                    removed += line.Text.Length - contentIndent;
                    line = (line.Text.Substring(0, contentIndent), line.Break);
                    lines[j] = line;
                }

                output.Append(line.Text).Append(line.Break);
                shifts.Add((output.Length, removed));
            }

            i = next - 1;
        }

        var result = new BlockScalarLeadingLines(output.ToString());
        result._shifts.AddRange(shifts);
        return result;
    }

    /// <summary>Maps an offset in <see cref="Text"/> to the offset in the original text.</summary>
    public int ToOriginalIndex(int index)
    {
        // Binary search for the last shift at or before index.
        int lo = 0, hi = _shifts.Count - 1, removed = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (_shifts[mid].Index <= index)
            {
                removed = _shifts[mid].Removed;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return index + removed;
    }

    private static List<(string Text, string Break)> SplitLines(string text)
    {
        var lines = new List<(string, string)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                lines.Add((text.Substring(start, end - start), text.Substring(end, i + 1 - end)));
                start = i + 1;
            }
        }

        lines.Add((text.Substring(start), string.Empty));
        return lines;
    }
}
