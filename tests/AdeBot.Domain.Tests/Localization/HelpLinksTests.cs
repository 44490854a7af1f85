using System.Globalization;
using System.Reflection;
using AdeBot.Domain.Localization;

namespace AdeBot.Domain.Tests.Localization;

public sealed class HelpLinksTests
{
    public static TheoryData<string> LinkNames => [.. HelpLinks.All.Keys];

    [Theory]
    [MemberData(nameof(LinkNames))]
    public void Every_link_is_https_on_learn_or_the_intune_admin_center(string name)
    {
        var url = HelpLinks.All[name];

        Assert.Equal(Uri.UriSchemeHttps, url.Scheme);
        Assert.Contains(url.Host, (string[])["learn.microsoft.com", "intune.microsoft.com"]);
        if (url.Host == "learn.microsoft.com")
        {
            // Stored without a locale: Localize adds the user's. The 2026 Learn layout has no /mem/ paths.
            Assert.Matches("^/(intune|troubleshoot|graph)/", url.AbsolutePath);
            Assert.DoesNotContain("/mem/intune/enrollment", url.AbsolutePath);
        }
    }

    [Fact]
    public void The_table_holds_every_named_link_exactly_once()
    {
        var fields = typeof(HelpLinks).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Uri)).ToList();

        Assert.Equal(fields.Count, HelpLinks.All.Count);
        Assert.All(fields, f => Assert.Same(f.GetValue(null), HelpLinks.All[f.Name]));
        Assert.Equal(HelpLinks.All.Count, HelpLinks.All.Values.Select(u => u.AbsoluteUri).Distinct().Count());
    }

    [Theory]
    [InlineData("https://learn.microsoft.com/intune/device-enrollment/apple/manage-devices-tokens-apple#renew-your-token", "fi-FI",
                "https://learn.microsoft.com/fi-fi/intune/device-enrollment/apple/manage-devices-tokens-apple#renew-your-token")]
    [InlineData("https://learn.microsoft.com/intune/device-enrollment/apple/manage-devices-tokens-apple#renew-your-token", "uk-UA",
                "https://learn.microsoft.com/uk-ua/intune/device-enrollment/apple/manage-devices-tokens-apple#renew-your-token")]
    [InlineData("https://learn.microsoft.com/intune/device-enrollment/apple/manage-devices-tokens-apple#renew-your-token", "en-GB",
                "https://learn.microsoft.com/en-us/intune/device-enrollment/apple/manage-devices-tokens-apple#renew-your-token")]
    [InlineData("https://learn.microsoft.com/graph/api/resources/intune-enrollment-deponboardingsetting?view=graph-rest-beta", "uk-UA",
                "https://learn.microsoft.com/uk-ua/graph/api/resources/intune-enrollment-deponboardingsetting?view=graph-rest-beta")]
    [InlineData("https://learn.microsoft.com/en-us/troubleshoot/mem/intune/device-enrollment/troubleshoot-ios-enrollment-errors#sync-token-errors-between-intune-and-ade", "fi",
                "https://learn.microsoft.com/fi-fi/troubleshoot/mem/intune/device-enrollment/troubleshoot-ios-enrollment-errors#sync-token-errors-between-intune-and-ade")]
    [InlineData("https://learn.microsoft.com/de-DE/graph/paging", "uk-UA", "https://learn.microsoft.com/uk-ua/graph/paging")]
    [InlineData("https://learn.microsoft.com/uk-ua/dotnet/csharp/language-reference/", "fi-FI", "https://learn.microsoft.com/fi-fi/dotnet/csharp/language-reference/")]
    [InlineData("https://learn.microsoft.com/intune/app-management/deployment/manage-vpp-apple", "sv-SE",
                "https://learn.microsoft.com/en-us/intune/app-management/deployment/manage-vpp-apple")]
    [InlineData("https://intune.microsoft.com/#view/Microsoft_Intune_Enrollment/DepTokensPaging.ReactView", "fi-FI",
                "https://intune.microsoft.com/#view/Microsoft_Intune_Enrollment/DepTokensPaging.ReactView")]
    public void Localize_inserts_the_locale_after_the_host_and_keeps_the_rest(string url, string culture, string expected) =>
        Assert.Equal(expected, HelpLinks.Localize(new Uri(url), CultureInfo.GetCultureInfo(culture)).AbsoluteUri);

    [Theory]
    [InlineData("en-US", "en-us")]
    [InlineData("fi-FI", "fi-fi")]
    [InlineData("uk-UA", "uk-ua")]
    public void Every_learn_link_localizes_with_path_query_and_anchor_intact(string culture, string segment)
    {
        foreach (var url in HelpLinks.All.Values)
        {
            var localized = HelpLinks.Localize(url, CultureInfo.GetCultureInfo(culture));

            var expected = url.Host == "learn.microsoft.com"
                ? $"https://learn.microsoft.com/{segment}{url.AbsolutePath}{url.Query}{url.Fragment}"
                : url.AbsoluteUri;
            Assert.Equal(expected, localized.AbsoluteUri);
        }
    }
}
