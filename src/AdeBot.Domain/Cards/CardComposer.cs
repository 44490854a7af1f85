using System.Globalization;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Cards.CardParts;
using RemediationEntry = AdeBot.Domain.Remediation.Remediation;

namespace AdeBot.Domain.Cards;

/// Turns health results, remediations and alert findings into Adaptive Cards in the user's language.
public sealed partial class CardComposer(RemediationCatalog remediation, HealthRulesOptions rules, AlertOptions alerts, TimeProvider time)
{
    /// Failing tokens shown in full per health answer; more come with "Show more".
    public const int TokensPerPage = 20;

    /// Ten years, the longest window the recognizer reads from a question.
    private const int MaxExpiringWindowDays = 3650;

    private static readonly Uri AdminCenterHome = new(HelpLinks.EnrollmentProgramTokensBlade.GetLeftPart(UriPartial.Authority));

    /// The summary card (on the first page only) and the failing tokens of the page `context.Skip`
    /// starts. Pages end at multiples of TokensPerPage, so a page that starts on a later card (a
    /// refreshed token card) ends where the page it came from ended. `risks`, when counted, adds
    /// the tokens whose devices will fail to enroll to the summary.
    public HealthAnswer ComposeHealth(TenantHealth health, CardContext context, IReadOnlyList<TokenEnrollmentRisk>? risks = null)
    {
        var culture = context.Culture;
        var failing = Failing(health);
        var skip = Math.Clamp(context.Skip, 0, failing.Count);
        var (tokenCards, pageEnd) = TokenCards(failing, skip, culture, context.OffersSync);
        int? nextSkip = pageEnd < failing.Count ? pageEnd : null;

        List<AdaptiveCard> cards = skip == 0 ? [HealthSummary(health, failing.Count, context, risks), .. tokenCards] : tokenCards;
        var summary = failing.Count == 0
            ? ChatText.Get("Health_AllClear", culture)
            : ChatText.Plural("Health_NeedAttention", failing.Count, culture);
        return new HealthAnswer(cards, summary, failing.Count, pageEnd - skip, nextSkip);
    }

    /// The card a "Check again" button was on, composed again from `health`: the same view, so the
    /// invoke answer that replaces the clicked card shows what it showed. A token card is the one
    /// that starts at the same failing token (the first one when fewer fail now; the all-clear
    /// summary when none does). Null when a details card's token is gone. Buttons sent before
    /// cards carried their view were all on summary cards.
    /// A device card is not composed here (null): its refresh is a new device lookup (ComposeDevice).
    public AdaptiveCard? ComposeRefresh(TenantHealth health, CardActionData checkAgain, CardContext context, IReadOnlyList<TokenEnrollmentRisk>? risks = null) => (checkAgain.View ?? CardView.Summary) switch
    {
        CardView.Device => null,
        CardView.Tokens => TokenCardFrom(health, checkAgain.Skip ?? 0, context),
        CardView.Details => checkAgain.FindToken(health) is { } token ? ComposeTokenDetails(health, token, context) : null,
        // The button's data comes back from the client: a window the recognizer would not read is the default one.
        CardView.Expiring => ComposeExpiring(health, checkAgain.Days is > 0 and <= MaxExpiringWindowDays ? checkAgain.Days : null, context),
        CardView.DaysLeft => ComposeDaysLeft(health, context),
        _ => HealthSummary(health, Failing(health).Count, context, risks),
    };

    /// Tokens that expire within `days` (the warning threshold when null), expired ones included, soonest first.
    public AdaptiveCard ComposeExpiring(TenantHealth health, int? days, CardContext context) =>
        ExpiryList(health, days ?? rules.ExpiryWarningDays, context);

    /// Every token that has an expiry date, soonest first, with the days it has left: the answer to
    /// "how many days are left?".
    public AdaptiveCard ComposeDaysLeft(TenantHealth health, CardContext context) => ExpiryList(health, window: null, context);

