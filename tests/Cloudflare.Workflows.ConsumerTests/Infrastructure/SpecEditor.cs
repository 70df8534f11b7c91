namespace Cloudflare.Workflows.ConsumerTests.Infrastructure;

/// <summary>
/// Line-based edits of an OpenAPI YAML file laid out like tests/specs/workflows-0.1.0.openapi.yaml (two-space indents, schemas under
/// <c>components.schemas</c>). Each edit fails loudly when its anchor is missing, so a reshaped spec breaks the test
/// with a clear message instead of a silent no-op.
/// </summary>
public sealed class SpecEditor(string yaml)
{
    private readonly List<string> _lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();

    public override string ToString() => string.Join("\n", _lines);

    /// <summary>Adds a property (its YAML lines relative to the property name) to a schema's <c>properties</c>.</summary>
    public SpecEditor AddProperty(string schema, string property, params string[] definition)
    {
        var (start, end) = SchemaBlock(schema);
        var properties = FindLine(start, end, "      properties:", $"schema {schema} has no 'properties:'");
        _lines.InsertRange(properties + 1, [$"        {property}:", .. definition.Select(l => "          " + l)]);
        return this;
    }

    /// <summary>Removes a property (and everything indented below it) from a schema.</summary>
    public SpecEditor RemoveProperty(string schema, string property)
    {
        var (start, end) = SchemaBlock(schema);
        var line = FindLine(start, end, $"        {property}:", $"schema {schema} has no property {property}");
        var last = line + 1;
        while (last < end && (_lines[last].StartsWith("          ", StringComparison.Ordinal) || _lines[last].Trim().Length == 0))
        {
            last++;
        }

        _lines.RemoveRange(line, last - line);
        return this;
    }

    /// <summary>Replaces a schema's own <c>description</c> (the one at schema level, not a property's).</summary>
    public SpecEditor SetDescription(string schema, string description)
    {
        var (start, end) = SchemaBlock(schema);
        var line = FindLine(start, end, "      description:", $"schema {schema} has no description", prefixOnly: true);
        _lines[line] = $"      description: {description}";
        return this;
    }

    /// <summary>Appends a value to a schema's one-line <c>enum: [a, b]</c>.</summary>
    public SpecEditor AddEnumValue(string schema, string value)
    {
        var (start, end) = SchemaBlock(schema);
        var line = FindLine(start, end, "      enum: [", $"schema {schema} has no one-line enum", prefixOnly: true);
        var text = _lines[line].TrimEnd();
        if (!text.EndsWith(']'))
        {
            throw new InvalidOperationException($"The enum of {schema} is not on one line: {text}");
        }

        _lines[line] = text[..^1] + ", " + value + "]";
        return this;
    }

    /// <summary>Adds a path item (its YAML lines relative to the path key) at the end of <c>paths</c>.</summary>
    public SpecEditor AddPath(string path, params string[] definition)
    {
        var components = _lines.IndexOf("components:");
        if (components < 0)
        {
            throw new InvalidOperationException("The spec has no top-level 'components:'.");
        }

        _lines.InsertRange(components, [$"  {path}:", .. definition.Select(l => "    " + l), string.Empty]);
        return this;
    }

    private (int Start, int End) SchemaBlock(string schema)
    {
        var schemas = _lines.IndexOf("  schemas:");
        var start = schemas < 0 ? -1 : _lines.IndexOf($"    {schema}:", schemas);
        if (start < 0)
        {
            throw new InvalidOperationException($"The spec has no components.schemas.{schema}.");
        }

        var end = start + 1;
        while (end < _lines.Count && (_lines[end].Trim().Length == 0 || _lines[end].StartsWith("     ", StringComparison.Ordinal)))
        {
            end++;
        }

        return (start, end);
    }

    private int FindLine(int start, int end, string text, string error, bool prefixOnly = false)
    {
        for (var i = start; i < end; i++)
        {
            if (prefixOnly ? _lines[i].StartsWith(text, StringComparison.Ordinal) : _lines[i] == text)
            {
                return i;
            }
        }

        throw new InvalidOperationException(error);
    }
}
