using System.Globalization;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Devices;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Cards.CardParts;
using RemediationEntry = AdeBot.Domain.Remediation.Remediation;

namespace AdeBot.Domain.Cards;

/// The cards of a guided fix: one step at a time, the "I'm stuck" card, and the two answers of the
/// verification read. The steps are the remediation catalog's (Describe), so there is one copy of
/// them in each language.
public sealed partial class CardComposer
{
    /// How many steps the walk of `subject` has.
    public int FixStepCount(GuidedFixSubject subject) => remediation.Describe(subject.Topic, CultureInfo.InvariantCulture).Steps.Count;

    /// "Step i of N", the step's text and help link, and Done, I'm stuck, Stop.
    public AdaptiveCard ComposeFixStep(GuidedFixState state, CardContext context)
    {
        var culture = context.Culture;
        var remedy = remediation.Describe(state.Subject.Topic, culture);
        var step = Math.Clamp(state.Step, 0, Math.Max(0, remedy.Steps.Count - 1));
        List<CardElement> body =
        [
            .. FixHead(state.Subject, remedy, culture),
            Subheading(ChatText.Format("Fix_StepOf", culture, TextFormat.Count(step + 1, culture), TextFormat.Count(remedy.Steps.Count, culture))),
            Text(remedy.Steps.Count > 0 ? remedy.Steps[step] : remedy.Title),
        ];
        if (HelpArticles(remedy).FirstOrDefault() is { } article) body.Add(Subtle(ChatText.Format("Fix_StepHelp", culture, article.Title, article.Url)));
        body.Add(Subtle(ChatText.Get("Fix_DoneHint", culture)));
        body.Add(new ActionSet(
        [
            Execute(ChatText.Get("Button_FixDone", culture), new(CardVerbs.FixDone) { Step = step }),
            Execute(ChatText.Get("Button_FixStuck", culture), new(CardVerbs.FixStuck) { Step = step }),
            Execute(ChatText.Get("Button_FixStop", culture), new(CardVerbs.FixStop)),
        ]));
        return new AdaptiveCard(body);
    }

    /// The next likely cause for the problem (the `StuckCount`th); once they are used up, the help
    /// articles and who to ask for support, with a way back to the step and a check of the result.
    public AdaptiveCard ComposeFixStuck(GuidedFixState state, CardContext context)
    {
        var culture = context.Culture;
        var remedy = remediation.Describe(state.Subject.Topic, culture);
        var causes = remediation.LikelyCauses(state.Subject.Topic, culture);
        var cause = state.StuckCount - 1;
        List<CardElement> body = [.. FixHead(state.Subject, remedy, culture)];
        List<CardAction> actions = [Execute(ChatText.Format("Button_FixBack", culture, TextFormat.Count(state.Step + 1, culture)), new(CardVerbs.FixBack))];
        if (cause >= 0 && cause < causes.Count)
        {
            body.Add(Subheading(ChatText.Get("Fix_StuckHeading", culture)));
            body.Add(Text(causes[cause]));
            actions.Add(Execute(ChatText.Get("Button_FixStillStuck", culture), new(CardVerbs.FixStuck) { Step = state.Step }));
        }
        else
        {
            body.Add(Subheading(ChatText.Get("Fix_StuckNoMore", culture)));
            List<HelpLink> articles = [.. HelpArticles(remedy)];
            // Teams renders a Markdown list from lines separated by \r.
            if (articles.Count > 0) body.Add(Text(string.Join('\r', articles.Select(a => $"- [{a.Title}]({a.Url})"))) with { Spacing = Spacing.Small });
            var support = RemediationCatalog.SupportFor(state.Subject.Topic) == SupportPath.Apple ? "Fix_Support_Apple" : "Fix_Support_Microsoft";
            body.Add(Text(ChatText.Format(support, culture, SubjectName(state.Subject, culture))));
            actions.Add(Execute(ChatText.Get("Button_FixCheck", culture), new(CardVerbs.FixCheck)));
        }
        actions.Add(Execute(ChatText.Get("Button_FixStop", culture), new(CardVerbs.FixStop)));
        body.Add(new ActionSet(actions));
        return new AdaptiveCard(body);
    }

