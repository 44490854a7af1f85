using System.Globalization;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using AdeBot.Domain.Tests.Devices;
using AdeBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Domain.Tests.Cards;

/// A fixed tenant and clock for card tests, built from the real evaluator and catalog.
internal sealed class CardSamples
{
    public const string TenantId = "5f1c2a9e-7d3b-4c61-9a0e-2b8f6d4e1c37";

    public static readonly IReadOnlyList<CultureInfo> Cultures = [.. new[] { "en-US", "fi-FI", "uk-UA" }.Select(CultureInfo.GetCultureInfo)];

    private static readonly HealthRulesOptions Rules = new();

    public FakeTimeProvider Clock { get; } = new(TestClock.Start);
    public DateTimeOffset Now => Clock.GetUtcNow();
    public CardComposer Composer { get; }
    public RemediationCatalog Catalog { get; } = new(Rules);

    public CardSamples() => Composer = new CardComposer(Catalog, Rules, new AlertOptions(), Clock);

    public TenantHealth Evaluate(TenantSnapshot snapshot) => new HealthEvaluator(Rules, Clock).Evaluate(snapshot);

    /// Two ADE tokens failing in several ways, an expiring APNs certificate, a VPP token claimed by
    /// another MDM, and healthy tokens of each kind.
    public TenantSnapshot Mixed(SnapshotSource source = SnapshotSource.Graph) => new(TenantId, source, Now.AddMinutes(-4),
    [
        new AdeToken("ade-contoso", "Contoso ABM", "mdm@contoso.com", AppleProgram.BusinessManager, Now.AddDays(5), Now.AddHours(-2), Now.AddHours(-2), 0, 1200),
        new AdeToken("ade-schools", "Contoso Schools", "asm@contoso.edu", AppleProgram.SchoolManager, Now.AddDays(-12), Now.AddDays(-20), Now.AddHours(-1), 3, 340),
        new AdeToken("ade-fabrikam", "Fabrikam ABM", null, AppleProgram.BusinessManager, Now.AddDays(200), Now.AddHours(-30), Now.AddHours(-1), 7, 55),
        new AdeToken("ade-northwind", "Northwind ABM", "it@northwind.example", AppleProgram.BusinessManager, Now.AddDays(300), Now.AddHours(-1), Now.AddHours(-1), 0, 80),
    ],
    new ApnsCertificate("apns", "mdm@contoso.com", "com.apple.mgmt.External.0f1e", Now.AddDays(20), Now.AddDays(-345)),
    [
        new VppToken("vpp-contoso", "Contoso VPP", "vpp@contoso.com", "Contoso", "business", Now.AddDays(100), Now.AddHours(-3), "assignedToExternalMDM", "completed"),
        new VppToken("vpp-schools", "Schools VPP", "vpp@contoso.edu", "Contoso Schools", "education", Now.AddDays(150), Now.AddHours(-3), "valid", "completed"),
    ]);

    public TenantSnapshot Healthy(SnapshotSource source = SnapshotSource.Graph) => new(TenantId, source, Now.AddMinutes(-4),
    [
        new AdeToken("ade-northwind", "Northwind ABM", "it@northwind.example", AppleProgram.BusinessManager, Now.AddDays(300), Now.AddHours(-1), Now.AddHours(-1), 0, 80),
    ],
    new ApnsCertificate("apns", "mdm@northwind.example", "com.apple.mgmt.External.77aa", Now.AddDays(250), Now.AddDays(-115)),
    []);

    /// `count` failing ADE tokens, with long names and every kind of ADE problem, for the size limits.
    public TenantSnapshot ManyFailing(int count) => new(TenantId, SnapshotSource.Graph, Now.AddMinutes(-4),
    [
        .. Enumerable.Range(1, count).Select(i => new AdeToken(
            $"{Guid.Parse($"00000000-0000-0000-0000-{i:D12}")}",
            $"Contoso Enrollment Program Token {i:D4} for Region {(i % 7) + 1} Devices",
            $"apple-admin-{i:D4}@contoso-enterprise.example",
            i % 3 == 0 ? AppleProgram.SchoolManager : AppleProgram.BusinessManager,
            Now.AddDays((i % 5) switch { 0 => -30, 1 => 3, 2 => 20, _ => 200 }),
            Now.AddHours(-(i % 4 == 0 ? 100 : 30)),
            Now.AddHours(-1),
            (i % 4) switch { 0 => 3, 1 => 7, _ => 0 },
            100)),
    ],
    new ApnsCertificate("apns", "mdm@contoso.com", "com.apple.mgmt.External.0f1e", Now.AddDays(250), Now.AddDays(-115)),
    []);

