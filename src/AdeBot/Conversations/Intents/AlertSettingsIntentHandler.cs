using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;

namespace AdeBot.Conversations.Intents;

/// "Subscribe", "unsubscribe", "only critical alerts", "all alerts".
public sealed class AlertSettingsIntentHandler(AlertSettings settings) : IIntentHandler
{
    public IReadOnlyCollection<IntentKind> Kinds { get; } = [IntentKind.Subscribe, IntentKind.Unsubscribe, IntentKind.SetAlertScope];

    public async Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var conversation = turn.Conversation;
        switch (intent)
        {
            case { Kind: IntentKind.Subscribe }:
                await settings.SetActiveAsync(conversation, true, cancellationToken);
                await turn.SayAsync(ChatReplies.Subscribed(turn.Culture), cancellationToken);
                break;
            case { Kind: IntentKind.Unsubscribe }:
                await settings.SetActiveAsync(conversation, false, cancellationToken);
                await turn.SayAsync(ChatReplies.Unsubscribed(turn.Culture), cancellationToken);
                break;
            case { Kind: IntentKind.SetAlertScope, Scope: { } scope }:
                await settings.SetScopeAsync(conversation, scope, cancellationToken);
                await turn.SayAsync(ChatReplies.ScopeChanged(scope, turnedOn: !conversation.Subscribed, turn.Culture), cancellationToken);
                break;
            default:
                await turn.SayAsync(ChatReplies.UnknownReply(turn.Culture), cancellationToken);
                break;
        }
    }
}
