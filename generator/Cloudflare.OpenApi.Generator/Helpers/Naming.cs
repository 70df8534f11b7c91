using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Cloudflare.OpenApi.Generator.Helpers;

/// <summary>Turns spec names (snake_case, kebab-case, camelCase, anything) into C# identifiers.</summary>
internal static class Naming
{
    /// <summary><c>instance_id</c> → <c>InstanceId</c>; <c>waitingForPause</c> → <c>WaitingForPause</c>; <c>5 minutes</c> → <c>_5Minutes</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        var result = builder.Length == 0 ? "Value" : builder.ToString();
        if (char.IsDigit(result[0]))
        {
            result = "_" + result;
        }

        return result;
    }

    /// <summary>
    /// A value made of symbols only (an operator enum: <c>==</c>, <c>!=</c>, <c>&gt;=</c>) spelled in words
    /// (<c>equal equal</c>, <c>not equal</c>, <c>greater equal</c>), so that its members get names instead of Value2, Value3…;
    /// any other value is returned as it is.
    /// </summary>
    public static string SpellSymbols(string value)
    {
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                return value;
            }
        }

        var words = new StringBuilder();
        foreach (var c in value)
        {
            var word = c switch
            {
                '=' => "equal", '!' => "not", '<' => "less", '>' => "greater", '+' => "plus", '-' => "minus",
                '*' => "star", '/' => "slash", '\\' => "backslash", '&' => "and", '|' => "or", '%' => "percent",
                '~' => "tilde", '^' => "caret", '.' => "dot", ',' => "comma", ':' => "colon", ';' => "semicolon",
                '?' => "question", '@' => "at", '#' => "hash", '$' => "dollar", '_' => "underscore", '(' => "open", ')' => "close",
                '[' => "open bracket", ']' => "close bracket", '{' => "open brace", '}' => "close brace", ' ' => "space",
                _ => null,
            };
            if (word is not null)
            {
                words.Append(word).Append(' ');
            }
        }

        return words.Length == 0 ? value : words.ToString();
    }

    /// <summary><c>workflow_name</c> → <c>workflowName</c>; C# keywords get an <c>@</c>.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        // Lower the leading run of capitals, except the last one of a longer run (e.g. "URLValue" → "urlValue").
        var chars = pascal.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            if (i > 0 && i + 1 < chars.Length && char.IsLower(chars[i + 1]))
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return Identifier(new string(chars));
    }

    /// <summary>Escapes a C# keyword with <c>@</c>.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>Hands out unique names within one scope, reporting the renames it had to make.</summary>
    public sealed class Scope
    {
        private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

        public Scope(params string[] reserved)
        {
            foreach (var name in reserved)
            {
                _owners[name] = name;
            }
        }

        /// <summary>Returns <paramref name="wanted"/>, or <paramref name="wanted"/> with a number when it is taken; <paramref name="clashedWith"/> names the owner.</summary>
        public string Claim(string wanted, string owner, out string? clashedWith)
        {
            clashedWith = null;
            if (!_owners.TryGetValue(wanted, out var existing))
            {
                _owners[wanted] = owner;
                return wanted;
            }

            clashedWith = existing;
            for (var i = 2; ; i++)
            {
                var candidate = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!_owners.ContainsKey(candidate))
                {
                    _owners[candidate] = owner;
                    return candidate;
                }
            }
        }

        public bool IsTaken(string name) => _owners.ContainsKey(name);
    }
}
