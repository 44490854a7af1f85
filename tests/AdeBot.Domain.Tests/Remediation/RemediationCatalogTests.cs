using System.Globalization;
using System.Text.RegularExpressions;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Tests.Health.TokenScenarios;

namespace AdeBot.Domain.Tests.Remediation;

public sealed partial class RemediationCatalogTests
{
    private const int AccessDeniedCode = 9;

    private static readonly HealthRulesOptions Options = new() { KnownSyncErrorCodes = { [AccessDeniedCode] = "accessDenied" } };
    private static readonly RemediationCatalog Catalog = new(Options);

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi-FI");
    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");

    /// A tenant that shows each problem kind; evaluated by the real evaluator.
    private static readonly IReadOnlyDictionary<RemediationTopic, TenantSnapshot> Scenarios = new Dictionary<RemediationTopic, TenantSnapshot>
    {
        [RemediationTopic.AdeExpired] = Snapshot(ade: [Ade(expiresIn: TimeSpan.FromDays(-12.5))]),
        [RemediationTopic.AdeExpiring] = Snapshot(ade: [Ade(expiresIn: TimeSpan.FromDays(5.2))]),
        [RemediationTopic.TermsNotAccepted] = Snapshot(ade: [Ade(errorCode: 3)]),
        [RemediationTopic.SyncError] = Snapshot(ade: [Ade(errorCode: 7)]),
        [RemediationTopic.AccessDenied] = Snapshot(ade: [Ade(errorCode: AccessDeniedCode)]),
        [RemediationTopic.SyncStale] = Snapshot(ade: [Ade(lastSyncAgo: TimeSpan.FromHours(100))]),
        [RemediationTopic.NeverSynced] = Snapshot(ade: [Ade(neverSynced: true)]),
        [RemediationTopic.ApnsExpiring] = Snapshot(apns: Apns(TimeSpan.FromDays(20.5))),
        [RemediationTopic.ApnsExpired] = Snapshot(apns: Apns(TimeSpan.FromDays(-3.5))),
        [RemediationTopic.ApnsNotConfigured] = Snapshot(apnsMissing: true),
        [RemediationTopic.VppInvalid] = Snapshot(vpp: [Vpp(state: "invalid")]),
        [RemediationTopic.VppExpired] = Snapshot(vpp: [Vpp(expiresIn: TimeSpan.FromDays(-2.5), state: "expired")]),
        [RemediationTopic.VppExpiring] = Snapshot(vpp: [Vpp(expiresIn: TimeSpan.FromDays(25.5))]),
        [RemediationTopic.VppAssignedToExternalMdm] = Snapshot(vpp: [Vpp(state: "assignedToExternalMDM")]),
        [RemediationTopic.VppDuplicateLocation] = Snapshot(vpp: [Vpp(state: "duplicateLocationId")]),
        [RemediationTopic.VppSyncFailed] = Snapshot(vpp: [Vpp(lastSyncStatus: "failed")]),
        [RemediationTopic.VppUnexpectedState] = Snapshot(vpp: [Vpp(state: "quarantinedByApple")]),
        [RemediationTopic.PortalStatus] = Snapshot(ade: [Ade()]) with { PortalConnectors = [new(TokenKind.Ade, "ade-Contoso ABM", PortalHealth.Unhealthy)] },
    };

    public static TheoryData<RemediationTopic, string> TopicsAndCultures => WithCultures(Enum.GetValues<RemediationTopic>());

    public static TheoryData<RemediationTopic, string> ProblemTopicsAndCultures => WithCultures(Scenarios.Keys);

    private static TheoryData<RemediationTopic, string> WithCultures(IEnumerable<RemediationTopic> topics)
    {
        var data = new TheoryData<RemediationTopic, string>();
        foreach (var topic in topics)
        {
            foreach (var culture in (string[])["en-US", "fi-FI", "uk-UA"]) data.Add(topic, culture);
        }
        return data;
    }

    [Fact]
    public void Every_problem_kind_has_a_scenario()
    {
        var reachable = Scenarios.Select(s => Catalog.TopicFor(Problematic(s.Value).Token, Problematic(s.Value).Problem));

        Assert.Equal(Enum.GetValues<RemediationTopic>().Except([RemediationTopic.AlertExplanation, .. DeviceRemediationTests.DeviceTopics]).Order(), reachable.Order());
    }

    [Theory]
    [MemberData(nameof(TopicsAndCultures))]
    public void Every_topic_describes_itself_in_every_language(RemediationTopic topic, string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);

