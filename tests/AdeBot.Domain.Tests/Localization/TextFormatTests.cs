using System.Globalization;
using AdeBot.Domain.Localization;

namespace AdeBot.Domain.Tests.Localization;

public sealed class TextFormatTests
{
    [Theory]
    [InlineData("en-US", 0, "today")]
    [InlineData("en-US", 1, "in 1 day")]
    [InlineData("en-US", 3, "in 3 days")]
    [InlineData("en-US", -1, "1 day ago")]
    [InlineData("en-US", -3, "3 days ago")]
    [InlineData("en-US", 1000, "in 1,000 days")]
    [InlineData("fi-FI", 0, "tänään")]
    [InlineData("fi-FI", 1, "1 päivän kuluttua")]
    [InlineData("fi-FI", 3, "3 päivän kuluttua")]
    [InlineData("fi-FI", -1, "1 päivä sitten")]
    [InlineData("fi-FI", -3, "3 päivää sitten")]
    [InlineData("uk-UA", 0, "сьогодні")]
    [InlineData("uk-UA", 1, "через 1 день")]
    [InlineData("uk-UA", 2, "через 2 дні")]
    [InlineData("uk-UA", 3, "через 3 дні")]
    [InlineData("uk-UA", 4, "через 4 дні")]
    [InlineData("uk-UA", 5, "через 5 днів")]
    [InlineData("uk-UA", 11, "через 11 днів")]
    [InlineData("uk-UA", 12, "через 12 днів")]
    [InlineData("uk-UA", 14, "через 14 днів")]
    [InlineData("uk-UA", 21, "через 21 день")]
    [InlineData("uk-UA", 22, "через 22 дні")]
    [InlineData("uk-UA", 25, "через 25 днів")]
    [InlineData("uk-UA", 30, "через 30 днів")]
    [InlineData("uk-UA", 101, "через 101 день")]
    [InlineData("uk-UA", 111, "через 111 днів")]
    [InlineData("uk-UA", -1, "1 день тому")]
    [InlineData("uk-UA", -3, "3 дні тому")]
    [InlineData("uk-UA", -5, "5 днів тому")]
    [InlineData("uk-UA", -12, "12 днів тому")]
    [InlineData("uk-UA", -400, "400 днів тому")]
    public void RelativeDays_uses_the_plural_forms_of_the_language(string culture, int days, string expected) =>
        Assert.Equal(expected, TextFormat.RelativeDays(days, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("en-US", 0, "less than an hour ago")]
    [InlineData("fi-FI", 0, "alle tunti sitten")]
    [InlineData("uk-UA", 0, "менше години тому")]
    [InlineData("en-US", 1, "1 hour ago")]
    [InlineData("en-US", 30, "30 hours ago")]
    [InlineData("en-US", 47, "47 hours ago")]
    [InlineData("en-US", 48, "2 days ago")]
    [InlineData("en-US", 100, "4 days ago")]
    [InlineData("fi-FI", 30, "30 tuntia sitten")]
    [InlineData("fi-FI", 100, "4 päivää sitten")]
    [InlineData("uk-UA", 21, "21 годину тому")]
    [InlineData("uk-UA", 26, "26 годин тому")]
    [InlineData("uk-UA", 100, "4 дні тому")]
    public void TimeAgo_switches_from_hours_to_days_after_two_days(string culture, int hours, string expected) =>
        Assert.Equal(expected, TextFormat.TimeAgo(hours, CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("en-US", "12/5/2026")]
    [InlineData("en-GB", "05/12/2026")]
    [InlineData("fi-FI", "5.12.2026")]
    [InlineData("uk-UA", "05.12.2026")]
    public void Date_uses_the_culture_short_date(string culture, string expected) =>
        Assert.Equal(expected, TextFormat.Date(new DateTimeOffset(2026, 12, 5, 8, 30, 0, TimeSpan.Zero), CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("fi-FI", 0, "5.12.2026 8.30 UTC")]
    [InlineData("uk-UA", 0, "05.12.2026 08:30 UTC")]
    [InlineData("uk-UA", 2, "05.12.2026 08:30 UTC+02:00")]
    public void DateTime_spells_out_the_offset(string culture, int offsetHours, string expected) =>
        Assert.Equal(expected, TextFormat.DateTime(new DateTimeOffset(2026, 12, 5, 8, 30, 0, TimeSpan.FromHours(offsetHours)), CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void DateTime_in_english_has_the_time_and_zone()
    {
        var text = TextFormat.DateTime(new DateTimeOffset(2026, 12, 5, 8, 30, 0, TimeSpan.FromHours(-5)), CultureInfo.GetCultureInfo("en-US"));

        Assert.StartsWith("12/5/2026 8:30", text);
        Assert.EndsWith("UTC-05:00", text);
    }

    [Theory]
    [InlineData("uk", 0, PluralCategory.Many)]
    [InlineData("uk", 1, PluralCategory.One)]
    [InlineData("uk", 4, PluralCategory.Few)]
    [InlineData("uk", 11, PluralCategory.Many)]
    [InlineData("uk", 13, PluralCategory.Many)]
    [InlineData("uk", 23, PluralCategory.Few)]
    [InlineData("uk", 1001, PluralCategory.One)]
    [InlineData("fi", 0, PluralCategory.Other)]
    [InlineData("fi", 1, PluralCategory.One)]
    [InlineData("en", 21, PluralCategory.Other)]
    public void Plural_categories_follow_cldr(string culture, long count, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Select(count, CultureInfo.GetCultureInfo(culture)));
}
