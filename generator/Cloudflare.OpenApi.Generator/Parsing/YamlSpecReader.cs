using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Cloudflare.OpenApi.Generator.Configuration;
using Cloudflare.OpenApi.Generator.Diagnostics;
using Cloudflare.OpenApi.Generator.Parsing.Overlay;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cloudflare.OpenApi.Generator.Parsing;

/// <summary>
/// Reads a YAML or JSON spec with YamlDotNet's node model and turns it into JSON text for NSwag, keeping the position
/// of every node (by JSON pointer) so that later problems can point at the right line and column of the spec file.
/// Plain scalars are typed by the YAML 1.2 core schema; quoted scalars stay strings (so '007' and "true" survive).
/// </summary>
internal sealed class YamlSpecReader
{
    private const int MaxDepth = 200;
    private static readonly Regex s_int = new("^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_octal = new("^0o[0-7]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_hex = new("^0x[0-9a-fA-F]+$", RegexOptions.CultureInvariant);
    private static readonly Regex s_float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private readonly string _path;
    private readonly Dictionary<string, SpecLocation> _locations = new(StringComparer.Ordinal);
    private readonly List<(string Pointer, string Reference)> _references = new();
    private readonly StringBuilder _json = new();
    private Dictionary<YamlNode, SpecLocation>? _origins;

    private YamlSpecReader(string path) => _path = path;

    /// <summary>The JSON text of the document.</summary>
    public string Json => _json.ToString();

    /// <summary>Position of each node, by JSON pointer (the key of a mapping entry, else the node).</summary>
    public IReadOnlyDictionary<string, SpecLocation> Locations => _locations;

    /// <summary>Every <c>$ref</c>: where it is, and what it says.</summary>
    public IReadOnlyList<(string Pointer, string Reference)> References => _references;

    /// <summary>Reads the text; returns null and a diagnostic when it is not well-formed YAML/JSON.</summary>
    public static YamlSpecReader? Read(string path, string text, List<DiagnosticInfo> diagnostics) =>
        Read(path, text, Array.Empty<OverlayInput>(), diagnostics);

    /// <summary>
    /// Reads the text and applies the overlays to it (see <see cref="OverlayApplier"/>); returns null and a diagnostic
    /// when the spec is not well-formed YAML/JSON or an overlay is invalid. Nodes an overlay added keep its locations.
    /// </summary>
    public static YamlSpecReader? Read(string path, string text, IReadOnlyList<OverlayInput> overlays, List<DiagnosticInfo> diagnostics)
    {
        var reader = new YamlSpecReader(path);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSpec, reader.At(1, 1, 0, 0), "the file is empty"));
                return null;
            }

            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode.Start;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSpec, reader.At(second), "the file holds more than one YAML document"));
                return null;
            }

            var root = stream.Documents[0].RootNode;
            if (root is not YamlMappingNode)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotOpenApi, reader.At(root.Start), "the top level is not a mapping"));
                return null;
            }

            if (overlays.Count > 0)
            {
                reader._origins = OverlayApplier.Apply((YamlMappingNode)root, overlays, diagnostics);
                if (reader._origins is null)
                {
                    return null;
                }
            }

            reader._locations[string.Empty] = reader.At(root.Start, root.End);
            reader.Write(root, string.Empty, 0);
            return reader;
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && inner.Message.Length > 0 ? $"{ex.Message} {inner.Message}" : ex.Message;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSpec, reader.At(ex.Start, ex.End), Clean(message)));
            return null;
        }
        catch (SpecFormatException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSpec, ex.Location, ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet reports duplicate keys and similar problems this way.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedSpec, reader.At(1, 1, 0, 0), Clean(ex.Message)));
            return null;
        }
    }

    /// <summary>The location of a pointer, or of its nearest ancestor that has one.</summary>
    public SpecLocation LocationOf(string pointer)
    {
        while (true)
        {
            if (_locations.TryGetValue(pointer, out var location))
            {
                return location;
            }

            var slash = pointer.LastIndexOf('/');
            if (slash < 0)
            {
                return _locations.TryGetValue(string.Empty, out var root) ? root : At(1, 1, 0, 0);
            }

            pointer = pointer.Substring(0, slash);
        }
    }

    /// <summary>Whether a pointer names a node of the document.</summary>
    public bool Exists(string pointer) => _locations.ContainsKey(pointer);

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private void Write(YamlNode node, string pointer, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new SpecFormatException($"the document nests deeper than {MaxDepth} levels (a recursive alias?)", Where(node));
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                _json.Append('{');
                var first = true;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is not YamlScalarNode keyNode)
                    {
                        throw new SpecFormatException("a mapping key is not a plain value", Where(entry.Key));
                    }

                    var key = keyNode.Value ?? string.Empty;
                    if (!seen.Add(key))
                    {
                        throw new SpecFormatException($"the key '{key}' appears twice in the same mapping", Where(keyNode));
                    }

                    var childPointer = pointer + "/" + Escape(key);
                    _locations[childPointer] = Where(keyNode);
                    if (key == "$ref" && entry.Value is YamlScalarNode refValue)
                    {
                        _locations[childPointer] = Where(refValue);
                        _references.Add((childPointer, refValue.Value ?? string.Empty));
                    }

                    if (!first)
                    {
                        _json.Append(',');
                    }

                    first = false;
                    WriteString(key);
                    _json.Append(':');
                    if (pointer.EndsWith("/discriminator/mapping", StringComparison.Ordinal) && entry.Value is YamlScalarNode target
                        && target.Value is { Length: > 0 } name && name.IndexOf('#') < 0 && name.IndexOf('/') < 0 && name.IndexOf('.') < 0)
                    {
                        // The specification allows a mapping to a bare schema name (`dog: Dog`); NSwag resolves only
                        // references, so hand it the component reference the name stands for (checked like any $ref).
                        _locations[childPointer] = Where(target);
                        var reference = "#/components/schemas/" + Escape(name);
                        _references.Add((childPointer, reference));
                        WriteString(reference);
                        continue;
                    }

                    Write(entry.Value, childPointer, depth + 1);
                }

                _json.Append('}');
                break;
            case YamlSequenceNode sequence:
                _json.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var child = sequence.Children[i];
                    var childPointer = pointer + "/" + i.ToString(CultureInfo.InvariantCulture);
                    _locations[childPointer] = Where(child);
                    if (i > 0)
                    {
                        _json.Append(',');
                    }

                    Write(child, childPointer, depth + 1);
                }

                _json.Append(']');
                break;
            case YamlScalarNode scalar:
                WriteScalar(scalar);
                break;
            default:
                throw new SpecFormatException($"unexpected YAML node {node.NodeType}", Where(node));
        }
    }

    private void WriteScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            WriteString(value);
            return;
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                _json.Append("null");
                return;
            case "true" or "True" or "TRUE":
                _json.Append("true");
                return;
            case "false" or "False" or "FALSE":
                _json.Append("false");
                return;
        }

        if (s_int.IsMatch(value))
        {
            var digits = value.TrimStart('+');
            var negative = digits.StartsWith("-", StringComparison.Ordinal);
            digits = digits.TrimStart('-').TrimStart('0');
            _json.Append(negative && digits.Length > 0 ? "-" : string.Empty).Append(digits.Length == 0 ? "0" : digits);
            return;
        }

        if (s_hex.IsMatch(value) || s_octal.IsMatch(value))
        {
            var number = Convert.ToInt64(value.Substring(2), value[1] == 'x' ? 16 : 8);
            _json.Append(number.ToString(CultureInfo.InvariantCulture));
            return;
        }

        if (s_float.IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            _json.Append(d.ToString("R", CultureInfo.InvariantCulture));
            return;
        }

        WriteString(value);
    }

    private void WriteString(string value)
    {
        _json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _json.Append("\\\""); break;
                case '\\': _json.Append("\\\\"); break;
                case '\n': _json.Append("\\n"); break;
                case '\r': _json.Append("\\r"); break;
                case '\t': _json.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        _json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        _json.Append(c);
                    }

                    break;
            }
        }

        _json.Append('"');
    }

    /// <summary>Where a node is: in the spec, or in the overlay that inserted it.</summary>
    private SpecLocation Where(YamlNode node) =>
        _origins is not null && _origins.TryGetValue(node, out var origin) ? origin : At(node.Start, node.End);

    private SpecLocation At(Mark start, Mark? end = null) => At(_path, start, end ?? start);

    /// <summary>A location in any file from YamlDotNet marks (1-based) to Roslyn's 0-based form.</summary>
    internal static SpecLocation At(string path, Mark start, Mark end)
    {
        if (end.Index < start.Index)
        {
            end = start;
        }

        return At(path, (int)start.Line, (int)start.Column, (int)start.Index, (int)(end.Index - start.Index), (int)end.Line, (int)end.Column);
    }

    private SpecLocation At(int line, int column, int index, int length, int endLine = 0, int endColumn = 0) =>
        At(_path, line, column, index, length, endLine, endColumn);

    private static SpecLocation At(string path, int line, int column, int index, int length, int endLine, int endColumn)
    {
        line = Math.Max(line, 1);
        column = Math.Max(column, 1);
        endLine = Math.Max(endLine, line);
        endColumn = endLine == line ? Math.Max(endColumn, column) : Math.Max(endColumn, 1);
        return new SpecLocation(path, line - 1, column - 1, endLine - 1, endColumn - 1, Math.Max(index, 0), Math.Max(length, 0));
    }

    private static string Clean(string message) => message.Replace("\r", " ").Replace("\n", " ").Trim();

    private sealed class SpecFormatException(string message, SpecLocation location) : Exception(message)
    {
        public SpecLocation Location { get; } = location;
    }
}
