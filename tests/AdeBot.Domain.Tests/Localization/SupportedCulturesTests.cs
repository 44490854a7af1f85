using System.Globalization;
using AdeBot.Domain.Localization;

namespace AdeBot.Domain.Tests.Localization;

public sealed class SupportedCulturesTests
{
    [Fact]
    public void All_lists_english_first_then_finnish_and_ukrainian() =>
        Assert.Equal(["en", "fi", "uk"], SupportedCultures.All.Select(c => c.Name));

    [Theory]
    [InlineData("fi-FI", "fi-FI")]
    [InlineData("fi", "fi-FI")]
    [InlineData("FI-fi", "fi-FI")]
    [InlineData("fi_FI", "fi-FI")]
    [InlineData("uk-UA", "uk-UA")]
    [InlineData("uk", "uk-UA")]
    [InlineData("en-US", "en-US")]
    [InlineData("en-GB", "en-GB")]
    [InlineData("en", "en-US")]
    [InlineData("sv-SE", "en-US")]
    [InlineData("ru-RU", "en-US")]
    [InlineData("xx-YY", "en-US")]
    [InlineData("not a locale!", "en-US")]
    [InlineData("", "en-US")]
    [InlineData("   ", "en-US")]
    [InlineData(null, "en-US")]
    public void Resolve_keeps_the_region_of_a_supported_language_and_falls_back_to_english(string? locale, string expected) =>
        Assert.Equal(expected, SupportedCultures.Resolve(locale).Name);

    [Theory]
    [InlineData("en-US", "en-us")]
    [InlineData("en-GB", "en-us")]
    [InlineData("fi-FI", "fi-fi")]
    [InlineData("fi", "fi-fi")]
    [InlineData("uk-UA", "uk-ua")]
    [InlineData("de-DE", "en-us")]
    public void Learn_segment_per_language(string culture, string expected) =>
        Assert.Equal(expected, SupportedCultures.LearnSegment(CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void A_regional_culture_reads_its_language_resources_through_resx_fallback()
    {
        var finnishTitle = TextFormat.RelativeDays(0, SupportedCultures.Resolve("fi-FI"));
        var ukrainianTitle = TextFormat.RelativeDays(0, SupportedCultures.Resolve("uk-UA"));
        var britishTitle = TextFormat.RelativeDays(0, SupportedCultures.Resolve("en-GB"));

        Assert.Equal(("tänään", "сьогодні", "today"), (finnishTitle, ukrainianTitle, britishTitle));
    }
}