    /// The tokens within `window` days (every token with an expiry date when null). A token is within
    /// it when the day count the card shows is: "in 5 days" is within 5 days.
    private AdaptiveCard ExpiryList(TenantHealth health, int? window, CardContext context)
    {
        var culture = context.Culture;
        var now = time.GetUtcNow();
        List<(TokenHealth Token, DateTimeOffset At)> listed =
        [
            .. health.Tokens
                .Where(t => t.ExpiresAt is { } at && (window is not { } days || DaysLeft(t, at) <= days))
                .Select(t => (Token: t, At: t.ExpiresAt.GetValueOrDefault()))
                .OrderBy(x => x.At),
        ];
        var title = window switch
        {
            null => ChatText.Get("DaysLeft_Title", culture),
            { } days when listed.Any(x => x.At <= now) => ChatText.Plural("Expiring_TitleWithExpired", days, culture),
            { } days => ChatText.Plural("Expiring_Title", days, culture),
        };

        List<CardElement> Body(int shown)
        {
            List<CardElement> body = [.. Banners(health, context), Heading(title)];
            if (listed.Count == 0)
            {
                body.Add(Text(window is { } days ? ChatText.Plural("Expiring_None", days, culture) : ChatText.Get("DaysLeft_None", culture)));
                if (health.Tokens.Where(t => t.ExpiresAt is not null).MinBy(t => t.ExpiresAt) is { ExpiresAt: { } at } next)
                {
                    body.Add(Text(ChatText.Format("Expiring_Next", culture, remediation.DisplayName(next, culture), remediation.KindLabel(next), ExpiryValue(next, at, culture))));
                }
            }
            else
            {
                body.Add(new FactSet([.. listed.Take(shown).Select(x => new Fact($"{remediation.DisplayName(x.Token, culture)} ({remediation.KindLabel(x.Token)})", ExpiryValue(x.Token, x.At, culture)))]));
                if (shown < listed.Count) body.Add(Subtle(ChatText.Plural("List_More", listed.Count - shown, culture)));
            }
            var view = window is { } windowDays ? ViewData(CardView.Expiring) with { Days = windowDays } : ViewData(CardView.DaysLeft);
            body.Add(new ActionSet([CheckAgain(view, culture)]));
            return body;
        }

        var fit = MostThatFit(listed.Count, shown => new AdaptiveCard(Body(shown)));
        return new AdaptiveCard(Body(fit));
    }

    /// Every fact of one token and the full remediation of each of its problems. `tenant` supplies
    /// the data banners (sample, replay, stale).
    public AdaptiveCard ComposeTokenDetails(TenantHealth tenant, TokenHealth token, CardContext context)
    {
        var culture = context.Culture;
        List<CardElement> body =
        [
            .. Banners(tenant, context),
            Heading(remediation.DisplayName(token, culture)),
            Status($"{remediation.StatusLabel(token.Status, culture)} · {remediation.KindLabel(token)}", token.Status),
            new FactSet(Facts(token, culture, withId: true)),
        ];
        if (token.Problems.Count == 0) body.Add(Status(ChatText.Get("Details_Healthy", culture), HealthStatus.Healthy));

        RemediationEntry? first = null;
        foreach (var problem in token.Problems)
        {
            var remedy = remediation.For(token, problem, culture);
            first ??= remedy;
            body.Add(new Container(
            [
                Subheading(remedy.Title),
                Status(remediation.Summarize(problem, token, culture), problem.Severity),
                Text(remedy.Cause),
                .. StepsAndLinks(remedy, culture),
                .. FixButton(token, problem, culture),
            ]) { Separator = true, Spacing = Spacing.Large });
        }

        body.Add(new ActionSet(
        [
            new OpenUrlAction(ChatText.Get("Button_AdminCenter", culture), AdminCenter(first)),
            CheckAgain(ViewData(CardView.Details) with { TokenId = token.Id, TokenKind = token.Kind }, culture),
        ]));
        return new AdaptiveCard(body);
    }

    public AdaptiveCard ComposeExplanation(RemediationTopic topic, CardContext context) =>
        ComposeExplanation(remediation.Describe(topic, context.Culture), context);

    public AdaptiveCard ComposeExplanation(RemediationEntry remedy, CardContext context) =>
        Explanation(remedy.Title, note: null, remedy, context.Culture);

