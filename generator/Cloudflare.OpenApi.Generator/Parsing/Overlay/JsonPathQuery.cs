using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Cloudflare.OpenApi.Generator.Parsing.Overlay;

/// <summary>
/// The JSONPath (RFC 9535) subset that real overlays use, evaluated over YamlDotNet nodes: <c>$</c>, <c>.name</c>,
/// <c>['name']</c> / <c>["a","b"]</c>, <c>.*</c> / <c>[*]</c>, <c>[0]</c> / <c>[-1]</c>, <c>..name</c> / <c>..*</c>,
/// and filters <c>[?(@.a.b == 'x')]</c>, <c>!=</c>, <c>[?(@.a)]</c>, joined by <c>&amp;&amp;</c> / <c>||</c> (with or without the parentheses).
/// </summary>
internal sealed class JsonPathQuery
{
    private readonly List<Segment> _segments;

    private JsonPathQuery(List<Segment> segments) => _segments = segments;

    /// <summary>Parses a path; returns null and says why when it is outside the supported subset.</summary>
    public static JsonPathQuery? Parse(string text, out string? error)
    {
        try
        {
            var parser = new Parser(text);
            var query = new JsonPathQuery(parser.ParseAll());
            error = null;
            return query;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    /// <summary>Every node the path selects, in document order, each with its parent (null for the root).</summary>
    public List<JsonPathMatch> Select(YamlNode root)
    {
        var current = new List<JsonPathMatch> { new(root, null, null) };
        foreach (var segment in _segments)
        {
            var next = new List<JsonPathMatch>();
            foreach (var match in current)
            {
                if (segment.Descendants)
                {
                    foreach (var node in SelfAndDescendants(match))
                    {
                        segment.Selector.Apply(node, next);
                    }
                }
                else
                {
                    segment.Selector.Apply(match, next);
                }
            }

            current = Distinct(next);
        }

        return current;
    }

    private static List<JsonPathMatch> Distinct(List<JsonPathMatch> matches)
    {
        var seen = new HashSet<YamlNode>(Helpers.ReferenceComparer<YamlNode>.Instance);
        var result = new List<JsonPathMatch>(matches.Count);
        foreach (var match in matches)
        {
            if (seen.Add(match.Node))
            {
                result.Add(match);
            }
        }

        return result;
    }

    private static IEnumerable<JsonPathMatch> SelfAndDescendants(JsonPathMatch start)
    {
        var stack = new Stack<JsonPathMatch>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var match = stack.Pop();
            yield return match;
            var children = new List<JsonPathMatch>();
            Children(match.Node, children);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }
    }

    private static void Children(YamlNode node, List<JsonPathMatch> into)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var entry in mapping.Children)
                {
                    into.Add(new JsonPathMatch(entry.Value, mapping, entry.Key));
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    into.Add(new JsonPathMatch(sequence.Children[i], sequence, null));
                }

