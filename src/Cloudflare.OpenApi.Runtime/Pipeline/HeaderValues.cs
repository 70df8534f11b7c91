using System;

namespace Cloudflare.OpenApi;

/// <summary>
/// Checks values before they go into a header. Headers are added without validation (it is measurably cheaper), so
/// this is the only guard against a value that would split the header block: a key file read with its trailing
/// newline, or <c>"key\r\nX-Injected: yes"</c>.
/// </summary>
internal static class HeaderValues
{
    /// <summary>A credential: visible ASCII only (no space, tab, line break or control character).</summary>
    public static void EnsureCredential(string? value, string optionName)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{optionName} is empty.", optionName);
        }

        for (var i = 0; i < value!.Length; i++)
        {
            var c = value[i];
            if (c < 0x21 || c > 0x7E)
            {
                // Never the value itself: it is a secret.
                throw new ArgumentException(
                    $"{optionName} has {Describe(c)} at index {i} of {value.Length}; a credential may only hold visible ASCII characters (was it read with a trailing newline?).",
                    optionName);
            }
        }
    }

    /// <summary>Any other header value: visible ASCII, spaces and tabs inside, no line break or control character.</summary>
    public static void EnsureValue(string? value, string name)
    {
        if (value is null)
        {
            return;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((c < 0x20 && c != '\t') || c > 0x7E)
            {
                throw new ArgumentException($"{name} has {Describe(c)} at index {i}; a header value may only hold visible ASCII characters, spaces and tabs.", name);
            }
        }
    }

    private static string Describe(char c) => c switch
    {
        '\r' => "a carriage return (CR)",
        '\n' => "a line feed (LF)",
        ' ' => "a space",
        '\t' => "a tab",
        _ => $"the character U+{(int)c:X4}",
    };
}