    /// What a `lastSyncErrorCode` means: the mapped remediation, with a note that Microsoft does not
    /// document the codes; 0 means no error.
    public AdaptiveCard ComposeExplanation(int errorCode, CardContext context)
    {
        var culture = context.Culture;
        var title = ChatText.Format("Explain_ErrorCode_Title", culture, errorCode);
        if (errorCode == 0)
        {
            return new AdaptiveCard(
            [
                Heading(title),
                Status(ChatText.Get("Explain_ErrorCode_Zero", culture), HealthStatus.Healthy),
                new ActionSet([CheckNow("Button_CheckNow", culture)]),
            ]);
        }

        var remedy = remediation.Describe(remediation.TopicForSyncErrorCode(errorCode), culture);
        return Explanation(title, ChatText.Format("Explain_ErrorCode_Note", culture, errorCode), remedy, culture);
    }

    /// What a channel or group chat sees under Access:GroupConversations=summaryOnly, where every
    /// member (guests and meeting attendees included) sees the card: the overall status and how many
    /// tokens are in each state, and where to ask for the rest. No token names, Apple IDs, tenant
    /// ids or buttons that would open a token.
    public AdaptiveCard ComposeGroupSummary(TenantHealth health, CardContext context)
    {
        var body = SummaryHead(health, Failing(health).Count, context, showTenant: false);
        body.Add(Subtle(ChatText.Get("GroupSummary_PersonalChat", context.Culture)));
        return new AdaptiveCard(body);
    }

    /// The one-line summary (a notification's text) of ComposeGroupSummary: a count, no names.
    public static string GroupSummaryText(TenantHealth health, CultureInfo culture) =>
        Failing(health).Count is var failing and > 0
            ? ChatText.Plural("Health_NeedAttention", failing, culture)
            : ChatText.Get("Health_AllClear", culture);

    public AdaptiveCard ComposeHelp(CardContext context)
    {
        var culture = context.Culture;
        return new AdaptiveCard(
        [
            Heading(ChatText.Get("Help_Title", culture)),
            Text(ChatText.Get("Help_Intro", culture)),
            Examples(culture, [("Health", ["Health", "Status"]), ("Expiring", ["Expiring"]), ("Details", ["Details"]), ("Devices", ["Device"]),
                ("Explain", ["Explain", "Topic"]), ("Alerts", ["Subscribe", "Unsubscribe", "ScopeCriticalOnly", "ScopeAll"]), ("Language", ["Language"])]),
            Subtle(ChatText.Format("Help_ChannelNote", culture, ChatText.Get("Example_Status", culture))),
            new ActionSet([CheckNow("Button_CheckNow", culture)]),
        ]);
    }

    /// Sent when AdeBot is added to a conversation: what it watches, whether alerts are on and for
    /// what, how to ask. While alerts are on it offers the other scope; while they are off, only
    /// turning them on (which keeps the scope chosen before).
    public AdaptiveCard ComposeWelcome(CardContext context, bool subscribed, AlertScope scope)
    {
        var culture = context.Culture;
        var status = (subscribed, scope) switch
        {
            (false, _) => "Welcome_AlertsOff",
            (true, AlertScope.CriticalOnly) => "Welcome_AlertsOnCriticalOnly",
            _ => "Welcome_AlertsOn",
        };
        List<CardAction> actions = [CheckNow("Button_CheckNow", culture)];
        if (subscribed)
        {
            actions.Add(Execute(ChatText.Get("Button_Unsubscribe", culture), new(CardVerbs.Unsubscribe)));
            var other = scope == AlertScope.CriticalOnly ? AlertScope.All : AlertScope.CriticalOnly;
            actions.Add(Execute(ChatText.Get($"Button_Scope{other}", culture), new(CardVerbs.AlertScope) { Scope = other }));
        }
        else
        {
            actions.Add(Execute(ChatText.Get("Button_Subscribe", culture), new(CardVerbs.Subscribe)));
        }
        actions.Add(Execute(ChatText.Get("Button_Help", culture), new(CardVerbs.Help)));

        return new AdaptiveCard(
        [
            Heading(ChatText.Get("Welcome_Title", culture)),
            Text(ChatText.Get("Welcome_Watch", culture)),
            Status(ChatText.Get(status, culture), subscribed ? HealthStatus.Healthy : HealthStatus.Warning),
            Text(ChatText.Get("Welcome_Ask", culture)),
            Examples(culture, [("Health", ["Health"]), ("Expiring", ["Expiring"]), ("Devices", ["Device"]), ("Explain", ["Explain"])]),
            new ActionSet(actions),
        ]);
    }

