using AdeBot.Domain.Cards;

namespace AdeBot.Conversations;

/// The health answer as chat messages, shared by the question and the buttons that ask it again.
public sealed class HealthReplies(TenantHealthReader reader, CardComposer composer)
{
    /// Posts the health answer from page `skip` on (or the failure text) and returns its one-line
    /// summary (or that text).
    public async Task<string> PostAsync(ChatTurn turn, bool forceRefresh, int skip, CancellationToken cancellationToken)
    {
        var read = await reader.ReadForChatAsync(turn, forceRefresh, cancellationToken);
        if (!read.Succeeded) return read.FailureText;

        var answer = composer.ComposeHealth(read.Health, read.Context with { Skip = skip });
        for (var i = 0; i < answer.Cards.Count; i++)
        {
            // Only the first card carries the summary, so Teams shows one meaningful notification.
            await turn.ShowAsync(answer.Cards[i], cancellationToken, i == 0 ? answer.Summary : null);
        }
        return answer.Summary;
    }
}
