using System.Globalization;
using System.Text.RegularExpressions;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tests.Devices;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Tests.Devices.DeviceScenarios;
using static AdeBot.Domain.Tests.Health.TokenScenarios;

namespace AdeBot.Domain.Tests.Remediation;

public sealed partial class DeviceRemediationTests
{
    private static readonly RemediationCatalog Catalog = new(new HealthRulesOptions());

    /// The topics of the device answers, which no token problem reaches.
    public static IReadOnlyList<RemediationTopic> DeviceTopics { get; } =
        [.. Enum.GetValues<DeviceVerdict>().Select(RemediationCatalog.TopicFor), RemediationTopic.DevicesWithoutProfile];

    public static TheoryData<DeviceVerdict, string> VerdictsAndCultures
    {
        get
        {
            var data = new TheoryData<DeviceVerdict, string>();
            foreach (var verdict in Enum.GetValues<DeviceVerdict>())
            {
                foreach (var culture in (string[])["en-US", "fi-FI", "uk-UA"]) data.Add(verdict, culture);
            }
            return data;
        }
    }

    [Fact]
    public void Every_verdict_has_a_topic_of_its_own() =>
        Assert.Equal(Enum.GetValues<DeviceVerdict>().Length, Enum.GetValues<DeviceVerdict>().Select(RemediationCatalog.TopicFor).Distinct().Count());

    [Theory]
    [MemberData(nameof(VerdictsAndCultures))]
    public void Every_verdict_renders_with_the_facts_of_the_device(DeviceVerdict verdict, string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var diagnosis = DeviceSamples.For(verdict);
        Assert.Equal(verdict, diagnosis.Verdict);

        var remediation = Catalog.ForDevice(diagnosis, culture);

        Assert.Equal(RemediationCatalog.TopicFor(verdict), remediation.Topic);
        Assert.Contains(diagnosis.SerialNumber, remediation.Cause);
        Assert.EndsWith(Catalog.Describe(remediation.Topic, culture).Cause, remediation.Cause);
        Assert.NotEmpty(remediation.Steps);
        Assert.NotEmpty(remediation.Links);
        Assert.All([remediation.Title, remediation.Cause, .. remediation.Steps], text =>
        {
            Assert.DoesNotMatch(Placeholder(), text);
            Assert.DoesNotContain("  ", text);
        });
        Assert.All(remediation.Links, link => Assert.Equal(HelpLinks.Localize(link.Url, culture), link.Url));
        // Facts about an Intune record name the device, not its token; a platform block is tenant-wide.
        if (diagnosis.Device is { } device && verdict is not (DeviceVerdict.Enrolled or DeviceVerdict.EnrolledWithoutAde or DeviceVerdict.PlatformBlocked))
        {
            Assert.Contains(device.TokenName, remediation.Cause);
        }
        if (culture.TwoLetterISOLanguageName != "en")
        {
            Assert.NotEqual(Catalog.ForDevice(diagnosis, CultureInfo.GetCultureInfo("en-US")).Cause, remediation.Cause);
        }
    }

    [Fact]
    public void An_enrollment_seen_only_by_apple_says_that_intune_could_not_be_read()
    {
        var diagnosis = Diagnose(Facts([Record(AdeEnrollmentState.Enrolled)], managedUnknown: true));

        Assert.Contains("could not read Intune’s device records", Catalog.ForDevice(diagnosis, CultureInfo.GetCultureInfo("en-US")).Cause);
    }

    [Fact]
    public void A_failed_enrollment_names_the_device_limit()
    {
        var diagnosis = Diagnose(Facts([Record(AdeEnrollmentState.Failed, lastContactAgo: TimeSpan.FromHours(5))]));

        var cause = Catalog.ForDevice(diagnosis, CultureInfo.GetCultureInfo("fi-FI")).Cause;

        Assert.Contains("Oletuslaiteraja on 5 laitetta", cause);
        Assert.Contains(TextFormat.DateTime(Now - TimeSpan.FromHours(5), CultureInfo.GetCultureInfo("fi-FI")), cause);
    }

    [Theory]
    [InlineData("en-US", 1, false, "1 device on the token “Contoso ABM” (ABM) has no enrollment profile")]
    [InlineData("en-US", 12, false, "12 devices on the token “Contoso ABM” (ABM) have no enrollment profile")]
    [InlineData("en-US", 100, true, "At least 100 devices on the token")]
    [InlineData("fi-FI", 12, false, "Tunnuksen ”Contoso ABM” (ABM) 12 laitteella ei ole rekisteröintiprofiilia")]
    [InlineData("uk-UA", 3, false, "3 пристрої у маркері «Contoso ABM» (ABM) не мають")]
    [InlineData("uk-UA", 5, true, "Щонайменше 5 пристроїв у маркері")]
    [InlineData("uk-UA", 21, false, "21 пристрій у маркері «Contoso ABM» (ABM) не має")]
    public void Devices_without_a_profile_are_counted_in_words_that_agree(string locale, int count, bool atLeast, string expected)
    {
        var token = Single(Evaluate(Snapshot(ade: [Token])), TokenKind.Ade);

        var remediation = Catalog.ForDevicesWithoutProfile(token, new TokenEnrollmentRisk(token.Id, count, atLeast), CultureInfo.GetCultureInfo(locale));

        Assert.StartsWith(expected, remediation.Cause, StringComparison.Ordinal);
        Assert.Equal(RemediationTopic.DevicesWithoutProfile, remediation.Topic);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fi-FI")]
    [InlineData("uk-UA")]
    public void Device_replies_say_what_a_serial_looks_like(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        string[] replies = [ChatReplies.WhichDevice(culture), ChatReplies.NotASerial("C02ZP4", culture), ChatReplies.NotASerial("353209900176148", culture)];

        Assert.All(replies, reply =>
        {
            Assert.Contains(SerialNumbers.Example, reply);
            Assert.DoesNotMatch(Placeholder(), reply);
        });
        Assert.Equal(3, replies.Distinct().Count());
        Assert.Contains("C02ZP4", replies[1]);
        Assert.Contains("IMEI", replies[2]);
    }

    [Fact]
    public void The_not_a_serial_reply_never_echoes_markup_or_a_long_text()
    {
        var reply = ChatReplies.NotASerial("[click](https://evil.example) <b>x</b> " + new string('a', 100), CultureInfo.GetCultureInfo("en-US"));

        Assert.DoesNotContain("](", reply);
        Assert.DoesNotContain("<b>", reply);
        Assert.DoesNotContain(new string('a', 50), reply);
    }

    [Fact]
    public void Platform_labels_are_product_names()
    {
        var finnish = CultureInfo.GetCultureInfo("fi-FI");

        Assert.Equal("iOS/iPadOS", RemediationCatalog.PlatformLabel(DevicePlatform.Ios, finnish));
        Assert.Equal("macOS", RemediationCatalog.PlatformLabel(DevicePlatform.MacOs, finnish));
        Assert.Equal("tuntematon käyttöympäristö", RemediationCatalog.PlatformLabel(DevicePlatform.Other, finnish));
        Assert.Equal("ADE with user affinity", RemediationCatalog.EnrollmentTypeLabel("appleBulkWithUser", CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("userEnrollment", RemediationCatalog.EnrollmentTypeLabel("userEnrollment", finnish));
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