    /// One card for all new findings of a check in one conversation: raised problems worst first with
    /// the first step of their fix and a help link, then the ones that cleared.
    public AdaptiveCard ComposeAlert(IReadOnlyList<AlertFinding> findings, CardContext context)
    {
        var culture = context.Culture;
        var raised = Raised(findings);
        List<AlertFinding> cleared = [.. findings.Where(f => f.Kind == AlertKind.Cleared).OrderBy(f => f.Token.Name, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.FindingKey, StringComparer.Ordinal)];
        List<(CardElement Element, AlertFinding Finding)> items =
        [
            .. raised.Select(f => ((CardElement)RaisedBlock(f, culture), f)),
            .. cleared.Select((f, i) => ((CardElement)ClearedBlock(f, withHeading: i == 0, culture), f)),
        ];
        var title = raised.Count > 0
            ? ChatText.Plural("Alert_Title", raised.Count, culture)
            : ChatText.Get("Alert_Title_Cleared", culture);

        AdaptiveCard Build(int shown)
        {
            List<CardElement> body = [Heading(title), .. items.Take(shown).Select(i => i.Element)];
            if (shown < items.Count) body.Add(Subtle(ChatText.Plural("List_More", items.Count - shown, culture)));

            // Snoozing covers what the card shows; the rest was not seen, so it is not silenced.
            List<string> keys = [.. items.Take(shown).Where(i => i.Finding.Kind == AlertKind.Raised).Select(i => i.Finding.FindingKey).Distinct().Take(CardActionData.MaxFindingKeys)];
            List<CardAction> actions = [];
            if (keys.Count > 0)
            {
                actions.AddRange(alerts.EffectiveSnoozeDays.Select(days =>
                    Execute(ChatText.Plural("Button_Snooze", days, culture), new(CardVerbs.Snooze) { FindingKeys = keys, Days = days })));
            }
            actions.Add(CheckNow("Button_CheckAgain", culture));
            body.Add(new ActionSet(actions));
            return new AdaptiveCard(body);
        }

        return Build(Math.Max(Math.Min(1, items.Count), MostThatFit(items.Count, Build)));
    }

    /// The activity `summary` of an alert, which Teams shows in the notification.
    public string AlertSummary(IReadOnlyList<AlertFinding> findings, CultureInfo culture)
    {
        var raised = Raised(findings);
        var cleared = findings.Count(f => f.Kind == AlertKind.Cleared);
        List<string> parts = [];
        if (raised.Count > 0)
        {
            var worst = raised[0];
            var item = ChatText.Format("AlertSummary_Item", culture, remediation.DisplayName(worst.Token, culture), remediation.Summarize(ProblemOf(worst), worst.Token, culture));
            // One problem is "the" problem; a count in the "one" category (21 in Ukrainian) is still many.
            parts.Add(raised.Count == 1
                ? ChatText.Format("AlertSummary_RaisedSingle", culture, TextFormat.Count(1, culture), item)
                : ChatText.Plural("AlertSummary_Raised", raised.Count, culture, item));
        }
        if (cleared > 0) parts.Add(ChatText.Format("AlertSummary_Cleared", culture, TextFormat.Count(cleared, culture)));
        return string.Join(" · ", parts);
    }

    private AdaptiveCard HealthSummary(TenantHealth health, int failing, CardContext context, IReadOnlyList<TokenEnrollmentRisk>? risks = null)
    {
        var culture = context.Culture;
        var body = SummaryHead(health, failing, context, showTenant: true);

        if (RiskBlock(health, risks, culture) is { } atRisk) body.Add(atRisk);
        if (failing > 0) body.Add(Subtle(ChatText.Get("Health_WorstFirst", culture)));
        body.Add(new ActionSet([CheckAgain(ViewData(CardView.Summary), culture)]));
        return new AdaptiveCard(body);
    }

