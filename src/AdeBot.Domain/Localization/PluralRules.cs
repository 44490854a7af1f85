using System.Globalization;

namespace AdeBot.Domain.Localization;

/// CLDR plural categories for whole numbers. Resource keys for counted words end in the category
/// name: `Days_One`, `Days_Few`, `Days_Many`, `Days_Other`.
public enum PluralCategory { One, Few, Many, Other }

public static class PluralRules
{
    private static readonly IReadOnlyList<PluralCategory> OneOther = [PluralCategory.One, PluralCategory.Other];
    private static readonly IReadOnlyList<PluralCategory> EastSlavic = [PluralCategory.One, PluralCategory.Few, PluralCategory.Many];

    /// The categories a language uses for whole numbers, i.e. the keys its resources must define.
    public static IReadOnlyList<PluralCategory> CategoriesOf(CultureInfo culture) =>
        IsEastSlavic(culture) ? EastSlavic : OneOther;

    public static PluralCategory Select(long count, CultureInfo culture)
    {
        var n = Math.Abs(count);
        if (!IsEastSlavic(culture)) return n == 1 ? PluralCategory.One : PluralCategory.Other;

        // Ukrainian: 1, 21, 101 → один день; 2–4, 22–24 → дні; 0, 5–20, 25–30, 111–114 → днів.
        var lastDigit = n % 10;
        var lastTwo = n % 100;
        if (lastDigit == 1 && lastTwo != 11) return PluralCategory.One;
        if (lastDigit is >= 2 and <= 4 && lastTwo is not (>= 12 and <= 14)) return PluralCategory.Few;
        return PluralCategory.Many;
    }

    private static bool IsEastSlavic(CultureInfo culture) => culture.TwoLetterISOLanguageName is "uk";
}
