using System;
using System.Text;

namespace Cloudflare.OpenApi.Generator.Emit;

/// <summary>An indentation-aware text writer for generated C# (in the manner of System.Text.Json's generator).</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;

    public SourceWriter WriteLine(string line = "")
    {
        if (line.Length == 0)
        {
            _builder.Append('\n');
            return this;
        }

        foreach (var part in line.Split('\n'))
        {
            _builder.Append(' ', _indent * 4).Append(part.TrimEnd('\r')).Append('\n');
        }

        return this;
    }

    public SourceWriter OpenBlock(string header)
    {
        WriteLine(header);
        WriteLine("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBlock(string suffix = "")
    {
        _indent--;
        WriteLine("}" + suffix);
        return this;
    }

    public SourceWriter Indent()
    {
        _indent++;
        return this;
    }

    public SourceWriter Unindent()
    {
        _indent--;
        return this;
    }

    /// <summary>
    /// Writes an XML doc <c>&lt;summary&gt;</c>: the spec's <paramref name="text"/> (escaped), or else the generator's own
    /// <paramref name="fallbackXml"/> (already XML, so its <c>&lt;c&gt;</c> and <c>&lt;see/&gt;</c> tags stay tags).
    /// </summary>
    public SourceWriter WriteSummary(string? text, string? fallbackXml = null)
    {
        var content = string.IsNullOrWhiteSpace(text) ? fallbackXml : EscapeXml(text!);
        if (string.IsNullOrWhiteSpace(content))
        {
            return this;
        }

        WriteLine("/// <summary>");
        foreach (var line in content!.Trim().Split('\n'))
        {
            WriteLine("/// " + line.TrimEnd('\r'));
        }

        WriteLine("/// </summary>");
        return this;
    }

    /// <summary>Writes a one-line doc tag whose content is already XML (escape spec text with <see cref="EscapeXml"/>).</summary>
    public SourceWriter WriteDocTag(string tag, string attributes, string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return this;
        }

        var flat = string.Join(" ", xml!.Trim().Split(new[] { '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries));
        WriteLine($"/// <{tag}{attributes}>{flat}</{tag}>");
        return this;
    }

    public static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public override string ToString() => _builder.ToString();
}
