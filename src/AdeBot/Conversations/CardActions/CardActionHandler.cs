using AdeBot.Conversations.Memory;
using AdeBot.Conversations.GuidedFix;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Devices;
using AdeBot.Telemetry;

namespace AdeBot.Conversations.CardActions;

/// Answers a click on one of AdeBot's card buttons, whichever path it came by (Action.Execute
/// invoke or Action.Submit message). To add a button: a verb in CardVerbs, the button in the
/// composer, and a case here.
public sealed class CardActionHandler(
    TenantHealthReader reader,
    HealthReplies health,
    CardComposer composer,
    IAlertLedger ledger,
    AlertPlanner planner,
    AlertSettings settings,
    DeviceReplies devices,
    GuidedFixActions guidedFix,
    ConversationTopics topics,
    FollowUpAnswers followUps)
{
    public Task<CardActionOutcome> HandleAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken)
    {
        if (TurnRecord.Current is { } record)
        {
            record.CardAction = action.Verb;
            if (action.TokenId is { } tokenId) record.Concerns(tokenId);
            if (action.Serial is { } serial && SerialNumbers.IsValid(serial)) record.Concerns(serial);
        }
        return Route(turn, action, cancellationToken);
    }

    private Task<CardActionOutcome> Route(ChatTurn turn, CardActionData action, CancellationToken cancellationToken) => action.Verb switch
    {
        CardVerbs.CheckAgain => CheckAgainAsync(turn, action, cancellationToken),
        // The card shows no tokens and must stay: the answer comes as new messages, as if asked.
        CardVerbs.CheckNow => PostHealthAsync(turn, forceRefresh: true, skip: 0, cancellationToken),
        // The next page comes as new messages; the clicked card keeps its page.
        CardVerbs.ShowMore => PostHealthAsync(turn, forceRefresh: false, skip: Math.Max(0, action.Skip ?? 0), cancellationToken),
        CardVerbs.Details => DetailsAsync(turn, action, cancellationToken),
        CardVerbs.Snooze => SnoozeAsync(turn, action, cancellationToken),
        CardVerbs.Subscribe or CardVerbs.Unsubscribe => SetSubscribedAsync(turn, action.Verb == CardVerbs.Subscribe, cancellationToken),
        CardVerbs.AlertScope when action.Scope is { } scope && Enum.IsDefined(scope) => SetScopeAsync(turn, scope, cancellationToken),
        CardVerbs.Choose => ChooseAsync(turn, action, cancellationToken),
        CardVerbs.Help => Task.FromResult<CardActionOutcome>(new CardActionOutcome.Replace(composer.ComposeHelp(new CardContext(turn.Culture)))),
        var verb when GuidedFixActions.Handles(verb) => guidedFix.HandleAsync(turn, action, cancellationToken),
        _ => Task.FromResult(Unknown(turn)),
    };

    /// The answer replaces the clicked card, so it is the same view of fresh data.
    private async Task<CardActionOutcome> CheckAgainAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken)
    {
        if (action.View == CardView.Device) return await CheckDeviceAgainAsync(turn, action, cancellationToken);

        var read = await reader.ReadAsync(turn.Conversation, forceRefresh: true, cancellationToken);
        if (!read.Succeeded) return new CardActionOutcome.Answer(read.FailureText);
        var risks = action.View is null or CardView.Summary ? await health.RisksAsync(read, forceRefresh: true, cancellationToken) : null;
        return composer.ComposeRefresh(read.Health, action, read.Context, risks) is { } refreshed
            ? new CardActionOutcome.Replace(refreshed)
            : NoSuchToken(turn, action);
    }

    /// The device card again, from a new lookup of its serial in the clicking conversation's tenant.
    private async Task<CardActionOutcome> CheckDeviceAgainAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken)
    {
        // The button's data comes back from the client: only a serial is looked up.
        if (!SerialNumbers.IsValid(action.Serial)) return Unknown(turn);
        var read = await devices.ReadAsync(turn.Conversation, action.Serial!, forceRefresh: true, cancellationToken);
        return read.Succeeded ? new CardActionOutcome.Replace(devices.Compose(read)) : new CardActionOutcome.Answer(read.FailureText);
    }

    private async Task<CardActionOutcome> PostHealthAsync(ChatTurn turn, bool forceRefresh, int skip, CancellationToken cancellationToken) =>
        new CardActionOutcome.AlreadyPosted(await health.PostAsync(turn, forceRefresh, skip, cancellationToken));

    private async Task<CardActionOutcome> DetailsAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken)
    {
        var read = await reader.ReadAsync(turn.Conversation, forceRefresh: false, cancellationToken);
        if (!read.Succeeded) return new CardActionOutcome.Answer(read.FailureText);
        if (action.FindToken(read.Health) is not { } token) return NoSuchToken(turn, action);
        await topics.TokenAsync(turn, token, cancellationToken);
        return new CardActionOutcome.Replace(composer.ComposeTokenDetails(read.Health, token, read.Context));
    }

    /// A candidate of "which one do you mean?": the follow-up answered about it, as new messages
    /// (the choice stays, so another candidate can be clicked too).
    private async Task<CardActionOutcome> ChooseAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken)
    {
        if (action is not { TokenId.Length: > 0, TokenKind: { } kind } || !Enum.IsDefined(kind)) return Unknown(turn);
        var asks = action.FollowUp is { } followUp && Enum.IsDefined(followUp) ? followUp : FollowUpKind.About;
        return new CardActionOutcome.AlreadyPosted(await followUps.AboutAsync(turn, ConversationSubject.Token(kind, action.TokenId), asks, cancellationToken));
    }

    private async Task<CardActionOutcome> SnoozeAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken)
    {
        var days = action.Days ?? 0;
        var until = planner.SnoozeUntil(days);
        var keys = action.FindingKeys ?? [];
        // No card of ours carries more; a longer list is hand-made and is not worth a write each.
        if (until is null || keys.Count is 0 or > CardActionData.MaxFindingKeys) return Unknown(turn);

        // Only what this conversation was alerted on can be snoozed: the ledger is the allow-list,
        // so keys of another tenant or conversation, or made up, never reach the store.
        var alerted = (await ledger.ReadAsync(turn.Conversation.Key, cancellationToken)).Entries.Select(e => e.Finding).ToHashSet();
        var findings = keys.Select(k => FindingId.TryParse(k, out var id) ? id : (FindingId?)null)
            .OfType<FindingId>().Where(alerted.Contains).Distinct().ToList();
        if (findings.Count == 0) return Unknown(turn);
        foreach (var finding in findings) TurnRecord.Current?.Concerns(finding.TokenId);
        await ledger.SnoozeAsync(turn.Conversation.Key, findings, until.Value, cancellationToken);
        return new CardActionOutcome.Answer(ChatReplies.Snoozed(days, turn.Culture));
    }

    private async Task<CardActionOutcome> SetSubscribedAsync(ChatTurn turn, bool subscribe, CancellationToken cancellationToken)
    {
        await settings.SetActiveAsync(turn.Conversation, subscribe, cancellationToken);
        return new CardActionOutcome.Replace(composer.ComposeWelcome(new CardContext(turn.Culture), subscribe, turn.Conversation.Scope));
    }

    private async Task<CardActionOutcome> SetScopeAsync(ChatTurn turn, AlertScope scope, CancellationToken cancellationToken)
    {
        await settings.SetScopeAsync(turn.Conversation, scope, cancellationToken);
        return new CardActionOutcome.Replace(composer.ComposeWelcome(new CardContext(turn.Culture), subscribed: true, scope));
    }

    private static CardActionOutcome NoSuchToken(ChatTurn turn, CardActionData action) =>
        new CardActionOutcome.Answer(ChatReplies.NoTokenNamed(action.TokenId ?? "", turn.Culture));

    private static CardActionOutcome Unknown(ChatTurn turn) => new CardActionOutcome.Answer(ChatReplies.UnknownReply(turn.Culture));
}
