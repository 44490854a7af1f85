using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;

namespace AdeBot.Conversations.Intents;

/// "What expires in the next 14 days?": the tokens within the window; "how many days are left?":
/// every token with its days left.
public sealed class ExpiringSoonIntentHandler(TenantHealthReader reader, CardComposer composer) : IIntentHandler
{
    public IReadOnlyCollection<IntentKind> Kinds { get; } = [IntentKind.ExpiringSoon];

    public async Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var read = await reader.ReadForChatAsync(turn, forceRefresh: false, cancellationToken);
        if (!read.Succeeded) return;
        var card = intent.AsksDaysLeft ? composer.ComposeDaysLeft(read.Health, read.Context) : composer.ComposeExpiring(read.Health, intent.Days, read.Context);
        await turn.ShowAsync(card, cancellationToken);
    }
}