        var remediation = Catalog.Describe(topic, culture);

        Assert.Equal(topic, remediation.Topic);
        AssertRendered(remediation, culture);
        if (culture.TwoLetterISOLanguageName != "en")
        {
            var english = Catalog.Describe(topic, English);
            Assert.NotEqual(english.Title, remediation.Title);
            Assert.NotEqual(english.Cause, remediation.Cause);
            Assert.Equal(english.Steps.Count, remediation.Steps.Count);
            Assert.Equal(english.Links.Select(l => l.Url.Fragment), remediation.Links.Select(l => l.Url.Fragment));
        }
    }

    [Theory]
    [MemberData(nameof(ProblemTopicsAndCultures))]
    public void Every_problem_renders_with_its_facts_localized_links_and_dates(RemediationTopic topic, string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        var (token, problem) = Problematic(Scenarios[topic]);

        var remediation = Catalog.For(token, problem, culture);
        var summary = Catalog.Summarize(problem, token, culture);

        Assert.Equal(topic, remediation.Topic);
        AssertRendered(remediation, culture);
        Assert.StartsWith(Catalog.Describe(topic, culture).Title, remediation.Title);
        Assert.EndsWith(Catalog.Describe(topic, culture).Cause, remediation.Cause);
        AssertNoLeftovers(summary);
        if (token.Kind != TokenKind.Apns)
        {
            Assert.Contains(token.Name, remediation.Cause);
        }
        if (problem.Code is ProblemCode.Expired or ProblemCode.ExpiringSoon)
        {
            var date = TextFormat.Date(token.ExpiresAt!.Value, culture);
            Assert.Contains(date, remediation.Cause);
            Assert.Contains(TextFormat.RelativeDays(problem.DaysLeft!.Value, culture), remediation.Cause);
        }
        if (problem.ErrorCode is { } code)
        {
            Assert.Contains(code.ToString(culture), remediation.Cause);
            Assert.Contains(code.ToString(culture), summary);
        }
    }

    [Theory]
    [InlineData(RemediationTopic.AdeExpired, "en-US", "Expired 12 days ago")]
    [InlineData(RemediationTopic.AdeExpired, "fi-FI", "Vanheni 12 päivää sitten")]
    [InlineData(RemediationTopic.AdeExpired, "uk-UA", "Термін дії минув 12 днів тому")]
    [InlineData(RemediationTopic.AdeExpiring, "en-US", "Expires in 5 days (11/27/2026)")]
    [InlineData(RemediationTopic.AdeExpiring, "fi-FI", "Vanhenee 5 päivän kuluttua (27.11.2026)")]
    [InlineData(RemediationTopic.AdeExpiring, "uk-UA", "Термін дії спливає через 5 днів (27.11.2026)")]
    [InlineData(RemediationTopic.SyncError, "en-US", "Sync error (code 7)")]
    [InlineData(RemediationTopic.SyncError, "fi-FI", "Synkronointivirhe (koodi 7)")]
    [InlineData(RemediationTopic.SyncError, "uk-UA", "Помилка синхронізації (код 7)")]
    [InlineData(RemediationTopic.TermsNotAccepted, "en-US", "Apple terms and conditions not accepted (code 3)")]
    [InlineData(RemediationTopic.SyncStale, "en-US", "Last successful sync 4 days ago")]
    [InlineData(RemediationTopic.SyncStale, "fi-FI", "Viimeisin onnistunut synkronointi 4 päivää sitten")]
    [InlineData(RemediationTopic.SyncStale, "uk-UA", "Остання успішна синхронізація 4 дні тому")]
    [InlineData(RemediationTopic.NeverSynced, "en-US", "Never synced successfully")]
    [InlineData(RemediationTopic.ApnsNotConfigured, "en-US", "Not configured")]
    [InlineData(RemediationTopic.ApnsNotConfigured, "uk-UA", "Не налаштовано")]
    [InlineData(RemediationTopic.ApnsExpired, "en-US", "Expired 3 days ago; renewable until 12/18/2026")]
    [InlineData(RemediationTopic.ApnsExpired, "fi-FI", "Vanheni 3 päivää sitten; uusittavissa 18.12.2026 asti")]
    [InlineData(RemediationTopic.VppSyncFailed, "en-US", "Last sync failed")]
    [InlineData(RemediationTopic.VppAssignedToExternalMdm, "en-US", "Assigned to another MDM")]
    [InlineData(RemediationTopic.VppUnexpectedState, "en-US", "Unexpected state “quarantinedByApple”")]
    [InlineData(RemediationTopic.VppUnexpectedState, "uk-UA", "Неочікуваний стан «quarantinedByApple»")]
    [InlineData(RemediationTopic.VppExpired, "en-US", "Expired 2 days ago")]
    public void Summaries_are_one_line_with_facts(RemediationTopic topic, string culture, string expected)
    {
        var (token, problem) = Problematic(Scenarios[topic]);

        Assert.Equal(expected, Catalog.Summarize(problem, token, CultureInfo.GetCultureInfo(culture)));
    }

    [Fact]
    public void Terms_entry_says_accept_as_administrator_then_sync_because_the_error_clears_only_after_a_sync()
    {
        var (token, problem) = Problematic(Scenarios[RemediationTopic.TermsNotAccepted]);

        var remediation = Catalog.For(token, problem, English);

        var accept = remediation.Steps.ToList().FindIndex(s => s.Contains("**Administrator**") && s.Contains("Apple Business"));
        var sync = remediation.Steps.ToList().FindIndex(s => s.Contains("**Sync**"));
        Assert.InRange(accept, 0, sync - 1);
        Assert.Contains("only after a successful sync", remediation.Steps[sync]);
        Assert.Contains("community finding", remediation.Cause);
    }

    [Fact]
    public void Apns_entries_say_renew_with_the_same_apple_id_and_never_replace()
    {
        var (token, problem) = Problematic(Scenarios[RemediationTopic.ApnsExpired]);

        var remediation = Catalog.For(token, problem, English);

        Assert.Contains("30-day grace period, until 12/18/2026", remediation.Cause);
        Assert.Contains("mdm-push@contoso.example", remediation.Cause);
        Assert.Contains(remediation.Steps, s => s.Contains("same Apple ID") && s.Contains("identity.apple.com"));
        Assert.Contains(remediation.Steps, s => s.Contains("**Renew**") && s.Contains("Do not create a new certificate"));
    }

    [Fact]
    public void Apns_expired_beyond_the_grace_period_says_so()
    {
        var (token, problem) = Problematic(Snapshot(apns: Apns(TimeSpan.FromDays(-40.5))));

        Assert.Equal("Expired 40 days ago; the 30-day renewal grace period has ended", Catalog.Summarize(problem, token, English));
        Assert.Contains("grace period for renewing it ended on 11/11/2026", Catalog.For(token, problem, English).Cause);
    }

    [Fact]
    public void Apns_not_configured_is_a_tenant_setting_not_a_bot_error()
    {
        var (token, problem) = Problematic(Scenarios[RemediationTopic.ApnsNotConfigured]);

        var remediation = Catalog.For(token, problem, English);

        Assert.Equal(HealthStatus.Critical, problem.Severity);
        Assert.Contains("not an error in AdeBot", remediation.Cause);
    }

    [Fact]
    public void Renewal_entries_name_the_portal_paths_in_bold_english_in_every_language()
    {
        var (token, problem) = Problematic(Scenarios[RemediationTopic.AdeExpired]);

        foreach (var culture in (CultureInfo[])[English, Finnish, Ukrainian])
        {
            var steps = string.Join('\n', Catalog.For(token, problem, culture).Steps);
            Assert.Contains("**Devices** > **Enrollment** > **Apple (mobile)** > **Bulk Enrollment Methods** > **Enrollment program tokens**", steps);
            Assert.Contains("**Renew token**", steps);
            Assert.Contains("**Download Token**", steps);
            Assert.Contains("Apple Business", steps);
            Assert.Contains("Apple School Manager", steps);
        }
    }

    [Fact]
    public void Apple_id_is_shown_where_renewal_needs_it_only()
    {
        var expired = Problematic(Scenarios[RemediationTopic.AdeExpired]);
        var stale = Problematic(Scenarios[RemediationTopic.SyncStale]);

        Assert.Contains("Apple ID on record: it-apple@contoso.example.", Catalog.For(expired.Token, expired.Problem, English).Cause);
        Assert.DoesNotContain("it-apple@contoso.example", Catalog.For(stale.Token, stale.Problem, English).Cause);
    }

    [Fact]
    public void Sync_stale_facts_show_age_and_time_of_the_last_sync()
    {
        var (token, problem) = Problematic(Scenarios[RemediationTopic.SyncStale]);

        var cause = Catalog.For(token, problem, Ukrainian).Cause;

        Assert.Contains("4 дні тому", cause);
        Assert.Contains(TextFormat.DateTime(token.LastSuccessfulSyncAt!.Value, Ukrainian), cause);
    }

    [Theory]
    [InlineData(3, RemediationTopic.TermsNotAccepted)]
    [InlineData(7, RemediationTopic.SyncError)]
    [InlineData(AccessDeniedCode, RemediationTopic.AccessDenied)]
    [InlineData(-2, RemediationTopic.SyncError)]
    public void Topic_for_a_sync_error_code_follows_the_configured_mapping(int code, RemediationTopic expected) =>
        Assert.Equal(expected, Catalog.TopicForSyncErrorCode(code));

    [Fact]
    public void Code_zero_is_no_error_and_has_no_topic() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.TopicForSyncErrorCode(0));

    [Fact]
    public void Unmapping_code_three_makes_it_a_generic_sync_error()
    {
        var catalog = new RemediationCatalog(new HealthRulesOptions { KnownSyncErrorCodes = { [3] = "syncError" } });

        Assert.Equal(RemediationTopic.SyncError, catalog.TopicForSyncErrorCode(3));
    }

    [Fact]
    public void A_problem_the_evaluator_never_produces_for_that_kind_has_no_topic()
    {
        var ade = Problematic(Scenarios[RemediationTopic.AdeExpired]).Token;

        Assert.Throws<ArgumentException>(() => Catalog.TopicFor(ade, new Problem(ProblemCode.NotConfigured, HealthStatus.Critical)));
    }

    [Theory]
    [InlineData(TokenKind.Ade, AppleProgram.BusinessManager, "ABM")]
    [InlineData(TokenKind.Ade, AppleProgram.SchoolManager, "ASM")]
    [InlineData(TokenKind.Ade, AppleProgram.Unknown, "ADE")]
    [InlineData(TokenKind.Apns, AppleProgram.Unknown, "APNs")]
    [InlineData(TokenKind.Vpp, AppleProgram.SchoolManager, "VPP")]
    public void Kind_labels(TokenKind kind, AppleProgram program, string expected) =>
        Assert.Equal(expected, Catalog.KindLabel(new TokenHealth(kind, "id", "name", null, program, null, null, HealthStatus.Healthy, [])));

    [Theory]
    [InlineData(HealthStatus.Healthy, "Healthy", "Kunnossa", "У нормі")]
    [InlineData(HealthStatus.Warning, "Warning", "Varoitus", "Попередження")]
    [InlineData(HealthStatus.Critical, "Critical", "Kriittinen", "Критично")]
    public void Status_labels(HealthStatus status, string english, string finnish, string ukrainian) =>
        Assert.Equal(
            (english, finnish, ukrainian),
            (Catalog.StatusLabel(status, English), Catalog.StatusLabel(status, Finnish), Catalog.StatusLabel(status, Ukrainian)));

    private static (TokenHealth Token, Problem Problem) Problematic(TenantSnapshot snapshot)
    {
        var token = Assert.Single(Evaluate(snapshot, Options).Tokens, t => t.Problems.Count > 0);
        return (token, Assert.Single(token.Problems));
    }

    private static void AssertRendered(AdeBot.Domain.Remediation.Remediation remediation, CultureInfo culture)
    {
        Assert.False(string.IsNullOrWhiteSpace(remediation.Title));
        Assert.False(string.IsNullOrWhiteSpace(remediation.Cause));
        Assert.NotEmpty(remediation.Steps);
        Assert.NotEmpty(remediation.Links);
        AssertNoLeftovers(remediation.Title);
        AssertNoLeftovers(remediation.Cause);
        Assert.All(remediation.Steps, AssertNoLeftovers);
        Assert.All(remediation.Links, link =>
        {
            Assert.False(string.IsNullOrWhiteSpace(link.Title));
            Assert.Equal(HelpLinks.Localize(link.Url, culture), link.Url);
            if (link.Url.Host == "learn.microsoft.com")
            {
                Assert.StartsWith($"https://learn.microsoft.com/{SupportedCultures.LearnSegment(culture)}/", link.Url.AbsoluteUri);
            }
        });
    }

    private static void AssertNoLeftovers(string text)
    {
        Assert.DoesNotMatch(Placeholder(), text);
        Assert.DoesNotContain("  ", text);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
