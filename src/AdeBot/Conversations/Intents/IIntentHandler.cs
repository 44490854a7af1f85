using AdeBot.Domain.Conversation;

namespace AdeBot.Conversations.Intents;

/// Answers the intents it names. To add an intent: a kind in IntentKind, its words in the
/// lexicon, a handler here, and one line in AddConversations.
public interface IIntentHandler
{
    IReadOnlyCollection<IntentKind> Kinds { get; }

    Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken);
}
