using System.Globalization;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Remediation;

/// The knowledge base: what each problem means and how to fix it, in the user's language.
///
/// Resource layout (Resources/Remediation*.resx): `{Topic}_Title`, `{Topic}_Cause` and the step
/// sets `Steps_{set}_{i}` are generic and take the portal paths of PortalPaths as arguments;
/// `{Topic}_Facts` (and the one-line summaries in Text*.resx) describe one token and take the
/// fact arguments built in FactArguments.
public sealed partial class RemediationCatalog(HealthRulesOptions options)
{
    /// Per topic: the step sets it shows, in order (`Steps_{set}_{i}` resources, shared where the
    /// fix is the same), and the help links it offers (names in HelpLinks.All).
    private sealed record Entry(string[] StepSets, string[] Links);

    private static readonly IReadOnlyDictionary<RemediationTopic, Entry> Entries = WithDeviceEntries(new Dictionary<RemediationTopic, Entry>
    {
        [RemediationTopic.AlertExplanation] = new(["AlertExplanation"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.RenewAdeToken), nameof(HelpLinks.SyncTokenErrors)]),
        [RemediationTopic.AdeExpired] = new(["RenewAdeToken"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.RenewAdeToken), nameof(HelpLinks.RenewAdeTokenMacOs), nameof(HelpLinks.RenewAdeTokenRules)]),
        [RemediationTopic.AdeExpiring] = new(["RenewAdeToken"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.RenewAdeToken), nameof(HelpLinks.RenewAdeTokenMacOs), nameof(HelpLinks.RenewAdeTokenRules)]),
        [RemediationTopic.TermsNotAccepted] = new(["AcceptTerms"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.SyncTokenErrors), nameof(HelpLinks.SyncRestrictions)]),
        [RemediationTopic.SyncError] = new(["SyncChecklist"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.SyncTokenErrors), nameof(HelpLinks.RenewAdeToken), nameof(HelpLinks.SyncRestrictions)]),
        [RemediationTopic.AccessDenied] = new(["AccessDenied"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.SyncTokenErrors), nameof(HelpLinks.CreateAdeToken)]),
        [RemediationTopic.SyncStale] = new(["SyncChecklist"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.SyncTokenErrors), nameof(HelpLinks.SyncRestrictions), nameof(HelpLinks.TenantStatus)]),
        [RemediationTopic.NeverSynced] = new(["SyncChecklist"], [nameof(HelpLinks.EnrollmentProgramTokensBlade), nameof(HelpLinks.SyncTokenErrors), nameof(HelpLinks.SyncRestrictions)]),
        [RemediationTopic.ApnsExpiring] = new(["RenewApns"], [nameof(HelpLinks.RenewApnsCertificate)]),
        [RemediationTopic.ApnsExpired] = new(["RenewApns", "ApnsGraceOver"], [nameof(HelpLinks.RenewApnsCertificate), nameof(HelpLinks.AppleEnrollmentErrors)]),
        [RemediationTopic.ApnsNotConfigured] = new(["CreateApns"], [nameof(HelpLinks.CreateApnsCertificate)]),
        [RemediationTopic.VppInvalid] = new(["CheckManagedAppleId", "RenewVpp"], [nameof(HelpLinks.RenewVppToken), nameof(HelpLinks.ManageVppTokens)]),
        [RemediationTopic.VppExpired] = new(["RenewVpp"], [nameof(HelpLinks.RenewVppToken)]),
        [RemediationTopic.VppExpiring] = new(["RenewVpp"], [nameof(HelpLinks.RenewVppToken)]),
        [RemediationTopic.VppAssignedToExternalMdm] = new(["VppReclaim"], [nameof(HelpLinks.ManageVppTokens)]),
        [RemediationTopic.VppDuplicateLocation] = new(["VppDuplicate"], [nameof(HelpLinks.ManageVppTokens)]),
        [RemediationTopic.VppSyncFailed] = new(["VppSyncChecklist"], [nameof(HelpLinks.ManageVppTokens), nameof(HelpLinks.RenewVppToken)]),
        [RemediationTopic.VppUnexpectedState] = new(["VppSyncChecklist"], [nameof(HelpLinks.ManageVppTokens), nameof(HelpLinks.RenewVppToken)]),
        [RemediationTopic.PortalStatus] = new(["PortalStatus"], [nameof(HelpLinks.TenantStatus)]),
    });

    /// Topics whose fix depends on signing in with the right Apple ID, so the one on record is shown.
    private static readonly HashSet<RemediationTopic> NeedsAppleId =
    [
        RemediationTopic.AdeExpired, RemediationTopic.AdeExpiring, RemediationTopic.ApnsExpired, RemediationTopic.ApnsExpiring,
        RemediationTopic.VppInvalid, RemediationTopic.VppExpired, RemediationTopic.VppExpiring,
    ];

    /// Step keys per topic; a set has as many steps as the English file defines.
    private static readonly IReadOnlyDictionary<RemediationTopic, string[]> StepKeys = Entries.ToDictionary(
        entry => entry.Key,
        entry => entry.Value.StepSets
            .SelectMany(set => Enumerable.Range(1, 50).Select(i => $"Steps_{set}_{i}").TakeWhile(Texts.Remediation.Has))
            .ToArray());

    private const string Missing = "—";

    /// The remediation for one problem of one token, with its facts (dates, days, code, Apple ID).
    public Remediation For(TokenHealth token, Problem problem, CultureInfo culture)
    {
        var topic = TopicFor(token, problem);
        var generic = Describe(topic, culture);
        var args = FactArguments(token, problem, culture);

        var facts = Texts.Remediation.Format(FactsKey(topic, token, problem), culture, args);
        if (NeedsAppleId.Contains(topic) && !string.IsNullOrWhiteSpace(token.AppleId))
        {
            facts += " " + Texts.Remediation.Format("Fact_AppleId", culture, token.AppleId);
        }

        return generic with { Cause = $"{facts} {generic.Cause}" };
    }

    /// The generic entry, for "what does X mean?" without a particular token.
    public Remediation Describe(RemediationTopic topic, CultureInfo culture)
    {
        if (!Entries.TryGetValue(topic, out var entry))
        {
            throw new ArgumentOutOfRangeException(nameof(topic), topic, "Unknown remediation topic.");
        }

        var paths = PortalPaths.Arguments;
        return new Remediation(
            topic,
            Texts.Remediation.Format($"{topic}_Title", culture, paths),
            Texts.Remediation.Format($"{topic}_Cause", culture, paths),
            [.. StepKeys[topic].Select(key => Texts.Remediation.Format(key, culture, paths))],
            [.. entry.Links.Select(name => new HelpLink(Texts.Text.Get($"Link_{name}", culture), HelpLinks.Localize(HelpLinks.All[name], culture)))]);
    }

    public RemediationTopic TopicFor(TokenHealth token, Problem problem) => TopicFor(token.Kind, problem.Code, problem.State);

    /// What a non-zero `lastSyncErrorCode` on an ADE token means under the configured mapping.
    public RemediationTopic TopicForSyncErrorCode(int code)
    {
        ArgumentOutOfRangeException.ThrowIfZero(code);
        return TopicFor(TokenKind.Ade, options.ProblemForSyncErrorCode(code), state: null);
    }

    private static RemediationTopic TopicFor(TokenKind kind, ProblemCode code, string? state) => (kind, code) switch
    {
        (TokenKind.Ade, ProblemCode.Expired) => RemediationTopic.AdeExpired,
        (TokenKind.Ade, ProblemCode.ExpiringSoon) => RemediationTopic.AdeExpiring,
        (TokenKind.Ade, ProblemCode.TermsNotAccepted) => RemediationTopic.TermsNotAccepted,
        (TokenKind.Ade, ProblemCode.AccessDenied) => RemediationTopic.AccessDenied,
        (TokenKind.Ade, ProblemCode.SyncError) => RemediationTopic.SyncError,
        (TokenKind.Ade, ProblemCode.SyncStale) => RemediationTopic.SyncStale,
        (TokenKind.Ade, ProblemCode.NeverSynced) => RemediationTopic.NeverSynced,
        (TokenKind.Apns, ProblemCode.Expired) => RemediationTopic.ApnsExpired,
        (TokenKind.Apns, ProblemCode.ExpiringSoon) => RemediationTopic.ApnsExpiring,
        (TokenKind.Apns, ProblemCode.NotConfigured) => RemediationTopic.ApnsNotConfigured,
        (TokenKind.Vpp, ProblemCode.Expired) => RemediationTopic.VppExpired,
        (TokenKind.Vpp, ProblemCode.ExpiringSoon) => RemediationTopic.VppExpiring,
        (TokenKind.Vpp, ProblemCode.SyncFailed) => RemediationTopic.VppSyncFailed,
        (TokenKind.Vpp, ProblemCode.InvalidState) => TopicForVppState(state),
        (_, ProblemCode.PortalUnhealthy) => RemediationTopic.PortalStatus,
        _ => throw new ArgumentException($"No remediation for {code} on a {kind} token.", nameof(code)),
    };

    /// One line for a list or a card fact: "Expired 12 days ago", "Sync error (code 7)".
    public string Summarize(Problem problem, TokenHealth token, CultureInfo culture)
    {
        var key = SpecialKeys(token, problem)?.Summary ?? $"Summary_{problem.Code}";
        return Texts.Text.Format(key, culture, FactArguments(token, problem, culture));
    }

    public string StatusLabel(HealthStatus status, CultureInfo culture) => Texts.Text.Get($"Status_{status}", culture);

    /// Short kind labels are product names and the same in every language.
    public string KindLabel(TokenHealth token) => KindLabel(token.Kind, token.Program);

    /// The name to show for a token: its own, or for the push certificate, which has none, what
    /// the portal calls it in the user's language. `TokenHealth.Name` stays the English name, the
    /// same in every language, for sorting and for the ids of alerts.
    public string DisplayName(TokenHealth token, CultureInfo culture) => DisplayName(token.Kind, token.Name, culture);

    internal static string DisplayName(TokenKind kind, string name, CultureInfo culture) =>
        kind == TokenKind.Apns && name == HealthEvaluator.ApnsTokenName ? Texts.Text.Get("Name_ApnsCertificate", culture) : name;

    internal static string KindLabel(TokenKind kind, AppleProgram program) => kind switch
    {
        TokenKind.Apns => "APNs",
        TokenKind.Vpp => "VPP",
        _ => program switch
        {
            AppleProgram.SchoolManager => "ASM",
            AppleProgram.BusinessManager => "ABM",
            _ => "ADE",
        },
    };

    private static readonly Dictionary<string, RemediationTopic> VppStateTopics = new(StringComparer.OrdinalIgnoreCase)
    {
        [VppStates.Invalid] = RemediationTopic.VppInvalid,
        [VppStates.Expired] = RemediationTopic.VppExpired,
        [VppStates.AssignedToExternalMdm] = RemediationTopic.VppAssignedToExternalMdm,
        [VppStates.DuplicateLocationId] = RemediationTopic.VppDuplicateLocation,
    };

    private static RemediationTopic TopicForVppState(string? state) =>
        state is not null && VppStateTopics.TryGetValue(state, out var topic) ? topic : RemediationTopic.VppUnexpectedState;

    private static string FactsKey(RemediationTopic topic, TokenHealth token, Problem problem) =>
        SpecialKeys(token, problem)?.Facts ?? $"{topic}_Facts";

    /// Problems whose wording depends on more than their code: a VPP state has a summary per state,
    /// and an expired APNs certificate says whether Apple still accepts its renewal.
    private static (string Summary, string Facts)? SpecialKeys(TokenHealth token, Problem problem) => problem.Code switch
    {
        ProblemCode.InvalidState => ($"Summary_State_{TopicForVppState(problem.State)}", "Facts_VppState"),
        ProblemCode.PortalUnhealthy => problem.Severity == HealthStatus.Critical
            ? ("Summary_PortalUnhealthy", "PortalStatus_Facts")
            : ("Summary_PortalWarning", "PortalStatus_FactsWarning"),
        ProblemCode.Expired when token.Kind == TokenKind.Apns => IsApnsGraceOver(problem)
            ? ("Summary_ApnsExpiredGraceOver", "ApnsExpired_FactsGraceOver")
            : ("Summary_ApnsExpired", "ApnsExpired_Facts"),
        _ => null,
    };

    /// The catalog has no clock: the evaluator's day count says how long ago the certificate expired.
    private static bool IsApnsGraceOver(Problem problem) => problem.DaysLeft is { } days && days <= -HealthEvaluator.ApnsGracePeriodDays;

    private static DateTimeOffset GraceEnd(DateTimeOffset expiresAt) => expiresAt.AddDays(HealthEvaluator.ApnsGracePeriodDays);

    /// The arguments every Facts and Summary resource may use:
    /// {0} token name, {1} expiry date, {2} expiry relative to today ("in 5 days", "12 days ago"),
    /// {3} sync error code, {4} age of the last successful sync ("26 hours ago"), {5} Apple ID,
    /// {6} raw state, {7} end of the APNs renewal grace period, {8} kind label (ABM, ASM, APNs, VPP),
    /// {9} date and time of the last successful sync.
    private object[] FactArguments(TokenHealth token, Problem problem, CultureInfo culture) =>
    [
        DisplayName(token, culture),
        token.ExpiresAt is { } expires ? TextFormat.Date(expires, culture) : Missing,
        problem.DaysLeft is { } days ? TextFormat.RelativeDays(days, culture) : Missing,
        problem.ErrorCode is { } code ? code.ToString(culture) : Missing,
        problem.HoursSinceSync is { } hours ? TextFormat.TimeAgo(hours, culture) : Missing,
        string.IsNullOrWhiteSpace(token.AppleId) ? Missing : token.AppleId,
        problem.State ?? Missing,
        token.ExpiresAt is { } graceFrom ? TextFormat.Date(GraceEnd(graceFrom), culture) : Missing,
        KindLabel(token),
        token.LastSuccessfulSyncAt is { } synced ? TextFormat.DateTime(synced, culture) : Missing,
    ];
}
