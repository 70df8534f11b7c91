using System.Text;

namespace Cloudflare.Workflows.Testing.Internal;

/// <summary>
/// Removes ANSI colour/cursor sequences. wrangler is started with NO_COLOR, but workerd and esbuild
/// do not all honour it, and escape codes make exception messages and test logs unreadable.
/// </summary>
internal static class AnsiEscapes
{
    private const char Escape = '\u001b';

    public static string Strip(string text)
    {
        if (text.IndexOf(Escape) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != Escape)
            {
                builder.Append(text[i]);
                continue;
            }

            // CSI: ESC [ parameters/intermediates, then one final byte in '@'..'~'.
            if (i + 1 < text.Length && text[i + 1] == '[')
            {
                i += 2;
                while (i < text.Length && (text[i] < '@' || text[i] > '~'))
                {
                    i++;
                }
            }
            else
            {
                // Two-character sequence (ESC followed by one byte); drop both.
                i++;
            }
        }

        return builder.ToString();
    }
}
