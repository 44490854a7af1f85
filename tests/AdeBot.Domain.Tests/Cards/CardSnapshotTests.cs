using System.Globalization;
using System.Text.Json;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Devices;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tests.Devices;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Tests.Cards;

/// The JSON of the main cards, per language, exactly as it is sent.
public sealed class CardSnapshotTests
{
    internal static readonly JsonSerializerOptions Indented = new(AdaptiveCardJson.Options) { WriteIndented = true };

    private readonly CardSamples _samples = new();

    public static TheoryData<string> Locales => [.. CardSamples.Cultures.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Locales))]
    public void Health_answer(string locale)
    {
        var health = _samples.Evaluate(_samples.Mixed(SnapshotSource.Sample));

        var answer = _samples.Composer.ComposeHealth(health, Context(locale));

        Assert.Equal(2, answer.Cards.Count);
        Match("health", locale, answer.Cards);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void All_clear(string locale) =>
        Match("all-clear", locale, _samples.Composer.ComposeHealth(_samples.Evaluate(_samples.Healthy()), Context(locale)).Cards);

    [Theory]
    [MemberData(nameof(Locales))]
    public void Expiring(string locale) =>
        Match("expiring", locale, _samples.Composer.ComposeExpiring(_samples.Evaluate(_samples.Mixed()), 30, Context(locale) with { IsStale = true }));

    [Theory]
    [MemberData(nameof(Locales))]
    public void Token_details(string locale)
    {
        var health = _samples.Evaluate(_samples.Mixed());

        Match("details", locale, _samples.Composer.ComposeTokenDetails(health, health.Tokens.Single(t => t.Id == "ade-schools"), Context(locale)));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Which_one_do_you_mean(string locale)
    {
        var health = _samples.Evaluate(_samples.Mixed());

        Match("which-one", locale, _samples.Composer.ComposeChoice([.. health.Tokens.Take(2)], FollowUpKind.HowToFix, "school", Context(locale)));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Explanation_of_a_topic(string locale) =>
        Match("explain-terms", locale, _samples.Composer.ComposeExplanation(RemediationTopic.TermsNotAccepted, Context(locale)));

    [Theory]
    [MemberData(nameof(Locales))]
    public void Explanation_of_an_error_code(string locale) =>
        Match("error-code-7", locale, _samples.Composer.ComposeExplanation(7, Context(locale)));

    [Theory]
    [MemberData(nameof(Locales))]
    public void Sync_confirmation(string locale)
    {
        var health = _samples.Evaluate(_samples.Mixed());

        Match("sync-confirm", locale, _samples.Composer.ComposeSyncConfirmation(health.Tokens.First(t => t.Kind == TokenKind.Ade), Context(locale)));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Health_answer_offering_sync(string locale)
    {
        var health = _samples.Evaluate(_samples.Mixed(SnapshotSource.Sample));

        Match("health-sync", locale, _samples.Composer.ComposeHealth(health, Context(locale) with { OffersSync = true }).Cards);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Help(string locale) => Match("help", locale, _samples.Composer.ComposeHelp(Context(locale)));

    [Theory]
    [MemberData(nameof(Locales))]
    public void Welcome(string locale) => Match("welcome", locale, _samples.Composer.ComposeWelcome(Context(locale), subscribed: true, AlertScope.All));

    [Theory]
    [MemberData(nameof(Locales))]
    public void Alert(string locale)
    {
        var findings = _samples.Findings(_samples.Evaluate(_samples.Mixed()));
        var culture = CultureInfo.GetCultureInfo(locale);

        Match("alert", locale, _samples.Composer.ComposeAlert(findings, Context(locale)));
        Snapshot.Match($"alert-summary.{locale}", JsonSerializer.Serialize(_samples.Composer.AlertSummary(findings, culture), Indented) + "\n");
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Health_answer_with_devices_that_will_fail(string locale) =>
        Match("health-risks", locale, _samples.Composer.ComposeHealth(_samples.Evaluate(_samples.Mixed()), Context(locale), CardSamples.Risks()).Cards[0]);

    [Theory]
    [MemberData(nameof(Locales))]
    public void Device_in_two_tokens_with_blockers(string locale) =>
        Match("device", locale, _samples.Composer.ComposeDevice(_samples.DeviceInTwoTokens(), Context(locale)));

    [Theory]
    [MemberData(nameof(Locales))]
    public void Device_enrolled_without_intune_records(string locale) =>
        Match("device-ade-only", locale, _samples.Composer.ComposeDevice(
            DeviceScenarios.Diagnose(DeviceScenarios.Facts([DeviceScenarios.Record(AdeEnrollmentState.Enrolled, lastContactAgo: TimeSpan.FromDays(8))], managedUnknown: true)),
            Context(locale)));

    [Theory]
    [MemberData(nameof(Locales))]
    public void Group_summary(string locale)
    {
        var health = _samples.Evaluate(_samples.Mixed());
        var card = _samples.Composer.ComposeGroupSummary(health, Context(locale));
        var json = JsonSerializer.Serialize(card, Indented);

        // Every member of a channel sees it: counts only, nothing that names or identifies a token.
        Assert.All(health.Tokens, t =>
        {
            Assert.DoesNotContain(t.Name, json, StringComparison.OrdinalIgnoreCase);
            if (t.AppleId is { } appleId) Assert.DoesNotContain(appleId, json, StringComparison.OrdinalIgnoreCase);
        });
        Assert.DoesNotContain(health.TenantId, json, StringComparison.OrdinalIgnoreCase);
        Match("group-summary", locale, card);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Guided_fix_step(string locale)
    {
        var (state, _) = GuidedFixOfExpiredSchoolsToken();
        Match("fix-step", locale, _samples.Composer.ComposeFixStep(state with { Step = 1 }, Context(locale)));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Guided_fix_stuck_with_a_likely_cause_and_after_the_last_one(string locale)
    {
        var (state, _) = GuidedFixOfExpiredSchoolsToken();
        Match("fix-stuck", locale, [
            _samples.Composer.ComposeFixStuck(state.Stuck(_samples.Now), Context(locale)),
            _samples.Composer.ComposeFixStuck(state.Stuck(_samples.Now).Stuck(_samples.Now).Stuck(_samples.Now).Stuck(_samples.Now), Context(locale)),
        ]);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Guided_fix_verified_renewed_and_device_enrolled(string locale)
    {
        var (state, token) = GuidedFixOfExpiredSchoolsToken();
        var renewed = token with { ExpiresAt = _samples.Now.AddDays(365), Problems = [], Status = HealthStatus.Healthy };
        var enrolled = DeviceScenarios.Diagnose(DeviceScenarios.Facts([DeviceScenarios.Record(AdeEnrollmentState.Enrolled, lastContactAgo: TimeSpan.FromDays(1))], managed: [DeviceScenarios.Managed()]));
        Match("fix-verified", locale, [
            _samples.Composer.ComposeFixVerified(state.Subject, new FixVerification(VerificationOutcome.Fixed, renewed), Context(locale)),
            _samples.Composer.ComposeFixVerified(GuidedFixSubject.ForDevice(enrolled.SerialNumber, RemediationTopic.DeviceNotContacted), FixVerification.Of(enrolled), Context(locale)),
        ]);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Guided_fix_not_visible_yet_watched_by_alerts(string locale)
    {
        var (state, token) = GuidedFixOfExpiredSchoolsToken();
        var verifying = state.Verifying(watching: true, _samples.Now);
        Match("fix-not-yet", locale, _samples.Composer.ComposeFixNotYet(verifying, FixVerification.Of(verifying.Subject, _samples.Evaluate(_samples.Mixed())), Context(locale)));
    }

    /// The expired Contoso Schools token of the mixed tenant, its guided fix just started.
    private (GuidedFixState State, TokenHealth Token) GuidedFixOfExpiredSchoolsToken()
    {
        var token = _samples.Evaluate(_samples.Mixed()).Tokens.Single(t => t.Id == "ade-schools");
        var problem = token.Problems.First(p => p.Code == ProblemCode.Expired);
        var subject = GuidedFixSubject.ForToken(token, problem, _samples.Catalog.TopicFor(token, problem));
        var key = new GuidedFixKey(new ConversationKey(CardSamples.TenantId, "a:1conversation"), "a:1conversation");
        return (GuidedFixState.Start(key, subject, _samples.Now), token);
    }

    private static CardContext Context(string locale) => new(CultureInfo.GetCultureInfo(locale));

    private static void Match(string name, string locale, AdaptiveCard card) => Snapshot.Match($"{name}.{locale}", JsonSerializer.Serialize(card, Indented) + "\n");

    private static void Match(string name, string locale, IReadOnlyList<AdaptiveCard> cards) =>
        Snapshot.Match($"{name}.{locale}", JsonSerializer.Serialize(cards, Indented) + "\n");
}
