using System.Globalization;
using System.Security.Cryptography;
using AdeBot.Access;
using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;

namespace AdeBot.Conversations;

/// One inbound activity as the engine sees it: what arrived, and whether it came through local
/// mode (so a stored reference to it gets no token later).
public sealed record InboundTurn(Activity Activity, bool IsLocal);

/// What a card button click produced: a card that replaces the clicked one (invoke path) or is
/// posted (submit path), or a short text. `Posted`: the answer already went out as messages, so
/// the submit path sends nothing more and the text only answers the invoke.
public sealed record CardActionOutcome(AdaptiveCard? Card, string? Text, bool Posted = false);

/// Everything AdeBot says in a conversation, whatever the transport. Teams turns and the `ask`
/// command go through the same methods, so what `ask` prints is what Teams would receive.
public sealed partial class ConversationEngine(
    IntentRecognizer recognizer,
    CardComposer composer,
    HealthEvaluator evaluator,
    ITokenInventory inventory,
    ISubscriptionStore subscriptions,
    IAlertLedger ledger,
    AlertPlanner planner,
    AccessPolicy access,
    ILogger<ConversationEngine> logger)
{
    public async Task HandleMessageAsync(InboundTurn turn, IReplySink replies, CancellationToken cancellationToken)
    {
        var inbound = turn.Activity;
        var conversation = await ResolveConversationAsync(turn, replies, cancellationToken);
        if (conversation is null) return;
        var culture = conversation.Culture;

        if (inbound.Value is { } value && CardActionData.TryRead(value) is { } action)
        {
            // Action.Submit fallback: the same dispatch as the invoke, with the result posted.
            var outcome = await HandleCardActionAsync(conversation, action, replies, cancellationToken);
            await SendOutcomeAsync(inbound, outcome, replies, cancellationToken);
            return;
        }

        var intent = recognizer.Recognize(inbound.RemoveRecipientMention());
        if (intent.LanguageOverride is { } language)
        {
            culture = SupportedCultures.Resolve(language.Name);
            await subscriptions.SetLocaleOverrideAsync(conversation.Key, language.Name, cancellationToken);
            conversation = conversation with { Culture = culture };
        }

        Task Say(string text) => replies.SendAsync(Replies.Text(inbound, text), cancellationToken);
        Task Show(AdaptiveCard card, string? summary = null) => replies.SendAsync(Replies.Card(inbound, card, summary), cancellationToken);

        switch (intent.Kind)
        {
            case IntentKind.Health:
                await SendHealthAsync(conversation, replies, forceRefresh: false, skip: 0, cancellationToken);
                break;
            case IntentKind.TokenDetails when intent.TokenName is null:
                await WithTenantHealthAsync(conversation, replies, forceRefresh: false, cancellationToken,
                    (health, _) => Say(ChatReplies.WhichToken(health.Tokens, culture)));
                break;
            case IntentKind.ExpiringSoon:
                await WithTenantHealthAsync(conversation, replies, forceRefresh: false, cancellationToken,
                    (health, context) => Show(intent.AsksDaysLeft ? composer.ComposeDaysLeft(health, context) : composer.ComposeExpiring(health, intent.Days, context)));
                break;
            case IntentKind.TokenDetails:
                await WithTenantHealthAsync(conversation, replies, forceRefresh: false, cancellationToken, async (health, context) =>
                {
                    var matches = TokenNames.Find(intent.TokenName, health.Tokens);
                    if (matches.Count == 0) await Say(ChatReplies.NoTokenNamed(intent.TokenName ?? "", culture));
                    foreach (var token in matches.Take(MaxDetailCards)) await Show(composer.ComposeTokenDetails(health, token, context));
                });
                break;
            case IntentKind.ExplainError:
                await Show(intent switch
                {
                    { ErrorCode: > 0 and var code } => composer.ComposeExplanation(code, new CardContext(culture)),
                    { Topic: { } topic } => composer.ComposeExplanation(topic, new CardContext(culture)),
                    _ => composer.ComposeExplanation(RemediationTopic.AlertExplanation, new CardContext(culture)),
                });
                break;
            case IntentKind.Subscribe:
                await subscriptions.SetActiveAsync(conversation.Key, true, cancellationToken);
                await Say(ChatReplies.Subscribed(culture));
                break;
            case IntentKind.Unsubscribe:
                await subscriptions.SetActiveAsync(conversation.Key, false, cancellationToken);
                await Say(ChatReplies.Unsubscribed(culture));
                break;
            case IntentKind.SetAlertScope when intent.Scope is { } scope:
                await SetScopeAsync(conversation, scope, cancellationToken);
                await Say(ChatReplies.ScopeChanged(scope, turnedOn: !conversation.Subscribed, culture));
                break;
            case IntentKind.Help:
                await Show(composer.ComposeHelp(new CardContext(culture)));
                break;
            case IntentKind.Greeting:
                await Say(ChatReplies.Greeting(culture));
                break;
            case IntentKind.Thanks:
                await Say(ChatReplies.Thanks(culture));
                break;
            case IntentKind.SetLanguage:
                await Say(ChatReplies.LanguageChanged(culture));
                break;
            default:
                await Say(ChatReplies.UnknownReply(culture));
                break;
        }
    }

    /// The `adaptiveCard/action` invoke: the outcome goes back in the HTTP response. Extra pages
    /// and detail cards are posted as messages.
    public async Task<CardActionOutcome?> HandleInvokeAsync(InboundTurn turn, IReplySink replies, CancellationToken cancellationToken)
    {
        if (turn.Activity.Value is not { } value || CardActionData.TryRead(value) is not { } action) return null;
        var conversation = await ResolveConversationAsync(turn, replies: null, cancellationToken);
        if (conversation is null) return new CardActionOutcome(null, ChatReplies.Refusal(CultureOf(turn.Activity.Locale)));
        return await HandleCardActionAsync(conversation, action, replies, cancellationToken);
    }

    /// Install in a personal chat, group chat or team: remember the conversation, subscribe it to
    /// alerts and say hello, or refuse politely when it is not allowed.
    public async Task HandleInstallAsync(InboundTurn turn, IReplySink replies, CancellationToken cancellationToken)
    {
        var conversation = await ResolveConversationAsync(turn, replies, cancellationToken);
        // Teams announces one install twice (installationUpdate and conversationUpdate): greet once.
        if (conversation is not { IsNew: true }) return;
        await replies.SendAsync(
            Replies.Card(turn.Activity, composer.ComposeWelcome(new CardContext(conversation.Culture), conversation.Subscribed, conversation.Scope)),
            cancellationToken);
    }

    public async Task HandleUninstallAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (StoredConversationOf(turn) is not { } stored) return;
        await subscriptions.RemoveAsync(stored.Key, cancellationToken);
        Log.ConversationRemoved(logger, stored.ConversationType);
    }

    private const int MaxDetailCards = 3;

    private sealed record ConversationState(ConversationKey Key, Activity Inbound, CultureInfo Culture, bool IsNew, bool Subscribed, AlertScope Scope);

    private async Task<CardActionOutcome> HandleCardActionAsync(ConversationState conversation, CardActionData action, IReplySink replies, CancellationToken cancellationToken)
    {
        var culture = conversation.Culture;
        var context = new CardContext(culture);
        switch (action.Verb)
        {
            case CardVerbs.CheckAgain:
            {
                // The answer replaces the clicked card, so it is the same view of fresh data.
                AdaptiveCard? refreshed = null;
                var failure = await WithTenantHealthAsync(conversation, replies: null, forceRefresh: true, cancellationToken, (health, ctx) =>
                {
                    refreshed = composer.ComposeRefresh(health, action, ctx);
                    return Task.CompletedTask;
                });
                return new CardActionOutcome(refreshed, failure ?? (refreshed is null ? ChatReplies.NoTokenNamed(action.TokenId ?? "", culture) : null));
            }
            case CardVerbs.CheckNow:
            {
                // The card shows no tokens and must stay: the answer comes as new messages, as if asked.
                var summary = await SendHealthAsync(conversation, replies, forceRefresh: true, skip: 0, cancellationToken);
                return new CardActionOutcome(null, summary, Posted: true);
            }
            case CardVerbs.ShowMore:
            {
                // The next page comes as new messages; the clicked card keeps its page.
                var summary = await SendHealthAsync(conversation, replies, forceRefresh: false, skip: Math.Max(0, action.Skip ?? 0), cancellationToken);
                return new CardActionOutcome(null, summary, Posted: true);
            }
            case CardVerbs.Details:
            {
                AdaptiveCard? details = null;
                var failure = await WithTenantHealthAsync(conversation, replies: null, forceRefresh: false, cancellationToken, (health, ctx) =>
                {
                    details = action.FindToken(health) is { } token ? composer.ComposeTokenDetails(health, token, ctx) : null;
                    return Task.CompletedTask;
                });
                return new CardActionOutcome(details, failure ?? (details is null ? ChatReplies.NoTokenNamed(action.TokenId ?? "", culture) : null));
            }
            case CardVerbs.Snooze:
            {
                var days = action.Days ?? 0;
                var until = planner.SnoozeUntil(days);
                var findings = (action.FindingKeys ?? []).Select(k => FindingId.TryParse(k, out var id) ? id : (FindingId?)null)
                    .OfType<FindingId>().Where(f => f.TenantId == conversation.Key.TenantId).ToList();
                if (until is null || findings.Count == 0) return new CardActionOutcome(null, ChatReplies.UnknownReply(culture));
                await ledger.SnoozeAsync(conversation.Key, findings, until.Value, cancellationToken);
                return new CardActionOutcome(null, ChatReplies.Snoozed(days, culture));
            }
            case CardVerbs.Subscribe or CardVerbs.Unsubscribe:
            {
                var subscribe = action.Verb == CardVerbs.Subscribe;
                await subscriptions.SetActiveAsync(conversation.Key, subscribe, cancellationToken);
                return new CardActionOutcome(composer.ComposeWelcome(context, subscribe, conversation.Scope), null);
            }
            case CardVerbs.AlertScope when action.Scope is { } scope && Enum.IsDefined(scope):
                await SetScopeAsync(conversation, scope, cancellationToken);
                return new CardActionOutcome(composer.ComposeWelcome(context, subscribed: true, scope), null);
            case CardVerbs.Help:
                return new CardActionOutcome(composer.ComposeHelp(context), null);
            default:
                return new CardActionOutcome(null, ChatReplies.UnknownReply(culture));
        }
    }

    /// Choosing which alerts to get is asking for alerts: a conversation that had turned them off
    /// gets them back, with the new scope (the reply says so).
    private async Task SetScopeAsync(ConversationState conversation, AlertScope scope, CancellationToken cancellationToken)
    {
        await subscriptions.SetScopeAsync(conversation.Key, scope, cancellationToken);
        if (!conversation.Subscribed) await subscriptions.SetActiveAsync(conversation.Key, true, cancellationToken);
    }

    /// Posts the health answer (or the failure text) and returns its one-line summary (or that text).
    private async Task<string> SendHealthAsync(ConversationState conversation, IReplySink replies, bool forceRefresh, int skip, CancellationToken cancellationToken)
    {
        var summary = "";
        var failure = await WithTenantHealthAsync(conversation, replies, forceRefresh, cancellationToken, async (health, context) =>
        {
            var answer = composer.ComposeHealth(health, context with { Skip = skip });
            summary = answer.Summary;
            for (var i = 0; i < answer.Cards.Count; i++)
            {
                // Only the first card carries the summary, so Teams shows one meaningful notification.
                await replies.SendAsync(Replies.Card(conversation.Inbound, answer.Cards[i], i == 0 ? answer.Summary : null), cancellationToken);
            }
        });
        return failure ?? summary;
    }

    /// Reads the conversation's tenant (with a typing indicator while Graph is read), evaluates it
    /// and hands the result to `use`. When nothing can be shown, the localized failure text is sent
    /// to `replies` (when given) and returned.
    private async Task<string?> WithTenantHealthAsync(
        ConversationState conversation, IReplySink? replies, bool forceRefresh, CancellationToken cancellationToken,
        Func<TenantHealth, CardContext, Task> use)
    {
        if (replies is not null) await replies.SendAsync(Replies.Typing(conversation.Inbound), cancellationToken);
        var reading = await inventory.ReadAsync(conversation.Key.TenantId, forceRefresh, cancellationToken);
        if (reading.Snapshot is not { } snapshot)
        {
            var text = FailureText(reading.Failure, conversation.Culture);
            if (replies is not null) await replies.SendAsync(Replies.Text(conversation.Inbound, text), cancellationToken);
            return text;
        }
        if (reading.Failure is { } staleBecause) Log.ServingStaleSnapshot(logger, staleBecause.Kind);
        var health = evaluator.Evaluate(snapshot);
        await use(health, new CardContext(conversation.Culture) { IsStale = reading.IsStale });
        return null;
    }

    private string FailureText(InventoryFailure? failure, CultureInfo culture)
    {
        if (failure is not null && ChatReplies.ForInventoryFailure(failure, culture) is { } text) return text;
        var reference = NewReferenceId();
        Log.InventoryFailedForUser(logger, reference, failure?.Kind);
        return ChatReplies.ErrorReply(reference, culture);
    }

    /// Checks access and remembers the conversation (refreshing its serviceUrl and locale). Returns
    /// null, after a polite refusal when `replies` is given, when the conversation may not be served.
    private async Task<ConversationState?> ResolveConversationAsync(InboundTurn turn, IReplySink? replies, CancellationToken cancellationToken)
    {
        var inbound = turn.Activity;
        var stored = StoredConversationOf(turn);
        var decision = await access.CheckAsync(stored?.TenantId, inbound.From?.AadObjectId, cancellationToken);
        if (stored is null || !decision.Allowed)
        {
            Log.Refused(logger, decision.Reason);
            if (replies is not null) await replies.SendAsync(Replies.Text(inbound, ChatReplies.Refusal(CultureOf(inbound.Locale))), cancellationToken);
            return null;
        }

        var (subscription, created) = await subscriptions.UpsertConversationAsync(stored, subscribeIfNew: true, cancellationToken);
        return new ConversationState(stored.Key, inbound, CultureOf(subscription.EffectiveLocale), IsNew: created, subscription.Active, subscription.Scope);
    }

    private StoredConversation? StoredConversationOf(InboundTurn turn)
    {
        ConversationReference reference;
        try
        {
            reference = ConversationReference.FromActivity(turn.Activity);
        }
        catch (ArgumentException)
        {
            return null;
        }
        // Without a tenant on the activity (emulators, the sample) the default tenant answers.
        var tenantId = reference.TenantId ?? (inventory.DefaultSource == SnapshotSource.Graph ? null : inventory.WatchedTenantIds.FirstOrDefault());
        if (tenantId is null) return null;
        return new StoredConversation(
            tenantId,
            reference.ConversationId,
            reference.ConversationType ?? "personal",
            reference.ChannelId,
            reference.ServiceUrl,
            reference.Bot?.Id ?? "",
            reference.Bot?.Name,
            reference.User?.Id,
            reference.User?.AadObjectId,
            reference.TeamId,
            reference.TeamsChannelId,
            reference.Locale,
            turn.IsLocal);
    }

    private static CultureInfo CultureOf(string? locale) => SupportedCultures.Resolve(locale);

    private static async Task SendOutcomeAsync(Activity inbound, CardActionOutcome outcome, IReplySink replies, CancellationToken cancellationToken)
    {
        if (outcome.Posted) return;
        if (outcome.Card is { } card) await replies.SendAsync(Replies.Card(inbound, card), cancellationToken);
        if (outcome.Text is { } text) await replies.SendAsync(Replies.Text(inbound, text), cancellationToken);
    }

    /// Short enough to read out over the phone to support, long enough not to collide in a log.
    public static string NewReferenceId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    private static partial class Log
    {
        [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Conversation refused: {Reason}")]
        public static partial void Refused(ILogger logger, AccessReason reason);

        [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Token inventory failed ({Kind}); the user was given reference {ReferenceId}")]
        public static partial void InventoryFailedForUser(ILogger logger, string referenceId, InventoryFailureKind? kind);

        [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Serving the last good snapshot because the fresh read failed ({Kind})")]
        public static partial void ServingStaleSnapshot(ILogger logger, InventoryFailureKind kind);

        [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "A {ConversationType} conversation uninstalled AdeBot; its subscription was removed")]
        public static partial void ConversationRemoved(ILogger logger, string conversationType);
    }
}
