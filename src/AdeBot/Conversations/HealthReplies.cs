using AdeBot.Conversations.Memory;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Health;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Tokens;

namespace AdeBot.Conversations;

/// The health answer as chat messages, shared by the question and the buttons that ask it again.
public sealed class HealthReplies(TenantHealthReader reader, CardComposer composer, IDeviceInventory devices, ConversationTopics topics, TimeProvider time)
{
    /// Counting devices that will fail to enroll reads pages of every token; a health answer does
    /// not wait longer than this for it, and goes without the count instead.
    public static readonly TimeSpan RiskCountBudget = TimeSpan.FromSeconds(10);

    /// Posts the health answer from page `skip` on (or the failure text) and returns its one-line
    /// summary (or that text).
    public async Task<string> PostAsync(ChatTurn turn, bool forceRefresh, int skip, CancellationToken cancellationToken)
    {
        var read = await reader.ReadForChatAsync(turn, forceRefresh, cancellationToken);
        if (!read.Succeeded) return read.FailureText;

        var risks = skip == 0 ? await RisksAsync(read, forceRefresh, cancellationToken) : null;
        var answer = composer.ComposeHealth(read.Health, read.Context with { Skip = skip }, risks);
        for (var i = 0; i < answer.Cards.Count; i++)
        {
            // Only the first card carries the summary, so Teams shows one meaningful notification.
            await turn.ShowAsync(answer.Cards[i], cancellationToken, i == 0 ? answer.Summary : null);
        }
        // "The second one" counts the failing tokens as the cards show them.
        if (skip == 0) await topics.ListedAsync(turn, read.Health.Tokens.Where(t => t.Status != HealthStatus.Healthy), cancellationToken);
        return answer.Summary;
    }

    /// Per ADE token, the devices that will fail to enroll for want of a profile; null when they
    /// could not be counted in time, or when Graph is failing (a stale answer asks it nothing more).
    public async Task<IReadOnlyList<TokenEnrollmentRisk>?> RisksAsync(HealthRead read, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (!read.Succeeded || read.Context.IsStale) return null;
        List<string> adeTokens = [.. read.Health.Tokens.Where(t => t.Kind == TokenKind.Ade).Select(t => t.Id)];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var count = devices.CountDevicesWithoutProfileAsync(read.Health.TenantId, adeTokens, forceRefresh, stop.Token);
        var first = await Task.WhenAny(count, Task.Delay(RiskCountBudget, time, stop.Token));
        // Stops whichever lost: the budget's timer, or a count that took too long.
        await stop.CancelAsync();
        return first == count ? await count : null;
    }
}
