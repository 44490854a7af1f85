using System.Globalization;
using System.Text;

namespace AdeBot.Connector;

/// Makes a caller-chosen string safe to put in a log: control and format characters (CR, LF, other
/// C0/C1 controls, zero-width and bidi override characters, line and paragraph separators) are
/// dropped so the value cannot forge lines or reorder what an operator reads, and it is cut to a
/// bounded length so one request cannot write kilobytes.
public static class LogSanitizer
{
    public const int MaxLength = 128;

    public const string Ellipsis = "…";

    public static string Clean(string? value)
    {
        if (value is null) return "(none)";
        StringBuilder? cleaned = null;
        var kept = 0;
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (IsUnsafe(character))
            {
                cleaned ??= new StringBuilder(value, 0, index, Math.Min(value.Length, MaxLength + 1));
                continue;
            }
            if (kept == MaxLength)
            {
                return (cleaned?.ToString() ?? value[..index]).TrimEndHighSurrogate() + Ellipsis;
            }
            cleaned?.Append(character);
            kept++;
        }
        return cleaned?.ToString() ?? value;
    }

    private static bool IsUnsafe(char character) => char.GetUnicodeCategory(character) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    // A cut between the halves of a surrogate pair would leave an invalid string.
    private static string TrimEndHighSurrogate(this string value) =>
        value.Length > 0 && char.IsHighSurrogate(value[^1]) ? value[..^1] : value;
}
