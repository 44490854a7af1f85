using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Conversation;

/// Finds the tokens a TokenDetails request names, with the recognizer's folding and typo rules:
/// "contoso abm", "Contoso-ABM" and "Contso ABM" all find "Contoso ABM".
public static class TokenNames
{
    /// Tokens whose name is exactly the text (folded) if any; otherwise those whose name has a word
    /// matching each word of the text, where a word may also name the token's kind ("ABM", "VPP").
    /// A name is the token's own or the one the cards show in any language ("Apple MDM Push
    /// certificate", "Apple MDM -push-varmenne").
    public static IReadOnlyList<TokenHealth> Find(string? name, IEnumerable<TokenHealth> tokens)
    {
        List<string> query = [.. TextNormalizer.Words(name ?? string.Empty).Select(w => w.Folded)];
        if (query.Count == 0) return [];

        List<TokenHealth> candidates = [.. tokens];
        List<TokenHealth> exact = [.. candidates.Where(t => Names(t).Any(n => Folded(n).SequenceEqual(query)))];
        if (exact.Count > 0) return exact;

        return [.. candidates.Where(t => query.All(word => Names(t).SelectMany(Folded).Concat(KindWords(t)).Any(part => Matches(word, part))))];
    }

    private static IEnumerable<string> Names(TokenHealth token) =>
        SupportedCultures.All.Select(culture => RemediationCatalog.DisplayName(token.Kind, token.Name, culture)).Prepend(token.Name).Distinct();

    private static IEnumerable<string> Folded(string text) => TextNormalizer.Words(text).Select(w => w.Folded);

    private static bool Matches(string word, string part) =>
        new WordPattern(word, IsStem: true).Distance(part) is not null || new WordPattern(part, IsStem: false).Distance(word) is not null;

    /// The kind label the cards show ("ABM", "APNs") and the other words people use for the kind.
    private static IEnumerable<string> KindWords(TokenHealth token) =>
        Folded(RemediationCatalog.KindLabel(token.Kind, token.Program)).Concat(token.Kind switch
        {
            TokenKind.Apns => ["apn", "push"],
            TokenKind.Vpp => [],
            _ => ["ade", "dep"],
        });
}
