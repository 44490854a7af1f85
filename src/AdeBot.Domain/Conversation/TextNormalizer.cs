using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AdeBot.Domain.Conversation;

/// One word of the user's text: as typed (for token names) and folded (for matching).
internal readonly record struct Word(string Surface, string Folded)
{
    public bool IsNumber => Folded.Length > 0 && Folded.All(char.IsAsciiDigit);
}

/// Turns chat text into comparable words. The same folding is applied to the lexicon, so a rule
/// written with diacritics matches text typed without them and the other way round.
internal static partial class TextNormalizer
{
    public static IReadOnlyList<Word> Words(string text)
    {
        var plain = Markup().Replace(text, " ");
        plain = Entity().Replace(plain, " ");
        // A date ("3/12/2027", "8.12.2026" in a card's line pasted back) is not three numbers.
        plain = Date().Replace(plain, " ");
        List<Word> words = [];
        foreach (Match match in WordPattern().Matches(plain))
        {
            // Apostrophes sit inside words (п'ять, what's) and are typed many ways; drop them.
            var surface = match.Value.Trim('\'', '’', 'ʼ', '`', '´');
            var folded = Fold(surface);
            if (folded.Length > 0) words.Add(new Word(surface, folded));
        }
        return words;
    }

    /// Lower case, no diacritics (ä→a, ö→o, й→и, ї→и), Ukrainian letters folded onto their
    /// look-alikes (і→и, є→е, ґ→г) so text typed on a Russian or Latin keyboard still matches.
    public static string Fold(string word)
    {
        var lower = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var isCyrillic = lower.Any(IsCyrillic);
        var builder = new StringBuilder(lower.Length);
        foreach (var c in lower)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is '\'' or '’' or 'ʼ' or '`' or '´') continue;
            builder.Append(isCyrillic ? FoldCyrillic(c) : c);
        }
        return builder.ToString();
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    private static char FoldCyrillic(char c) => c switch
    {
        'і' or 'ї' or 'ы' or 'i' => 'и',
        'є' or 'э' or 'ё' => 'е',
        'ґ' => 'г',
        // Latin look-alikes typed inside a Cyrillic word.
        'a' => 'а',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'c' => 'с',
        'x' => 'х',
        'y' => 'у',
        _ => c,
    };

    // Teams leaves <at>Bot</at> for mentions; any other tag is formatting.
    [GeneratedRegex(@"<at>.*?</at>|<[^>]{1,200}>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Markup();

    [GeneratedRegex(@"&[a-z]{2,8};|&#\d{1,6};", RegexOptions.IgnoreCase)]
    private static partial Regex Entity();

    [GeneratedRegex(@"(?<![0-9])[0-9]{1,4}([./-])[0-9]{1,2}\1[0-9]{1,4}(?![0-9])")]
    private static partial Regex Date();

    // Letters (with their combining marks and inner apostrophes) or digits; everything else separates.
    [GeneratedRegex(@"\p{L}[\p{L}\p{M}'’ʼ`´]*|[0-9]+")]
    private static partial Regex WordPattern();
}