    /// The verification read saw the problem gone: the renewed token's new expiry date, the
    /// recovered sync's time, or the device enrolled.
    public AdaptiveCard ComposeFixVerified(GuidedFixSubject subject, FixVerification verification, CardContext context)
    {
        var culture = context.Culture;
        var name = SubjectName(subject, culture);
        var line = (subject.Problem, verification.Token) switch
        {
            _ when subject.IsDevice => ChatText.Format("Fix_Fixed_DeviceEnrolled", culture, name),
            ({ } code, { ExpiresAt: { } expires }) when AlertTracks.Of(code) == AlertTracks.Expiry =>
                ChatText.Format("Fix_Fixed_Renewed", culture, name, TextFormat.Date(expires, culture)),
            ({ } code, { LastSuccessfulSyncAt: { } synced }) when AlertTracks.ClearReasonOf(AlertTracks.Of(code)) == AlertClearReason.SyncRecovered =>
                ChatText.Format("Fix_Fixed_SyncRecovered", culture, name, TextFormat.DateTime(synced, culture)),
            _ => ChatText.Format("Fix_Fixed_Resolved", culture, name),
        };
        return new AdaptiveCard(
        [
            Heading(ChatText.Get("Fix_FixedTitle", culture)),
            Status(line, HealthStatus.Healthy),
            new ActionSet([CheckNow("Button_CheckNow", culture)]),
        ]);
    }

    /// The verification read still sees the problem: what Graph shows, that Graph and Apple lag,
    /// and, when the conversation's alerts watch the finding, that one message will follow.
    public AdaptiveCard ComposeFixNotYet(GuidedFixState state, FixVerification verification, CardContext context)
    {
        var culture = context.Culture;
        var remedy = remediation.Describe(state.Subject.Topic, culture);
        var still = (verification.Token, verification.Problem, verification.Diagnosis) switch
        {
            ({ } token, { } problem, _) => remediation.Summarize(problem, token, culture),
            (_, _, { } diagnosis) => remediation.Describe(RemediationCatalog.TopicFor(diagnosis.Verdict), culture).Title,
            _ => remedy.Title,
        };
        List<CardElement> body =
        [
            .. FixHead(state.Subject, remedy, culture),
            Subheading(ChatText.Get("Fix_NotYetTitle", culture)),
            Status(ChatText.Format("Fix_NotYet_Still", culture, still), verification.Problem?.Severity ?? HealthStatus.Warning),
            Text(ChatText.Get("Fix_NotYet_Lag", culture)),
        ];
        if (state.Watching) body.Add(Subtle(ChatText.Get("Fix_NotYet_Watching", culture)));
        body.Add(new ActionSet(
        [
            Execute(ChatText.Get("Button_CheckAgain", culture), new(CardVerbs.FixCheck)),
            Execute(ChatText.Get("Button_FixStuck", culture), new(CardVerbs.FixStuck) { Step = state.Step }),
            Execute(ChatText.Get("Button_FixStop", culture), new(CardVerbs.FixStop)),
        ]));
        return new AdaptiveCard(body);
    }

    /// Replaces the walk's card when it is stopped, so its buttons are gone.
    public static AdaptiveCard ComposeFixStopped(CardContext context) => new([Text(ChatText.Get("Fix_Stopped", context.Culture))]);

    /// A click on a walk that ended (stopped, finished, idle past the conversation's memory).
    public static string FixEnded(CultureInfo culture) => ChatText.Get("Fix_Ended", culture);

    public static string FixVerifyWait(CultureInfo culture) => ChatText.Get("Fix_VerifyWait", culture);

    public string FixTokenGone(GuidedFixSubject subject, CultureInfo culture) => ChatText.Format("Fix_TokenGone", culture, SubjectName(subject, culture));

    public string FixNothingToFix(string name, CultureInfo culture) => ChatText.Format("Fix_NothingToFix", culture, name);

    /// The activity summary (notification text) of the first step card.
    public string FixSummary(GuidedFixSubject subject, CultureInfo culture) => ChatText.Format("Fix_Title", culture, SubjectName(subject, culture));

    /// "Fix it with me" for one problem of a token.
    private static ExecuteAction FixWithMe(TokenHealth token, Problem problem, CultureInfo culture) =>
        Execute(ChatText.Get("Button_FixWithMe", culture), new(CardVerbs.FixStart) { TokenId = token.Id, TokenKind = token.Kind, Problem = problem.Code });

    private static ExecuteAction FixWithMe(DeviceDiagnosis diagnosis, CultureInfo culture) =>
        Execute(ChatText.Get("Button_FixWithMe", culture), new(CardVerbs.FixStart) { Serial = diagnosis.SerialNumber });

    private IEnumerable<CardElement> FixHead(GuidedFixSubject subject, RemediationEntry remedy, CultureInfo culture)
    {
        yield return Heading(ChatText.Format("Fix_Title", culture, SubjectName(subject, culture)));
        yield return Subtle(remedy.Title);
    }

    private static string SubjectName(GuidedFixSubject subject, CultureInfo culture) =>
        subject.TokenKind is { } kind ? RemediationCatalog.DisplayName(kind, subject.Label, culture) : subject.Label;
}
