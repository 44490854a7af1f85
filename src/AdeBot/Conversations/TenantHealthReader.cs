using System.Diagnostics.CodeAnalysis;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using AdeBot.Teams;

namespace AdeBot.Conversations;

/// The health of a conversation's tenant, or the localized text that says why it cannot be shown.
/// `Context` is the card context to compose with (language, and whether the data is stale).
public sealed record HealthRead(TenantHealth? Health, CardContext Context, string? FailureText)
{
    [MemberNotNullWhen(true, nameof(Health))]
    [MemberNotNullWhen(false, nameof(FailureText))]
    public bool Succeeded => Health is not null;
}

/// Reads a conversation's tenant through the inventory and evaluates it.
public sealed partial class TenantHealthReader(
    ITokenInventory inventory,
    HealthEvaluator evaluator,
    FailureReplies failures,
    ILogger<TenantHealthReader> logger)
{
    public Task<HealthRead> ReadAsync(ServedConversation conversation, bool forceRefresh, CancellationToken cancellationToken) =>
        EvaluateAsync(conversation, inventory.ReadAsync(conversation.Key.TenantId, forceRefresh, cancellationToken));

    /// Graph read now, whatever the cache holds: a guided fix's verification (rate-limited by its caller).
    public Task<HealthRead> ReadFreshAsync(ServedConversation conversation, CancellationToken cancellationToken) =>
        EvaluateAsync(conversation, inventory.ReadFreshAsync(conversation.Key.TenantId, cancellationToken));

    private async Task<HealthRead> EvaluateAsync(ServedConversation conversation, Task<InventoryReading> pending)
    {
        var reading = await pending;
        var context = new CardContext(conversation.Culture) { IsStale = reading.IsStale };
        if (reading.Snapshot is not { } snapshot) return new HealthRead(null, context, failures.ForInventoryFailure(reading.Failure, conversation.Culture));
        if (reading.Failure is { } staleBecause) Log.ServingStaleSnapshot(logger, staleBecause.Kind);
        return new HealthRead(evaluator.Evaluate(snapshot), context, null);
    }

    /// The chat form: a typing indicator while Graph is read, and the failure text posted when
    /// nothing can be shown, so the caller only composes the success. The indicator's round trip
    /// runs beside the read instead of before it, and ends before anything else is posted, so the
    /// order the user sees is the same.
    public async Task<HealthRead> ReadForChatAsync(ChatTurn turn, bool forceRefresh, CancellationToken cancellationToken)
    {
        var typing = turn.TypingAsync(cancellationToken);
        var reading = ReadAsync(turn.Conversation, forceRefresh, cancellationToken);
        await Task.WhenAll(typing, reading);
        var read = await reading;
        if (!read.Succeeded) await turn.SayAsync(read.FailureText, cancellationToken);
        return read;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Serving the last good snapshot because the fresh read failed ({Kind})")]
        public static partial void ServingStaleSnapshot(ILogger logger, InventoryFailureKind kind);
    }
}
