using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;

namespace AdeBot.Conversations.Intents;

/// Finds the handler of a recognized intent. Each kind has at most one handler, checked when the
/// table is built; a kind nobody handles (Unknown among them) gets the "try asking…" reply.
public sealed class IntentHandlers
{
    private readonly Dictionary<IntentKind, IIntentHandler> _byKind = [];

    public IntentHandlers(IEnumerable<IIntentHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            foreach (var kind in handler.Kinds)
            {
                if (!_byKind.TryAdd(kind, handler))
                {
                    throw new InvalidOperationException($"Intent {kind} has two handlers: {_byKind[kind].GetType().Name} and {handler.GetType().Name}.");
                }
            }
        }
    }

    public Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken) =>
        _byKind.TryGetValue(intent.Kind, out var handler)
            ? handler.HandleAsync(turn, intent, cancellationToken)
            : turn.SayAsync(ChatReplies.UnknownReply(turn.Culture), cancellationToken);
}
