using System.Globalization;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Cards.CardParts;

namespace AdeBot.Domain.Cards;

/// The device card ("why isn't SERIAL enrolling?") and the health summary's devices-at-risk block.
public sealed partial class CardComposer
{
    /// Tokens listed in the health summary's devices-at-risk block; the rest are counted.
    public const int RiskTokensListed = 10;

    /// What to tell the user when a device lookup worked: the blockers first (fix them first), the
    /// ADE and Intune facts, the verdict with its full remediation, and "Check again", which
    /// refreshes this card from a new lookup. `asOf` is shown in the stale banner.
    public AdaptiveCard ComposeDevice(DeviceDiagnosis diagnosis, CardContext context)
    {
        var culture = context.Culture;
        var remedy = remediation.ForDevice(diagnosis, culture);
        List<CardElement> Body(bool withBlockerSteps)
        {
            List<CardElement> body =
            [
                .. Banners(diagnosis.Source, diagnosis.AsOf, context, aboutDevice: true),
                Heading(ChatText.Format("Device_Title", culture, diagnosis.SerialNumber)),
                Status(remedy.Title, HealthOf(diagnosis.Severity)),
            ];
            if (diagnosis.Blockers.Count > 0) body.Add(BlockersBlock(diagnosis.Blockers, withBlockerSteps, culture));
            body.AddRange(AdeFacts(diagnosis, culture));
            body.AddRange(IntuneFacts(diagnosis, culture));
            body.Add(new Container(
            [
                Subheading(remedy.Title),
                Text(remedy.Cause),
                .. StepsAndLinks(remedy, culture),
            ]) { Separator = true, Spacing = Spacing.Large });
            List<CardAction> actions = [];
            if (diagnosis.Verdict != DeviceVerdict.Enrolled) actions.Add(FixWithMe(diagnosis, culture));
            actions.Add(new OpenUrlAction(ChatText.Get("Button_AdminCenter", culture), AdminCenter(remedy)));
            actions.Add(CheckAgain(new CardActionData(CardVerbs.CheckAgain) { View = CardView.Device, Serial = diagnosis.SerialNumber }, culture));
            body.Add(new ActionSet(actions));
            return body;
        }

        // Each blocker's first step is the fix to start with; they go when space runs out.
        var full = new AdaptiveCard(Body(withBlockerSteps: true));
        return CardBudget.CardFits(full) ? full : new AdaptiveCard(Body(withBlockerSteps: false));
    }

    /// The activity summary of a device answer: "C02ZP4MNQR13: ADE enrollment failed".
    public string DeviceSummary(DeviceDiagnosis diagnosis, CultureInfo culture) =>
        ChatText.Format("Device_Summary", culture, diagnosis.SerialNumber, remediation.Describe(RemediationCatalog.TopicFor(diagnosis.Verdict), culture).Title);

    /// The summary card's block of tokens whose devices will fail to enroll, most devices first,
    /// with the fix once. Null when no token has such devices (or they were not counted).
    private Container? RiskBlock(TenantHealth health, IReadOnlyList<TokenEnrollmentRisk>? risks, CultureInfo culture)
    {
        List<(TokenHealth Token, TokenEnrollmentRisk Risk)> atRisk =
        [
            .. (risks ?? [])
                .Where(r => r.DevicesWithoutProfile > 0)
                .Select(r => (Token: health.Tokens.FirstOrDefault(t => t.Kind == TokenKind.Ade && t.Id == r.TokenId), Risk: r))
                .Where(x => x.Token is not null)
                .Select(x => (x.Token!, x.Risk))
                .OrderByDescending(x => x.Item2.DevicesWithoutProfile)
                .ThenBy(x => x.Item1.Name, StringComparer.OrdinalIgnoreCase),
        ];
        if (atRisk.Count == 0) return null;

        var remedy = remediation.ForDevicesWithoutProfile(atRisk[0].Token, atRisk[0].Risk, culture);
        List<CardElement> items = [Subheading(ChatText.Get("Health_RiskHeading", culture))];
        items.AddRange(atRisk.Take(RiskTokensListed).Select(x => new TextBlock(ChatText.Format("Health_RiskLine", culture,
            x.Token.Name, remediation.KindLabel(x.Token), WillFail(x.Risk, culture))) { Color = TextColor.Attention, Spacing = Spacing.Small }));
        if (atRisk.Count > RiskTokensListed) items.Add(Subtle(ChatText.Format("List_More", culture, TextFormat.Count(atRisk.Count - RiskTokensListed, culture))));
        items.Add(Text(remedy.Cause) with { Spacing = Spacing.Medium });
        items.AddRange(StepsAndLinks(remedy, culture));
        return new Container(items) { Separator = true, Spacing = Spacing.Large };
    }

    private static string WillFail(TokenEnrollmentRisk risk, CultureInfo culture) =>
        ChatText.Plural(risk.AtLeast ? "Health_DevicesWillFailAtLeast" : "Health_DevicesWillFail", risk.DevicesWithoutProfile, culture);

    private Container BlockersBlock(IReadOnlyList<BlockerFinding> blockers, bool withSteps, CultureInfo culture)
    {
        List<CardElement> items = [Subheading(ChatText.Get("Device_BlockersHeading", culture))];
        foreach (var blocker in blockers)
        {
            var remedy = remediation.For(blocker.Token, blocker.Problem, culture);
            items.Add(new TextBlock(ChatText.Format("Device_TokenLine", culture, blocker.Token.Name, remediation.KindLabel(blocker.Token),
                remediation.Summarize(blocker.Problem, blocker.Token, culture))) { Color = ColorOf(blocker.Problem.Severity), Weight = TextWeight.Bolder });
            if (!withSteps) continue;
            var fix = remedy.Steps.Count > 0 ? remedy.Steps[0] : remedy.Title;
            if (HelpArticles(remedy).FirstOrDefault() is { } article) fix += $" [{article.Title}]({article.Url})";
            items.Add(Subtle(ChatText.Format("Alert_Fix", culture, fix)));
        }
        return new Container(items) { Style = ContainerStyle.Emphasis, Separator = true, Spacing = Spacing.Medium };
    }

