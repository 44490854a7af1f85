using System.Globalization;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Cards.CardParts;

namespace AdeBot.Domain.Cards;

/// The answers to follow-ups ("why?", "how do I fix it?", "is it fixed now?") about one token or
/// device, and the "which one do you mean?" card when a follow-up matches several tokens.
public sealed partial class CardComposer
{
    /// Candidates offered as buttons at most; a vaguer follow-up is better asked again by name.
    public const int MaxChoices = 5;

    /// "Which one do you mean?" with a button per candidate (name and kind), each answering `then`
    /// about its token. `named` is what the follow-up typed, when it typed a name.
    public AdaptiveCard ComposeChoice(IReadOnlyList<TokenHealth> candidates, FollowUpKind then, string? named, CardContext context)
    {
        var culture = context.Culture;
        List<CardElement> body = [Heading(ChatText.Get("FollowUp_WhichOne", culture))];
        if (named is not null) body.Add(Subtle(ChatText.Format("FollowUp_SeveralMatch", culture, ChatText.Format("Quoted", culture, named))));
        body.Add(new ActionSet([.. candidates.Take(MaxChoices).Select(token => (CardAction)Execute(
            $"{remediation.DisplayName(token, culture)} ({remediation.KindLabel(token)})",
            new CardActionData(CardVerbs.Choose) { TokenId = token.Id, TokenKind = token.Kind, FollowUp = then }))]));
        return new AdaptiveCard(body);
    }

    /// The remediation of the token's first problem as an explanation card (its steps and links);
    /// null when the token is healthy.
    public AdaptiveCard? ComposeFix(TokenHealth token, CardContext context) =>
        token.Problems.Count == 0 ? null : ComposeExplanation(remediation.For(token, token.Problems[0], context.Culture), context);

    /// The device's remediation as an explanation card; null when nothing needs fixing.
    public AdaptiveCard? ComposeFix(DeviceDiagnosis diagnosis, CardContext context) =>
        diagnosis.Severity == DiagnosisSeverity.Ok ? null : ComposeExplanation(remediation.ForDevice(diagnosis, context.Culture), context);

    /// "Why?": what is wrong with the token and what causes it, or that nothing is.
    public string WhyText(TokenHealth token, CultureInfo culture)
    {
        if (token.Problems.Count == 0) return NothingToFix(token, culture);
        var problem = token.Problems[0];
        return ChatText.Format("FollowUp_Why", culture, StateLine(token, culture), remediation.For(token, problem, culture).Cause);
    }

    public string WhyText(DeviceDiagnosis diagnosis, CultureInfo culture) =>
        ChatText.Format("FollowUp_Why", culture, DeviceSummary(diagnosis, culture), remediation.ForDevice(diagnosis, culture).Cause);

    public string NothingToFix(TokenHealth token, CultureInfo culture) =>
        ChatText.Format("FollowUp_NothingToFix", culture, remediation.DisplayName(token, culture));

    public string NothingToFix(DeviceDiagnosis diagnosis, CultureInfo culture) =>
        ChatText.Format("FollowUp_NothingToFix", culture, diagnosis.SerialNumber);

    /// "Is it fixed now?" from a fresh read: yes with its state, or not yet with what is still wrong.
    public string FixedText(TokenHealth token, CultureInfo culture) =>
        ChatText.Format(token.Problems.Count == 0 ? "FollowUp_FixedYes" : "FollowUp_FixedNo", culture, StateLine(token, culture));

    /// "Contoso ABM – Oulu: Expires in 3 days (5.12.2026)", or its name and "Healthy".
    private string StateLine(TokenHealth token, CultureInfo culture) =>
        $"{remediation.DisplayName(token, culture)}: " + (token.Problems.Count == 0
            ? remediation.StatusLabel(HealthStatus.Healthy, culture)
            : remediation.Summarize(token.Problems[0], token, culture));

    public string FixedText(DeviceDiagnosis diagnosis, CultureInfo culture) => ChatText.Format(
        diagnosis.Severity == DiagnosisSeverity.Ok ? "FollowUp_FixedYes" : "FollowUp_FixedNo", culture, DeviceSummary(diagnosis, culture));

    /// The problem a token answer explains, for the conversation's memory: its first problem.
    public ExplainedProblem? ProblemOf(TokenHealth token) => token.Problems.Count == 0
        ? null
        : new ExplainedProblem(ConversationSubject.Token(token.Kind, token.Id), CamelCase(token.Problems[0].Code.ToString()), remediation.TopicFor(token, token.Problems[0]));

    public static ExplainedProblem? ProblemOf(DeviceDiagnosis diagnosis) => diagnosis.Severity == DiagnosisSeverity.Ok
        ? null
        : new ExplainedProblem(ConversationSubject.Device(diagnosis.SerialNumber), CamelCase(diagnosis.Verdict.ToString()), RemediationCatalog.TopicFor(diagnosis.Verdict));

    private static string CamelCase(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}

/// Short replies to follow-ups that have no subject to answer about.
public static class FollowUpReplies
{
    /// A follow-up with nothing to follow ("how do I fix it?" as the first message, or after the
    /// context was forgotten): what to ask first, and the follow-ups that work after it.
    public static string NoContext(CultureInfo culture) => ChatText.Format("FollowUp_NoContext", culture,
        ChatText.Example("Health", culture), ChatText.Example("Device", culture), ChatText.Example("FollowUpFix", culture), ChatText.Example("FollowUpAnd", culture));

    /// "The fifth one" after an answer of three.
    public static string NoSuchPosition(CultureInfo culture) => ChatText.Get("FollowUp_NoSuchPosition", culture);

    /// The token the conversation was about is no longer read from the tenant.
    public static string TokenGone(CultureInfo culture) => ChatText.Get("FollowUp_Gone", culture);
}
