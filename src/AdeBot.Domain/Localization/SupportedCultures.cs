using System.Globalization;

namespace AdeBot.Domain.Localization;

/// The languages AdeBot speaks. Adding one: add its .resx files, a Language entry here, and its
/// plural rule in PluralRules if it is not the one/other kind (see docs/localization.md).
public static class SupportedCultures
{
    private sealed record Language(CultureInfo Neutral, CultureInfo DefaultSpecific, string LearnSegment);

    private static readonly Language English = new(CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("en-US"), "en-us");

    private static readonly Language[] Languages =
    [
        English,
        new(CultureInfo.GetCultureInfo("fi"), CultureInfo.GetCultureInfo("fi-FI"), "fi-fi"),
        new(CultureInfo.GetCultureInfo("uk"), CultureInfo.GetCultureInfo("uk-UA"), "uk-ua"),
    ];

    /// The neutral cultures with resources; English is the fallback and comes first.
    public static IReadOnlyList<CultureInfo> All { get; } = [.. Languages.Select(l => l.Neutral)];

    public static CultureInfo Default => English.DefaultSpecific;

    /// Turns a Teams locale into the culture to format and look up texts with. A supported
    /// language keeps its region (en-GB stays en-GB for dates; resources still come from `en`);
    /// a bare language gets its usual region (fi → fi-FI); anything else is en-US.
    public static CultureInfo Resolve(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return Default;

        CultureInfo requested;
        try
        {
            requested = CultureInfo.GetCultureInfo(locale.Trim().Replace('_', '-'), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return Default;
        }

        if (Find(requested) is not { } language) return Default;
        return requested.IsNeutralCulture ? language.DefaultSpecific : requested;
    }

    /// The learn.microsoft.com locale segment for a culture; English for languages we do not speak.
    public static string LearnSegment(CultureInfo culture) => (Find(culture) ?? English).LearnSegment;

    private static Language? Find(CultureInfo culture) =>
        Languages.FirstOrDefault(l => l.Neutral.TwoLetterISOLanguageName == culture.TwoLetterISOLanguageName);
}