                break;
        }
    }

    internal static YamlNode? Child(YamlNode node, string name, out YamlNode? key)
    {
        key = null;
        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode scalar && string.Equals(scalar.Value, name, StringComparison.Ordinal))
            {
                key = entry.Key;
                return entry.Value;
            }
        }

        return null;
    }

    private sealed record Segment(bool Descendants, Selector Selector);

    private abstract class Selector
    {
        public abstract void Apply(JsonPathMatch match, List<JsonPathMatch> into);
    }

    private sealed class NameSelector(IReadOnlyList<string> names) : Selector
    {
        public override void Apply(JsonPathMatch match, List<JsonPathMatch> into)
        {
            foreach (var name in names)
            {
                if (Child(match.Node, name, out var key) is { } value)
                {
                    into.Add(new JsonPathMatch(value, match.Node, key));
                }
            }
        }
    }

    private sealed class WildcardSelector : Selector
    {
        public override void Apply(JsonPathMatch match, List<JsonPathMatch> into) => Children(match.Node, into);
    }

    private sealed class IndexSelector(int index) : Selector
    {
        public override void Apply(JsonPathMatch match, List<JsonPathMatch> into)
        {
            if (match.Node is YamlSequenceNode sequence)
            {
                var i = index < 0 ? sequence.Children.Count + index : index;
                if (i >= 0 && i < sequence.Children.Count)
                {
                    into.Add(new JsonPathMatch(sequence.Children[i], sequence, null));
                }
            }
        }
    }

    /// <summary><c>[?(...)]</c>: keeps the children of the node for which the filter expression holds.</summary>
    private sealed class FilterSelector(Func<YamlNode, bool> predicate) : Selector
    {
        public override void Apply(JsonPathMatch match, List<JsonPathMatch> into)
        {
            var children = new List<JsonPathMatch>();
            Children(match.Node, children);
            foreach (var child in children)
            {
                if (predicate(child.Node))
                {
                    into.Add(child);
                }
            }
        }
    }

    /// <summary>One test of a filter: <c>@.a['b'][0] == literal</c>, <c>!=</c>, or existence (<c>@.a</c>).</summary>
    /// <param name="relativePath">Names (string) and indexes (int) below <c>@</c>.</param>
    private sealed class Comparison(IReadOnlyList<object> relativePath, string? op, string? literal, bool literalIsString)
    {
        public bool Holds(YamlNode node)
        {
            YamlNode? value = node;
            foreach (var segment in relativePath)
            {
                value = (value, segment) switch
                {
                    (null, _) => null,
                    (YamlSequenceNode sequence, int index) => index >= 0 && index < sequence.Children.Count ? sequence.Children[index] : null,
                    (_, string name) => Child(value, name, out _),
                    _ => null,
                };
            }

            if (op is null)
            {
                return value is not null;
            }

            var equal = value is YamlScalarNode scalar && ScalarEquals(scalar);
            return op == "==" ? equal : !equal;
        }

        private bool ScalarEquals(YamlScalarNode scalar)
        {
            var quoted = scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain;
            if (literalIsString)
            {
                return string.Equals(scalar.Value, literal, StringComparison.Ordinal) && (quoted || !LooksTyped(scalar.Value));
            }

            // Numbers, true/false/null compare with plain (unquoted) scalars only.
            if (quoted)
            {
                return false;
            }

            if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            {
                return a.Equals(b);
            }

            return string.Equals(scalar.Value, literal, StringComparison.Ordinal);
        }

        private static bool LooksTyped(string? value) =>
            value is null or "" or "true" or "false" or "null" or "~"
            || double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>A small recursive-descent parser; throws <see cref="FormatException"/> with the column on bad input.</summary>
    private sealed class Parser(string text)
    {
        private int _pos;

        public List<Segment> ParseAll()
        {
            SkipSpaces();
            Expect('$');
            var segments = new List<Segment>();
            while (true)
            {
                SkipSpaces();
                if (_pos >= text.Length)
                {
                    return segments;
                }

                if (Peek(".."))
                {
                    _pos += 2;
                    segments.Add(new Segment(true, _pos < text.Length && text[_pos] == '[' ? Bracket() : DotName()));
                }
                else if (text[_pos] == '.')
                {
                    _pos++;
                    segments.Add(new Segment(false, DotName()));
                }
                else if (text[_pos] == '[')
                {
                    segments.Add(new Segment(false, Bracket()));
                }
                else
                {
                    throw Error($"unexpected '{text[_pos]}'");
                }
            }
        }

        private Selector DotName()
        {
            if (_pos < text.Length && text[_pos] == '*')
            {
                _pos++;
                return new WildcardSelector();
            }

            return new NameSelector(new[] { Name() });
        }

        private string Name()
        {
            var start = _pos;
            while (_pos < text.Length && text[_pos] is not ('.' or '[' or ']' or ' ' or '=' or '!' or ')' or '(' or '\'' or '"' or '|' or '&'))
            {
                _pos++;
            }

            if (_pos == start)
            {
                throw Error("a name is missing");
            }

            return text.Substring(start, _pos - start);
        }

        private Selector Bracket()
        {
            Expect('[');
            SkipSpaces();
            Selector selector;
            if (_pos < text.Length && text[_pos] == '*')
            {
                _pos++;
                selector = new WildcardSelector();
            }
            else if (_pos < text.Length && text[_pos] == '?')
            {
                _pos++;
                SkipSpaces();
                var parenthesised = _pos < text.Length && text[_pos] == '(';
                if (parenthesised)
                {
                    _pos++;
                }

                selector = Filter();
                SkipSpaces();
                if (parenthesised)
                {
                    Expect(')');
                }
            }
            else if (_pos < text.Length && text[_pos] is '\'' or '"')
            {
                var names = new List<string> { Quoted() };
                SkipSpaces();
                while (_pos < text.Length && text[_pos] == ',')
                {
                    _pos++;
                    SkipSpaces();
                    names.Add(Quoted());
                    SkipSpaces();
                }

                selector = new NameSelector(names);
            }
            else
            {
                var start = _pos;
                if (_pos < text.Length && text[_pos] == '-')
                {
                    _pos++;
                }

                while (_pos < text.Length && char.IsDigit(text[_pos]))
                {
                    _pos++;
                }

                if (!int.TryParse(text.Substring(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    throw Error("expected a quoted name, an index, '*' or a filter '?(...)' inside [ ] (slices and unions of indexes are not supported)");
                }

                selector = new IndexSelector(index);
            }

            SkipSpaces();
            Expect(']');
            return selector;
        }

        /// <summary><c>a || b</c> of <c>c &amp;&amp; d</c> of comparisons (&amp;&amp; binds tighter, as in RFC 9535).</summary>
        private Selector Filter()
        {
            var alternatives = new List<List<Comparison>> { new() { Comparison() } };
            while (true)
            {
                SkipSpaces();
                if (Peek("||"))
                {
                    _pos += 2;
                    alternatives.Add(new List<Comparison> { Comparison() });
                }
                else if (Peek("&&"))
                {
                    _pos += 2;
                    alternatives[alternatives.Count - 1].Add(Comparison());
                }
                else
                {
                    break;
                }
            }

            return new FilterSelector(node => alternatives.Exists(all => all.TrueForAll(c => c.Holds(node))));
        }

        private Comparison Comparison()
        {
            SkipSpaces();
            Expect('@');
            var path = new List<object>();
            while (_pos < text.Length)
            {
                if (text[_pos] == '.')
                {
                    _pos++;
                    path.Add(Name());
                }
                else if (Peek("['") || Peek("[\""))
                {
                    _pos++;
                    path.Add(Quoted());
                    Expect(']');
                }
                else if (text[_pos] == '[' && _pos + 1 < text.Length && char.IsDigit(text[_pos + 1]))
                {
                    _pos++;
                    var digits = _pos;
                    while (_pos < text.Length && char.IsDigit(text[_pos]))
                    {
                        _pos++;
                    }

                    path.Add(int.Parse(text.Substring(digits, _pos - digits), NumberStyles.None, CultureInfo.InvariantCulture));
                    Expect(']');
                }
                else
                {
                    break;
                }
            }

            SkipSpaces();
            if (!Peek("==") && !Peek("!="))
            {
                return new Comparison(path, null, null, false);
            }

            var op = text.Substring(_pos, 2);
            _pos += 2;
            SkipSpaces();
            if (_pos < text.Length && text[_pos] is '\'' or '"')
            {
                return new Comparison(path, op, Quoted(), true);
            }

            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] is '-' or '+' or '.'))
            {
                _pos++;
            }

            var literal = text.Substring(start, _pos - start);
            if (literal is not ("true" or "false" or "null") && !double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw Error("a filter compares with a quoted string, a number, true, false or null");
            }

            return new Comparison(path, op, literal, false);
        }

        private string Quoted()
        {
            var quote = text[_pos++];
            var value = new StringBuilder();
            while (_pos < text.Length && text[_pos] != quote)
            {
                if (text[_pos] == '\\' && _pos + 1 < text.Length)
                {
                    _pos++;
                }

                value.Append(text[_pos++]);
            }

            Expect(quote);
            return value.ToString();
        }

        private bool Peek(string s) => string.CompareOrdinal(text, _pos, s, 0, s.Length) == 0;

        private void Expect(char c)
        {
            if (_pos >= text.Length || text[_pos] != c)
            {
                throw Error(_pos >= text.Length ? $"expected '{c}' at the end" : $"expected '{c}', found '{text[_pos]}'");
            }

            _pos++;
        }

        private void SkipSpaces()
        {
            while (_pos < text.Length && text[_pos] == ' ')
            {
                _pos++;
            }
        }

        private FormatException Error(string message) =>
            new($"{message} (column {(_pos + 1).ToString(CultureInfo.InvariantCulture)} of the JSONPath)");
    }
}

/// <summary>A node a JSONPath selected, its parent, and (in a mapping) the key it sits under.</summary>
internal sealed record JsonPathMatch(YamlNode Node, YamlNode? Parent, YamlNode? Key);