    private IEnumerable<CardElement> AdeFacts(DeviceDiagnosis diagnosis, CultureInfo culture)
    {
        yield return Subheading(ChatText.Get("Device_AdeHeading", culture)) with { Spacing = Spacing.Medium };
        if (diagnosis.Device is not { } device)
        {
            yield return new FactSet([new Fact(ChatText.Get("Fact_Serial", culture), diagnosis.SerialNumber)]);
            yield break;
        }

        var record = device.Record;
        List<Fact> facts =
        [
            new(ChatText.Get("Fact_Serial", culture), diagnosis.SerialNumber),
            new(ChatText.Get("Fact_Platform", culture), RemediationCatalog.PlatformLabel(record.Platform, culture)),
            new(ChatText.Get("Fact_Token", culture), $"{device.TokenName} ({RemediationCatalog.KindLabel(TokenKind.Ade, device.Program)})"),
            new(ChatText.Get("Fact_Profile", culture), ProfileValue(device, culture)),
        ];
        if (record.ProfileAssignedAt is { } assigned) facts.Add(new(ChatText.Get("Fact_ProfileAssigned", culture), TextFormat.Date(assigned, culture)));
        facts.Add(new(ChatText.Get("Fact_EnrollmentState", culture), RemediationCatalog.EnrollmentStateLabel(record.EnrollmentState, culture)));
        facts.Add(new(ChatText.Get("Fact_LastContact", culture), record.LastContactedAt is { } at ? WithAge(at, culture) : ChatText.Get("Value_Never", culture)));
        facts.Add(new(ChatText.Get("Fact_RemovedFromAbm", culture), ChatText.Get(record.IsDeleted ? "Value_Yes" : "Value_No", culture)));
        yield return new FactSet(facts);

        if (diagnosis.Matches.Count > 1)
        {
            var others = diagnosis.Matches.Where(m => !ReferenceEquals(m, device)).Select(m => ChatText.Format("Device_TokenLine", culture,
                m.TokenName, RemediationCatalog.KindLabel(TokenKind.Ade, m.Program),
                m.Record.IsDeleted ? ChatText.Get("Fact_RemovedFromAbm", culture) : RemediationCatalog.EnrollmentStateLabel(m.Record.EnrollmentState, culture)));
            yield return new TextBlock(ChatText.Format("Device_OtherMatches", culture, TextFormat.Count(diagnosis.Matches.Count, culture), string.Join("; ", others)))
            {
                Color = TextColor.Warning,
                Spacing = Spacing.Small,
            };
        }
    }

    private IEnumerable<CardElement> IntuneFacts(DeviceDiagnosis diagnosis, CultureInfo culture)
    {
        yield return Subheading(ChatText.Get("Device_IntuneHeading", culture)) with { Spacing = Spacing.Medium };
        if (!diagnosis.ManagedDevicesKnown)
        {
            foreach (var permission in diagnosis.MissingPermissions)
            {
                yield return new TextBlock(ChatText.Format("Device_IntuneUnknown", culture, permission)) { Color = TextColor.Warning, Spacing = Spacing.Small };
            }
            yield break;
        }
        if (diagnosis.ManagedDevice is not { } managed)
        {
            yield return Subtle(ChatText.Get("Device_NoIntuneRecord", culture));
            yield break;
        }

        List<Fact> facts = [];
        if (!string.IsNullOrWhiteSpace(managed.DeviceName)) facts.Add(new(ChatText.Get("Fact_DeviceName", culture), managed.DeviceName));
        facts.Add(new(ChatText.Get("Fact_EnrollmentType", culture), RemediationCatalog.EnrollmentTypeLabel(managed.EnrollmentType, culture)));
        if (managed.EnrolledAt is { } enrolled) facts.Add(new(ChatText.Get("Fact_Enrolled", culture), TextFormat.DateTime(enrolled, culture)));
        facts.Add(new(ChatText.Get("Fact_LastSync", culture), managed.LastSyncAt is { } synced ? WithAge(synced, culture) : ChatText.Get("Value_Never", culture)));
        if (!string.IsNullOrWhiteSpace(managed.UserPrincipalName)) facts.Add(new(ChatText.Get("Fact_User", culture), managed.UserPrincipalName));
        yield return new FactSet(facts);
    }

    private static string ProfileValue(DeviceMatch device, CultureInfo culture) => device switch
    {
        { ProfileMissing: true } => ChatText.Get("Value_ProfileMissing", culture),
        { Profile: { } profile, ProfileIsDefault: true } => ChatText.Format("Value_DefaultProfile", culture, profile.Name),
        { Profile: { } profile } => profile.Name,
        _ => ChatText.Get("Value_NoProfile", culture),
    };

    private string WithAge(DateTimeOffset at, CultureInfo culture) =>
        ChatText.Format("Value_WithRelative", culture, TextFormat.DateTime(at, culture), TextFormat.TimeAgo(Math.Max(0, HealthEvaluator.WholeHours(time.GetUtcNow() - at)), culture));

    private static HealthStatus HealthOf(DiagnosisSeverity severity) => severity switch
    {
        DiagnosisSeverity.Critical => HealthStatus.Critical,
        DiagnosisSeverity.Warning => HealthStatus.Warning,
        _ => HealthStatus.Healthy,
    };
}