    /// The heading, the overall verdict and the counts per status that a health summary opens
    /// with; the tenant id only where everyone who sees the card may know it.
    private List<CardElement> SummaryHead(TenantHealth health, int failing, CardContext context, bool showTenant)
    {
        var culture = context.Culture;
        List<CardElement> body = [.. Banners(health, context)];
        if (failing == 0)
        {
            body.Add(Heading(ChatText.Get("Health_AllClear", culture)));
            body.Add(Status(ChatText.Plural("Health_Checked", health.Tokens.Count, culture), HealthStatus.Healthy));
        }
        else
        {
            body.Add(Heading(ChatText.Get("Health_Title", culture)));
            body.Add(Status(ChatText.Plural("Health_NeedAttention", failing, culture), health.Status));
        }

        List<Fact> facts = [new(ChatText.Get("Fact_Overall", culture), remediation.StatusLabel(health.Status, culture))];
        facts.AddRange(new[] { HealthStatus.Critical, HealthStatus.Warning, HealthStatus.Healthy }.Select(status =>
            new Fact(remediation.StatusLabel(status, culture), TextFormat.Count(health.Tokens.Count(t => t.Status == status), culture))));
        if (showTenant) facts.Add(new Fact(ChatText.Get("Fact_Tenant", culture), health.TenantId));
        facts.Add(new Fact(ChatText.Get("Fact_ReadAt", culture), TextFormat.DateTime(health.AsOf, culture)));
        body.Add(new FactSet(facts));
        return body;
    }

    private AdaptiveCard TokenCardFrom(TenantHealth health, int first, CardContext context)
    {
        var failing = Failing(health);
        if (failing.Count == 0) return HealthSummary(health, 0, context);
        return TokenCards(failing, first >= 0 && first < failing.Count ? first : 0, context.Culture, context.OffersSync).Cards[0];
    }

    private static List<TokenHealth> Failing(TenantHealth health) => [.. health.Tokens.Where(t => t.Status != HealthStatus.Healthy)];

    /// The cards of the failing tokens from `skip` to the end of its page, as many to a card as fit,
    /// and where the page ends. A token's "Check again" refreshes the card it is on, so it carries
    /// that card's first token: each card's blocks are built for the card.
    private (List<AdaptiveCard> Cards, int PageEnd) TokenCards(IReadOnlyList<TokenHealth> failing, int skip, CultureInfo culture, bool offersSync = false)
    {
        var pageEnd = Math.Min(failing.Count, (skip / TokensPerPage + 1) * TokensPerPage);
        int? nextSkip = pageEnd < failing.Count ? pageEnd : null;
        List<AdaptiveCard> cards = [];
        for (var start = skip; start < pageEnd;)
        {
            var first = start;
            List<Container> blocks = [.. failing.Take(first..pageEnd).Select(token => TokenBlock(token, first, culture, offersSync))];
            AdaptiveCard Build(int count) => TokenCard(blocks, count, first, failing.Count, nextSkip, culture);
            var fit = Math.Max(1, MostThatFit(blocks.Count, Build));
            cards.Add(Build(fit));
            start += fit;
        }
        return (cards, pageEnd);
    }

    /// The first `count` of `blocks`, the failing tokens from index `first` on; the page's last card
    /// offers the next page.
    private static AdaptiveCard TokenCard(IReadOnlyList<Container> blocks, int count, int first, int total, int? nextSkip, CultureInfo culture)
    {
        List<CardElement> body =
        [
            Subheading(ChatText.Format("Tokens_Title", culture, TextFormat.Count(first + 1, culture), TextFormat.Count(first + count, culture), TextFormat.Count(total, culture))),
            .. blocks.Take(count),
        ];
        if (count == blocks.Count && nextSkip is { } next)
        {
            body.Add(new Container(
            [
                Text(ChatText.Plural("Tokens_More", total - next, culture)),
                new ActionSet([Execute(ChatText.Get("Button_ShowMore", culture), new(CardVerbs.ShowMore) { Skip = next })]),
            ]) { Separator = true, Spacing = Spacing.Large });
        }
        return new AdaptiveCard(body);
    }

