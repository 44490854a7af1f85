using AdeBot.Domain.Conversation;

namespace AdeBot.Conversations.Intents;

/// "Are my ADE tokens healthy?": every token that needs attention, a page at a time.
public sealed class HealthIntentHandler(HealthReplies health) : IIntentHandler
{
    public IReadOnlyCollection<IntentKind> Kinds { get; } = [IntentKind.Health];

    public Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken) =>
        health.PostAsync(turn, forceRefresh: false, skip: 0, cancellationToken);
}
