using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;

namespace AdeBot.Conversations.Intents;

/// "What expires in the next 14 days?": the tokens within the window (or every token's days left).
public sealed class ExpiringSoonIntentHandler(TenantHealthReader reader, CardComposer composer) : IIntentHandler
{
    public IReadOnlyCollection<IntentKind> Kinds { get; } = [IntentKind.ExpiringSoon];

    public async Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var read = await reader.ReadForChatAsync(turn, forceRefresh: false, cancellationToken);
        if (read.Succeeded) await turn.ShowAsync(composer.ComposeExpiring(read.Health, intent.Days, read.Context), cancellationToken);
    }
}