    /// The alert a check of Mixed would raise: the most urgent problems, and one that cleared.
    public IReadOnlyList<AlertFinding> Findings(TenantHealth health)
    {
        TokenHealth Token(string id) => health.Tokens.Single(t => t.Id == id);
        AlertFinding Raised(string id, string threshold)
        {
            var token = Token(id);
            var problem = token.Problems[0];
            return new AlertFinding(TenantId, token, problem.Code, threshold, problem.Severity, AlertKind.Raised, problem);
        }

        return
        [
            Raised("ade-schools", "expired:7"),
            Raised("ade-contoso", "days:7"),
            Raised(HealthEvaluator.ApnsTokenId, "days:30"),
            new AlertFinding(TenantId, Token("ade-northwind"), ProblemCode.SyncStale, "syncRecovered", HealthStatus.Warning, AlertKind.Cleared, null, AlertClearReason.SyncRecovered),
            new AlertFinding(TenantId, Token("vpp-schools"), ProblemCode.ExpiringSoon, "renewed", HealthStatus.Warning, AlertKind.Cleared, null, AlertClearReason.Renewed),
        ];
    }

    /// Every kind of card the composer makes, by a stable name, for the schema and size tests.
    public IEnumerable<(string Name, AdaptiveCard Card)> EveryCard(CultureInfo culture)
    {
        var context = new CardContext(culture);
        var mixed = Evaluate(Mixed(SnapshotSource.Sample));
        var healthy = Evaluate(Healthy(SnapshotSource.Replay));
        var many = Evaluate(ManyFailing(60));
        var findings = Findings(mixed);

        foreach (var (card, i) in Composer.ComposeHealth(mixed, context with { IsStale = true }).Cards.Select((c, i) => (c, i))) yield return ($"health-{i}", card);
        foreach (var (card, i) in Composer.ComposeHealth(many, context).Cards.Select((c, i) => (c, i))) yield return ($"health-many-{i}", card);
        foreach (var (card, i) in Composer.ComposeHealth(many, context with { Skip = 40 }).Cards.Select((c, i) => (c, i))) yield return ($"health-last-page-{i}", card);
        yield return ("all-clear", Composer.ComposeHealth(healthy, context).Cards.Single());
        yield return ("expiring", Composer.ComposeExpiring(mixed, null, context));
        yield return ("expiring-none", Composer.ComposeExpiring(healthy, 14, context));
        yield return ("days-left", Composer.ComposeDaysLeft(mixed, context));
        foreach (var token in mixed.Tokens) yield return ($"details-{token.Id}", Composer.ComposeTokenDetails(mixed, token, context));
        foreach (var topic in Enum.GetValues<RemediationTopic>()) yield return ($"explain-{topic}", Composer.ComposeExplanation(topic, context));
        foreach (var code in new[] { 0, 3, 7 }) yield return ($"error-code-{code}", Composer.ComposeExplanation(code, context));
        yield return ("help", Composer.ComposeHelp(context));
        yield return ("welcome-subscribed", Composer.ComposeWelcome(context, subscribed: true, AlertScope.All));
        yield return ("welcome-critical-only", Composer.ComposeWelcome(context, subscribed: true, AlertScope.CriticalOnly));
        yield return ("welcome-unsubscribed", Composer.ComposeWelcome(context, subscribed: false, AlertScope.All));
        yield return ("alert", Composer.ComposeAlert(findings, context));
        yield return ("alert-cleared-only", Composer.ComposeAlert([.. findings.Where(f => f.Kind == AlertKind.Cleared)], context));
        foreach (var (card, i) in Composer.ComposeHealth(mixed, context, Risks()).Cards.Select((c, i) => (c, i))) yield return ($"health-risks-{i}", card);
        foreach (var verdict in Enum.GetValues<DeviceVerdict>()) yield return ($"device-{verdict}", Composer.ComposeDevice(DeviceSamples.For(verdict), context));
        yield return ("device-two-tokens-blocked", Composer.ComposeDevice(DeviceInTwoTokens(), context with { IsStale = true }));
        yield return ("which-one", Composer.ComposeChoice([.. mixed.Tokens.Take(CardComposer.MaxChoices)], AdeBot.Domain.Conversation.FollowUpKind.About, "contoso", context));
    }

    /// Devices of Mixed's tokens that will fail to enroll: counted to the end on one, stopped early on another.
    public static IReadOnlyList<TokenEnrollmentRisk> Risks() =>
        [new("ade-contoso", 12, AtLeast: false), new("ade-northwind", 100, AtLeast: true), new("ade-fabrikam", 0, AtLeast: false)];

    /// A serial in two tokens, the one it is judged on failing and its token blocked by unaccepted
    /// terms, while the push certificate has expired: every part of the device card at once.
    public DeviceDiagnosis DeviceInTwoTokens()
    {
        var schools = Health.TokenScenarios.Ade("Contoso Schools", errorCode: 3, program: AppleProgram.SchoolManager);
        var health = Evaluate(Health.TokenScenarios.Snapshot(ade: [DeviceScenarios.Token, schools], apns: Health.TokenScenarios.Apns(TimeSpan.FromDays(-3))));
        var facts = DeviceScenarios.Facts(
        [
            DeviceScenarios.Record(AdeEnrollmentState.Failed, tokenId: schools.Id, lastContactAgo: TimeSpan.FromHours(20), assignedAgo: TimeSpan.FromDays(2)),
            DeviceScenarios.Record(AdeEnrollmentState.NotContacted, assignedAgo: TimeSpan.FromDays(200)),
        ]);
        return new DeviceDiagnostician().Diagnose(health, facts);
    }
}
