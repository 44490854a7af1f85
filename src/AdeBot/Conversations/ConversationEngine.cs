using AdeBot.Access;
using AdeBot.Connector;
using AdeBot.Conversations.CardActions;
using AdeBot.Conversations.Intents;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Localization;
using AdeBot.Teams;
using AdeBot.Telemetry;

namespace AdeBot.Conversations;

/// Everything AdeBot says in a conversation, whatever the transport. Teams turns and the `ask`
/// command go through the same methods, so what `ask` prints is what Teams would receive. The
/// engine only routes: a message to its intent's handler, a click to the card action handler.
public sealed partial class ConversationEngine(
    IntentRecognizer recognizer,
    ConversationResolver resolver,
    IntentHandlers intents,
    CardActionHandler cardActions,
    CardComposer composer,
    ISubscriptionStore subscriptions,
    PendingDeviceQuestions pendingDevices,
    CardActionLimiter cardActionLimiter,
    RefusalReplyLimiter refusalReplies,
    TenantHealthReader healthReader,
    AccessPolicy access,
    ILogger<ConversationEngine> logger)
{
    /// What a channel or group chat under summaryOnly is still answered in full: none of these
    /// shows a token, an Apple ID or a device, and a channel must be able to mute its alerts.
    private static readonly HashSet<IntentKind> ShownInFullToGroups =
    [
        IntentKind.ExplainError, IntentKind.Subscribe, IntentKind.Unsubscribe, IntentKind.SetAlertScope, IntentKind.Help,
        IntentKind.Greeting, IntentKind.Thanks, IntentKind.SetLanguage, IntentKind.Unknown,
    ];

    public async Task HandleMessageAsync(InboundTurn turn, IReplySink replies, CancellationToken cancellationToken)
    {
        var inbound = turn.Activity;
        var action = inbound.Value is { } value ? CardActionData.TryRead(value) : null;
        if (action is not null && !TryAcquireCardAction(turn))
        {
            await replies.SendAsync(OutgoingActivities.Text(inbound, ChatReplies.SlowDown(SupportedCultures.Resolve(inbound.Locale))), cancellationToken);
            return;
        }

        var conversation = await resolver.ResolveAsync(turn, cancellationToken);
        if (conversation is null)
        {
            await RefuseAsync(turn, replies, cancellationToken);
            return;
        }

        var groupMode = GroupModeOf(inbound);
        if (groupMode == GroupConversationMode.Deny)
        {
            await RefuseAsync(turn, replies, cancellationToken, ChatReplies.GroupDenied(conversation.Culture));
            return;
        }

        if (action is not null)
        {
            if (groupMode == GroupConversationMode.SummaryOnly)
            {
                await PostGroupSummaryAsync(new ChatTurn(conversation, replies), cancellationToken);
                return;
            }
            // Action.Submit fallback: the same handling as the invoke, with the result posted.
            var chat = new ChatTurn(conversation, replies);
            await PostAsync(chat, await cardActions.HandleAsync(chat, action, cancellationToken), cancellationToken);
            return;
        }

        var text = inbound.RemoveRecipientMention();
        var intent = pendingDevices.Follow(conversation.Key, recognizer.Recognize(text), text);
        TurnRecord.Current?.Intent = intent.Kind.ToString();
        if (intent.LanguageOverride is { } language)
        {
            await subscriptions.SetLocaleOverrideAsync(conversation.Key, language.Name, cancellationToken);
            conversation = conversation with { Culture = SupportedCultures.Resolve(language.Name) };
        }

        if (groupMode == GroupConversationMode.SummaryOnly && !ShownInFullToGroups.Contains(intent.Kind))
        {
            await PostGroupSummaryAsync(new ChatTurn(conversation, replies), cancellationToken);
            return;
        }
        await intents.HandleAsync(new ChatTurn(conversation, replies), intent, cancellationToken);
    }

    /// The `adaptiveCard/action` invoke: the outcome goes back in the HTTP response. Extra pages
    /// and detail cards are posted as messages. Null when the invoke carries no AdeBot action.
    public async Task<CardActionOutcome?> HandleInvokeAsync(InboundTurn turn, IReplySink replies, CancellationToken cancellationToken)
    {
        if (turn.Activity.Value is not { } value || CardActionData.TryRead(value) is not { } action) return null;
        // Before the access check and any read: a user over the limit costs no Graph call at all.
        if (!TryAcquireCardAction(turn)) return new CardActionOutcome.Answer(ChatReplies.SlowDown(SupportedCultures.Resolve(turn.Activity.Locale)));
        var conversation = await resolver.ResolveAsync(turn, cancellationToken);
        if (conversation is null) return new CardActionOutcome.Answer(ChatReplies.Refusal(SupportedCultures.Resolve(turn.Activity.Locale)));
        switch (GroupModeOf(turn.Activity))
        {
            case GroupConversationMode.Deny:
                return new CardActionOutcome.Answer(ChatReplies.GroupDenied(conversation.Culture));
            case GroupConversationMode.SummaryOnly:
                var read = await healthReader.ReadAsync(conversation, forceRefresh: false, cancellationToken);
                return read.Succeeded
                    ? new CardActionOutcome.Replace(composer.ComposeGroupSummary(read.Health, read.Context))
                    : new CardActionOutcome.Answer(read.FailureText);
        }
        return await cardActions.HandleAsync(new ChatTurn(conversation, replies), action, cancellationToken);
    }

    /// Install in a personal chat, group chat or team: remember the conversation, subscribe it to
    /// alerts and say hello, or refuse politely when it is not allowed.
    public async Task HandleInstallAsync(InboundTurn turn, IReplySink replies, CancellationToken cancellationToken)
    {
        var conversation = await resolver.ResolveAsync(turn, cancellationToken);
        if (conversation is null)
        {
            await RefuseAsync(turn, replies, cancellationToken);
            return;
        }
        // Teams announces one install twice (installationUpdate and conversationUpdate): greet once.
        if (!conversation.IsNew) return;
        var welcome = composer.ComposeWelcome(new CardContext(conversation.Culture), conversation.Subscribed, conversation.Scope);
        await new ChatTurn(conversation, replies).ShowAsync(welcome, cancellationToken);
    }

    public async Task HandleUninstallAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        if (resolver.StoredOf(turn) is not { } stored) return;
        await subscriptions.RemoveAsync(stored.Key, cancellationToken);
        Log.ConversationRemoved(logger, stored.ConversationType);
    }

    private GroupConversationMode GroupModeOf(Activity inbound) => access.GroupModeFor(inbound.Conversation?.ConversationType);

    /// Whatever was asked: counts only, since every member of the conversation sees the card.
    private async Task PostGroupSummaryAsync(ChatTurn chat, CancellationToken cancellationToken)
    {
        TurnRecord.Current?.Intent = "GroupSummary";
        var read = await healthReader.ReadForChatAsync(chat, forceRefresh: false, cancellationToken);
        if (read.Succeeded)
            await chat.ShowAsync(composer.ComposeGroupSummary(read.Health, read.Context), cancellationToken, CardComposer.GroupSummaryText(read.Health, chat.Culture));
    }

    private bool TryAcquireCardAction(InboundTurn turn)
    {
        var from = turn.Activity.From;
        var tenantId = resolver.StoredOf(turn)?.TenantId;
        if (cardActionLimiter.TryAcquire(tenantId, from?.AadObjectId ?? from?.Id)) return true;
        Log.CardActionsLimited(logger);
        return false;
    }

    /// Says nothing about why, or about the tokens; the reason is in the log.
    /// Once per Access:RefusalReplyIntervalSeconds per user and conversation; the rest are silent.
    private Task RefuseAsync(InboundTurn turn, IReplySink replies, CancellationToken cancellationToken, string? text = null)
    {
        var inbound = turn.Activity;
        var tenantId = resolver.StoredOf(turn)?.TenantId;
        if (!refusalReplies.TryReply(tenantId, ConversationReferences.KeyIdOf(inbound), inbound.From?.AadObjectId ?? inbound.From?.Id))
        {
            Log.RefusalNotAnswered(logger);
            return Task.CompletedTask;
        }
        return replies.SendAsync(OutgoingActivities.Text(inbound, text ?? ChatReplies.Refusal(SupportedCultures.Resolve(inbound.Locale))), cancellationToken);
    }

    private static Task PostAsync(ChatTurn turn, CardActionOutcome outcome, CancellationToken cancellationToken) => outcome switch
    {
        CardActionOutcome.Replace replace => turn.ShowAsync(replace.Card, cancellationToken),
        CardActionOutcome.Answer answer => turn.SayAsync(answer.Text, cancellationToken),
        _ => Task.CompletedTask,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "A {ConversationType} conversation uninstalled AdeBot; its subscription was removed")]
        public static partial void ConversationRemoved(ILogger logger, string conversationType);

        [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "A card click was not handled: the user clicked more than Access:CardActionsPerUserPerMinute allows")]
        public static partial void CardActionsLimited(ILogger logger);

        [LoggerMessage(EventId = 4006, Level = LogLevel.Debug, Message = "A refused message was not answered: this user was told within Access:RefusalReplyIntervalSeconds")]
        public static partial void RefusalNotAnswered(ILogger logger);
    }
}
