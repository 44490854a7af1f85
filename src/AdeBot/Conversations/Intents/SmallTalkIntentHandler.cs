using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;

namespace AdeBot.Conversations.Intents;

/// Help, hello, thanks and a language switch: answers that read nothing.
public sealed class SmallTalkIntentHandler(CardComposer composer) : IIntentHandler
{
    public IReadOnlyCollection<IntentKind> Kinds { get; } = [IntentKind.Help, IntentKind.Greeting, IntentKind.Thanks, IntentKind.SetLanguage];

    public Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken) => intent.Kind switch
    {
        IntentKind.Help => turn.ShowAsync(composer.ComposeHelp(new CardContext(turn.Culture)), cancellationToken),
        IntentKind.Greeting => turn.SayAsync(ChatReplies.Greeting(turn.Culture), cancellationToken),
        IntentKind.Thanks => turn.SayAsync(ChatReplies.Thanks(turn.Culture), cancellationToken),
        // The turn's culture is already the one just chosen.
        _ => turn.SayAsync(ChatReplies.LanguageChanged(turn.Culture), cancellationToken),
    };
}
