using AdeBot.Conversations.Memory;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Telemetry;

namespace AdeBot.Conversations.Intents;

/// "Details Contoso ABM": a card per matching token; a bare "details" asks which token.
public sealed class TokenDetailsIntentHandler(TenantHealthReader reader, CardComposer composer, ConversationTopics topics) : IIntentHandler
{
    private const int MaxDetailCards = 3;

    public IReadOnlyCollection<IntentKind> Kinds { get; } = [IntentKind.TokenDetails];

    public async Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var read = await reader.ReadForChatAsync(turn, forceRefresh: false, cancellationToken);
        if (!read.Succeeded) return;

        if (intent.TokenName is not { } name)
        {
            await turn.SayAsync(ChatReplies.WhichToken(read.Health.Tokens, turn.Culture), cancellationToken);
            return;
        }

        var matches = TokenNames.Find(name, read.Health.Tokens);
        foreach (var token in matches.Take(MaxDetailCards)) TurnRecord.Current?.Concerns(token.Id);
        if (matches.Count == 0) await turn.SayAsync(ChatReplies.NoTokenNamed(name, turn.Culture), cancellationToken);
        foreach (var token in matches.Take(MaxDetailCards))
        {
            await turn.ShowAsync(composer.ComposeTokenDetails(read.Health, token, read.Context), cancellationToken);
        }
        if (matches.Count == 1) await topics.TokenAsync(turn, matches[0], cancellationToken);
        else if (matches.Count > 1) await topics.ListedAsync(turn, matches.Take(MaxDetailCards), cancellationToken);
    }
}