    /// One failing token: its facts, every problem in a line, the steps for the worst one (fixing
    /// it usually fixes the rest; the Details card has them all) and its buttons. `cardFirst`: the
    /// failing token the card it goes on starts with.
    private Container TokenBlock(TokenHealth token, int cardFirst, CultureInfo culture, bool offersSync)
    {
        var remedy = remediation.For(token, token.Problems[0], culture);
        List<CardElement> items =
        [
            Subheading(remediation.DisplayName(token, culture)),
            Status($"{remediation.StatusLabel(token.Status, culture)} · {remediation.KindLabel(token)}", token.Status),
            new FactSet(Facts(token, culture, withId: false)),
            .. token.Problems.Select(p => new TextBlock(remediation.Summarize(p, token, culture)) { Color = ColorOf(p.Severity), Spacing = Spacing.Small }),
            Text(remedy.Title) with { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
            .. Steps(remedy, culture),
        ];

        List<CardAction> actions = [];
        if (HelpArticles(remedy).FirstOrDefault() is { } article)
        {
            actions.Add(new OpenUrlAction(ChatText.Get("Button_HowToFix", culture), article.Url) { Tooltip = article.Title });
        }
        if (token.Problems[0].Severity != HealthStatus.Healthy) actions.Add(FixWithMe(token, token.Problems[0], culture));
        actions.Add(new OpenUrlAction(ChatText.Get("Button_AdminCenter", culture), AdminCenter(remedy)));
        actions.Add(CheckAgain(ViewData(CardView.Tokens) with { Skip = cardFirst }, culture));
        actions.Add(Execute(ChatText.Get("Button_Details", culture), new(CardVerbs.Details) { TokenId = token.Id, TokenKind = token.Kind }));
        items.Add(new ActionSet(actions));
        // The one button that writes to Intune stands on a row of its own, apart from the
        // read-only ones (which already fill the five a row may hold in Teams).
        if (offersSync && SyncOffer(token, culture) is { } offer)
        {
            items.Add(offer.Wait is { } wait ? wait : new ActionSet([offer.Button!]));
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Separator = true, Spacing = Spacing.Medium };
    }

    /// "Sync now" on an ADE token whose problem a sync may clear, or, inside Intune's cooldown, the
    /// wait instead of the button. Null when a sync would not help.
    private (ExecuteAction? Button, TextBlock? Wait)? SyncOffer(TokenHealth token, CultureInfo culture)
    {
        if (token.Kind != TokenKind.Ade || !token.Problems.Any(ManualSync.IsSyncProblem)) return null;
        var wait = ManualSync.RemainingWait(token.LastSyncTriggeredAt, time.GetUtcNow());
        return wait > TimeSpan.Zero
            ? (null, Subtle(ChatText.Plural("Sync_Wait", ManualSync.Minutes(wait), culture)))
            : (Execute(ChatText.Get("Button_SyncNow", culture), new(CardVerbs.SyncNow) { TokenId = token.Id, TokenKind = TokenKind.Ade }), null);
    }

    /// The confirmation step before AdeBot writes to Intune: what will happen and one button.
    public AdaptiveCard ComposeSyncConfirmation(TokenHealth token, CardContext context)
    {
        var culture = context.Culture;
        return new AdaptiveCard(
        [
            Heading(ChatText.Format("SyncConfirm_Title", culture, remediation.DisplayName(token, culture))),
            new FactSet(Facts(token, culture, withId: false)),
            Text(ChatText.Get("SyncConfirm_Text", culture)),
            new ActionSet([Execute(ChatText.Get("Button_SyncConfirm", culture), new(CardVerbs.SyncConfirm) { TokenId = token.Id, TokenKind = TokenKind.Ade })]),
        ]);
    }

    private AdaptiveCard Explanation(string title, string? note, RemediationEntry remedy, CultureInfo culture)
    {
        List<CardElement> body = [Heading(title)];
        if (note is not null)
        {
            body.Add(Subtle(note));
            body.Add(Subheading(remedy.Title));
        }
        body.Add(Text(ChatText.Get("Explain_Cause", culture)) with { Weight = TextWeight.Bolder });
        body.Add(Text(remedy.Cause) with { Spacing = Spacing.Small });
        body.AddRange(StepsAndLinks(remedy, culture));
        body.Add(new ActionSet(
        [
            new OpenUrlAction(ChatText.Get("Button_AdminCenter", culture), AdminCenter(remedy)),
            CheckNow("Button_CheckNow", culture),
        ]));
        return new AdaptiveCard(body);
    }

    private Container RaisedBlock(AlertFinding finding, CultureInfo culture)
    {
        var problem = ProblemOf(finding);
        var remedy = remediation.For(finding.Token, problem, culture);
        var fix = remedy.Steps.Count > 0 ? remedy.Steps[0] : remedy.Title;
        if (HelpArticles(remedy).FirstOrDefault() is { } article) fix += $" [{article.Title}]({article.Url})";

        return new Container(
        [
            new TextBlock(ChatText.Format("Alert_Token", culture, remediation.DisplayName(finding.Token, culture), remediation.KindLabel(finding.Token), remediation.Summarize(problem, finding.Token, culture)))
            {
                Color = ColorOf(finding.Severity),
                Weight = TextWeight.Bolder,
            },
            Subtle(ChatText.Format("Alert_Fix", culture, fix)),
        ]) { Separator = true };
    }

    private Container ClearedBlock(AlertFinding finding, bool withHeading, CultureInfo culture)
    {
        var key = finding.ClearReason switch
        {
            AlertClearReason.Renewed => "Alert_Renewed",
            AlertClearReason.SyncRecovered => "Alert_SyncRecovered",
            _ => "Alert_ProblemCleared",
        };
        List<CardElement> items = [];
        if (withHeading) items.Add(Subheading(ChatText.Get("Alert_Resolved_Heading", culture)));
        items.Add(new TextBlock(ChatText.Format(key, culture, remediation.DisplayName(finding.Token, culture), remediation.KindLabel(finding.Token))) { Color = TextColor.Good });
        return new Container(items) { Separator = withHeading, Spacing = withHeading ? Spacing.Large : Spacing.Small };
    }

    /// Critical first; within a severity the planner's order is kept, which follows the health
    /// evaluation's worst-first order of tokens (a stable sort).
    private static List<AlertFinding> Raised(IReadOnlyList<AlertFinding> findings) =>
        [.. findings.Where(f => f.Kind == AlertKind.Raised).OrderByDescending(f => f.Severity)];

    private static Problem ProblemOf(AlertFinding finding) => finding.Problem ?? new Problem(finding.Code, finding.Severity);

    private static CardActionData ViewData(CardView view) => new(CardVerbs.CheckAgain) { View = view };

    /// Refreshes the view `data` names in place (ComposeRefresh).
    private static ExecuteAction CheckAgain(CardActionData data, CultureInfo culture) => Execute(ChatText.Get("Button_CheckAgain", culture), data);

    /// On a card without tenant data, which a summary must not replace: posts the health answer.
    private static ExecuteAction CheckNow(string titleKey, CultureInfo culture) => Execute(ChatText.Get(titleKey, culture), new(CardVerbs.CheckNow));

    private IEnumerable<CardElement> Banners(TenantHealth health, CardContext context) => Banners(health.Source, health.AsOf, context, aboutDevice: false);

    private static IEnumerable<CardElement> Banners(SnapshotSource source, DateTimeOffset asOf, CardContext context, bool aboutDevice)
    {
        var culture = context.Culture;
        var device = aboutDevice ? "Device" : "";
        if (source == SnapshotSource.Sample) yield return Banner(ChatText.Get($"Banner_Sample{device}", culture), ContainerStyle.Accent);
        if (source == SnapshotSource.Replay) yield return Banner(ChatText.Get($"Banner_Replay{device}", culture), ContainerStyle.Accent);
        if (context.IsStale)
        {
            yield return Banner(ChatText.Format("Banner_Stale", culture, TextFormat.DateTime(asOf, culture)), ContainerStyle.Warning);
        }
    }

    private List<Fact> Facts(TokenHealth token, CultureInfo culture, bool withId)
    {
        List<Fact> facts = [new(ChatText.Get("Fact_Kind", culture), remediation.KindLabel(token))];
        if (withId) facts.Add(new(ChatText.Get("Fact_TokenId", culture), token.Id));
        if (!string.IsNullOrWhiteSpace(token.AppleId)) facts.Add(new(ChatText.Get("Fact_AppleId", culture), token.AppleId));
        if (token.ExpiresAt is { } expires) facts.Add(new(ChatText.Get("Fact_Expires", culture), ExpiryValue(token, expires, culture)));

        // The push certificate has no sync of its own.
        if (token.Kind != TokenKind.Apns)
        {
            var lastSync = token.LastSuccessfulSyncAt is { } at
                ? ChatText.Format("Value_WithRelative", culture, TextFormat.DateTime(at, culture), TextFormat.TimeAgo(HealthEvaluator.WholeHours(time.GetUtcNow() - at), culture))
                : ChatText.Get("Value_Never", culture);
            facts.Add(new(ChatText.Get("Fact_LastSync", culture), lastSync));
        }
        if (withId) facts.Add(new(ChatText.Get("Fact_Status", culture), remediation.StatusLabel(token.Status, culture)));
        return facts;
    }

    /// "3/12/2027 (in 5 days)".
    private string ExpiryValue(TokenHealth token, DateTimeOffset expires, CultureInfo culture) =>
        ChatText.Format("Value_WithRelative", culture, TextFormat.Date(expires, culture), TextFormat.RelativeDays(DaysLeft(token, expires), culture));

    /// The evaluator's day count when a problem carries it, so the card and the problem line never
    /// disagree; otherwise computed the same way (whole days, truncated).
    private int DaysLeft(TokenHealth token, DateTimeOffset expires) =>
        token.Problems.FirstOrDefault(p => p.Code is ProblemCode.Expired or ProblemCode.ExpiringSoon)?.DaysLeft
            ?? HealthEvaluator.WholeDays(expires - time.GetUtcNow());

    private static IEnumerable<CardElement> Steps(RemediationEntry remedy, CultureInfo culture) =>
        remedy.Steps.Select((step, i) => Text(ChatText.Format("Step_Numbered", culture, i + 1, step)) with { Spacing = Spacing.Small });

    /// A details card's "Fix it with me", under each problem worth fixing.
    private static IEnumerable<CardElement> FixButton(TokenHealth token, Problem problem, CultureInfo culture)
    {
        if (problem.Severity != HealthStatus.Healthy) yield return new ActionSet([FixWithMe(token, problem, culture)]);
    }

    private static IEnumerable<CardElement> StepsAndLinks(RemediationEntry remedy, CultureInfo culture)
    {
        yield return Text(ChatText.Get("Steps_Heading", culture)) with { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        foreach (var step in Steps(remedy, culture)) yield return step;

        List<HelpLink> articles = [.. HelpArticles(remedy)];
        if (articles.Count == 0) yield break;
        yield return Text(ChatText.Get("Links_Heading", culture)) with { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };
        // Teams renders a Markdown list from lines separated by \r.
        yield return Text(string.Join('\r', articles.Select(a => $"- [{a.Title}]({a.Url})"))) with { Spacing = Spacing.Small };
    }

    /// Learn articles, without the admin center link, which gets a button of its own.
    private static IEnumerable<HelpLink> HelpArticles(RemediationEntry remedy) => remedy.Links.Where(l => !IsAdminCenter(l.Url));

    /// The blade the remediation links to, or the admin center's home page for topics without one.
    private static Uri AdminCenter(RemediationEntry? remedy) =>
        remedy?.Links.FirstOrDefault(l => IsAdminCenter(l.Url))?.Url ?? AdminCenterHome;

    private static bool IsAdminCenter(Uri url) => string.Equals(url.Host, AdminCenterHome.Host, StringComparison.OrdinalIgnoreCase);

    private static FactSet Examples(CultureInfo culture, IEnumerable<(string Topic, string[] Examples)> topics) =>
        new([.. topics.Select(t => new Fact(
            ChatText.Get($"Help_Topic_{t.Topic}", culture),
            string.Join(", ", t.Examples.Select(e => ChatText.Example(e, culture)))))]);
}
