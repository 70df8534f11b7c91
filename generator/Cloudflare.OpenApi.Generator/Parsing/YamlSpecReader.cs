using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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
    private readonly List<(string Pointer, string Name, string Type)> _skippedSecuritySchemes = new();
    private static readonly HashSet<string> s_schemeTypes = new(StringComparer.OrdinalIgnoreCase) { "apiKey", "http", "oauth2", "openIdConnect", "basic" };
    private Dictionary<YamlNode, SpecLocation>? _origins;
    private static readonly YamlScalarNode s_refKey = new("$ref");
    private readonly List<DiagnosticInfo> _warnings = new();
    private BlockScalarLeadingLines? _rewrite;
    private YamlMappingNode? _root;
    private Dictionary<string, YamlNode>? _components;

    private YamlSpecReader(string path) => _path = path;

    /// <summary>The JSON text of the document.</summary>
    public string Json => _json.ToString();

    /// <summary>Security schemes left out of <see cref="Json"/> because NSwag cannot read their type: pointer, name, type.</summary>
    public IReadOnlyList<(string Pointer, string Name, string Type)> SkippedSecuritySchemes => _skippedSecuritySchemes;

    /// <summary>Position of each node, by JSON pointer (the key of a mapping entry, else the node).</summary>
    public IReadOnlyDictionary<string, SpecLocation> Locations => _locations;

    /// <summary>The document's top-level mapping (after any overlays).</summary>
    public YamlMappingNode Root => _root!;

    /// <summary>The document's <c>openapi</c> field, when it is a scalar.</summary>
    public string? OpenApiVersion { get; private set; }

    /// <summary>Whether <see cref="OpenApiVersion"/> is 3.1 or later (where <c>paths</c> is optional).</summary>
    public bool IsVersion31OrLater
    {
        get
        {
            var parts = (OpenApiVersion ?? string.Empty).Split('.');
            return parts.Length >= 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
                && (major > 3 || (major == 3 && minor >= 1));
        }
    }

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
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex) when (ex.Message.IndexOf(BlockScalarLeadingLines.ScannerMessage, StringComparison.Ordinal) >= 0)
            {
                // A valid block scalar YamlDotNet refuses (see BlockScalarLeadingLines); read the rewritten text,
                // whose positions map back to this one. A real error there is reported as usual.
                reader._rewrite = BlockScalarLeadingLines.Rewrite(text);
                stream = new YamlStream();
                stream.Load(new StringReader(reader._rewrite.Text));
            }

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

            reader._root = (YamlMappingNode)root;
            reader._locations[string.Empty] = reader.At(root.Start, root.End);
            reader.Write(root, string.Empty, 0);
            diagnostics.AddRange(reader._warnings);
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

    /// <summary>
    /// The texts of a sequence of scalars at a pointer (<c>x-enum-varnames</c>), or null when there is none: for what
    /// NSwag.Core does not keep (it drops extensions it does not know on some schemas).
    /// </summary>
    public IReadOnlyList<string>? ScalarsAt(string pointer)
    {
        YamlNode? node = _root;
        foreach (var segment in pointer.Split('/').Skip(1))
        {
            var key = Unescape(segment);
            node = node switch
            {
                YamlMappingNode map => map.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == key).Value,
                YamlSequenceNode list when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Children.Count => list.Children[i],
                _ => null,
            };
        }

        return node is YamlSequenceNode { Children: var items } && items.All(i => i is YamlScalarNode)
            ? items.Select(i => ((YamlScalarNode)i).Value ?? string.Empty).ToList()
            : null;
    }

    public static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    /// <summary>The text of one JSON pointer segment: <c>~1</c> is <c>/</c> and <c>~0</c> is <c>~</c> (the reverse of <see cref="Escape"/>).</summary>
    public static string Unescape(string segment) => segment.Replace("~1", "/").Replace("~0", "~");

    private void Write(YamlNode node, string pointer, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new SpecFormatException($"the document nests deeper than {MaxDepth} levels (a recursive alias?)", Where(node));
        }

        switch (node)
        {
            case YamlMappingNode mapping when CrossKindTarget(mapping, pointer) is { } target:
                Write(target, pointer, depth + 1);
                break;
            case YamlMappingNode mapping:
                _json.Append('{');
                var isMapping = IsDiscriminatorMapping(pointer);
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
                    if (depth == 0 && key == "openapi" && entry.Value is YamlScalarNode version)
                    {
                        OpenApiVersion = version.Value;
                    }

                    _locations[childPointer] = Where(keyNode);
                    if (pointer == "/components/securitySchemes" && UnknownSchemeType(entry.Value) is { } schemeType)
                    {
                        // NSwag.Core 14 refuses the whole document over a scheme type it has no enum value for (3.1's
                        // mutualTLS: "Error converting value … to type OpenApiSecuritySchemeType"). It is left out of
                        // what NSwag reads, and reported where it is written (no option sends it).
                        _skippedSecuritySchemes.Add((childPointer, key, schemeType));
                        continue;
                    }

                    if (key == "$ref" && entry.Value is YamlScalarNode refValue)
                    {
                        _locations[childPointer] = Where(refValue);
                        _references.Add((childPointer, refValue.Value ?? string.Empty));
                    }

                    if (key == "$recursiveRef" && entry.Value is YamlScalarNode { Value: "#" } recursive
                        && EnclosingComponentSchema(pointer) is { } component && component != pointer && !mapping.Children.ContainsKey(s_refKey))
                    {
                        // JSON Schema 2019-09's self-reference (OpenAI's CompoundFilter: `filters: items: oneOf: [$ref
                        // ComparisonFilter, $recursiveRef: '#']`). In an OpenAPI document "#" is the document, which is no
                        // schema, so the only reading that means something is the component schema it is written in.
                        // NSwag knows no $recursiveRef (the branch would be an empty schema): it is given that $ref.
                        _locations[pointer + "/$ref"] = Where(recursive);
                        _references.Add((pointer + "/$ref", "#" + component));
                        if (!first)
                        {
                            _json.Append(',');
                        }

                        WriteString("$ref");
                        _json.Append(':');
                        WriteString("#" + component);
                        first = false;
                        continue;
                    }

                    if (!first)
                    {
                        _json.Append(',');
                    }

                    first = false;
                    WriteString(key);
                    _json.Append(':');
                    if (isMapping && entry.Value is YamlScalarNode mapped)
                    {
                        WriteMappingValue(mapped, childPointer);
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

    /// <summary>The pointer of the component schema a node is inside (<c>/components/schemas/X</c>), or null.</summary>
    public static string? EnclosingComponentSchema(string pointer)
    {
        const string prefix = "/components/schemas/";
        if (!pointer.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = pointer.IndexOf('/', prefix.Length);
        return end < 0 ? pointer : pointer.Substring(0, end);
    }

    /// <summary>
    /// A discriminator mapping value names a schema either by <c>$ref</c> or, as the specification allows, by its bare
    /// component name (<c>dog: Dog</c>). NJsonSchema resolves every value as a reference (a bare name throws
    /// "Could not resolve the JSON path 'Dog'"), so a bare name is written as <c>#/components/schemas/Dog</c>. Both
    /// forms are recorded as references, so one that leads nowhere is OAG002 at the value rather than an NSwag error.
    /// </summary>
    /// <summary>The <c>type</c> of a security scheme when NSwag has no value for it (null when it has, or when the scheme is a <c>$ref</c>).</summary>
    private static string? UnknownSchemeType(YamlNode scheme) =>
        scheme is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode("type"), out var type) && type is YamlScalarNode { Value: { } value }
            && !s_schemeTypes.Contains(value)
            ? value
            : null;

    private void WriteMappingValue(YamlScalarNode value, string pointer)
    {
        var text = value.Value ?? string.Empty;
        // A name has no '#', '/' or '.' ('pet.yaml' is a relative document, reported as an external reference).
        var reference = text.Length > 0 && text.IndexOf('/') < 0 && text.IndexOf('#') < 0 && text.IndexOf('.') < 0 ? "#/components/schemas/" + Escape(text) : text;
        _locations[pointer] = Where(value);
        _references.Add((pointer, reference));
        WriteString(reference);
    }

    private static bool IsDiscriminatorMapping(string pointer)
    {
        const string suffix = "/discriminator/mapping";
        if (!pointer.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        // Not a property that happens to be called 'discriminator' (properties/discriminator/mapping is a schema).
        var parent = pointer.Substring(0, pointer.Length - suffix.Length);
        return !parent.EndsWith("/properties", StringComparison.Ordinal);
    }

    /// <summary>
    /// The component a <c>$ref</c> object points to when it is of another kind than its place requires (see
    /// <see cref="ReferenceKinds"/> for why NSwag cannot be given such a <c>$ref</c>); null for every other node.
    /// </summary>
    private YamlNode? CrossKindTarget(YamlMappingNode mapping, string pointer)
    {
        if (!mapping.Children.TryGetValue(s_refKey, out var value) || value is not YamlScalarNode { Value: { } reference }
            || !reference.StartsWith("#/components/", StringComparison.Ordinal))
        {
            return null;
        }

        var target = Uri.UnescapeDataString(reference.Substring(1));
        var parts = target.Split('/');
        if (parts.Length != 4 || ReferenceKinds.ExpectedAt(pointer) is not { } expected || parts[2] == expected)
        {
            return null;
        }

        if (_components is null)
        {
            _components = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            if (_root!.Children.TryGetValue(new YamlScalarNode("components"), out var components) && components is YamlMappingNode kinds)
            {
                foreach (var kind in kinds.Children)
                {
                    if (kind.Key is YamlScalarNode { Value: { } kindName } && kind.Value is YamlMappingNode entries)
                    {
                        foreach (var entry in entries.Children)
                        {
                            if (entry.Key is YamlScalarNode { Value: { } name })
                            {
                                _components["/components/" + Escape(kindName) + "/" + Escape(name)] = entry.Value;
                            }
                        }
                    }
                }
            }
        }

        if (!_components.TryGetValue(target, out var node) || node is not YamlMappingNode)
        {
            return null; // a dangling $ref: CheckReferences reports it (OAG002)
        }

        // Still a reference for the checks and for "which components are used".
        var refPointer = pointer + "/$ref";
        _locations[refPointer] = Where(value);
        _references.Add((refPointer, reference));
        if (!ReferenceKinds.AreCompatible(expected, parts[2]))
        {
            _warnings.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedFallback,
                Where(value),
                $"The {ReferenceKinds.Noun(expected)} $ref '{reference}'",
                $"a copy of the referenced {ReferenceKinds.Noun(parts[2])} read as a {ReferenceKinds.Noun(expected)}",
                $"it points to a {ReferenceKinds.Noun(parts[2])}, not a {ReferenceKinds.Noun(expected)}"));
        }

        return node;
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

    private SpecLocation At(Mark start, Mark? end = null)
    {
        var location = At(_path, start, end ?? start);
        if (_rewrite is null)
        {
            return location;
        }

        // Marks of the rewritten text (BlockScalarLeadingLines): same lines and columns, offsets shifted back.
        var startIndex = _rewrite.ToOriginalIndex(location.Start);
        var endIndex = _rewrite.ToOriginalIndex(location.Start + location.Length);
        return location with { Start = startIndex, Length = endIndex - startIndex };
    }

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
