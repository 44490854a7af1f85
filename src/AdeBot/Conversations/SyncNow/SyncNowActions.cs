using AdeBot.Access;
using AdeBot.Conversations.CardActions;
using AdeBot.Domain.Audit;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using Microsoft.Extensions.Options;

namespace AdeBot.Conversations.SyncNow;

/// The two buttons of "Sync now": the one on a token card asks to confirm, the confirmation's asks
/// Intune. Both are refused unless Actions:AllowSync is on, so a card from before it was turned
/// off, or a hand-made click, never reaches Graph. Intune's cooldown is checked before the call
/// from Graph's `lastSyncTriggeredDateTime` and from AdeBot's own audit trail (which knows of a
/// sync Graph does not show yet), so a second sync within 15 minutes is never sent.
public sealed partial class SyncNowActions(
    IOptions<SyncNowOptions> options,
    TenantHealthReader reader,
    CardComposer composer,
    ITokenSync sync,
    AccessPolicy access,
    IAuditTrail audit,
    RecentSyncs recent,
    TimeProvider time,
    ILogger<SyncNowActions> logger)
{
    /// The audit trail's action and outcomes of a sync request.
    public const string AuditAction = "syncWithApple";

    public bool Enabled => options.Value.AllowSync;

    /// "Sync now": the confirmation card, or the wait when Intune would refuse.
    public async Task<CardActionOutcome?> AskAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken)
    {
        if (!Enabled) return null;
        var read = await reader.ReadAsync(turn.Conversation, forceRefresh: false, cancellationToken);
        if (!read.Succeeded) return new CardActionOutcome.Answer(read.FailureText);
        if (AdeToken(read.Health, action) is not { } token) return null;
        var wait = await WaitAsync(turn, token, cancellationToken);
        return wait > TimeSpan.Zero
            ? new CardActionOutcome.Answer(ChatReplies.SyncNotNow(token.Name, wait, turn.Culture))
            : new CardActionOutcome.Replace(composer.ComposeSyncConfirmation(token, read.Context));
    }

    /// The confirmation: the clicking person is checked against the access rules again, the
    /// token read past the cache, and only then is Intune asked.
    public async Task<CardActionOutcome?> ConfirmAsync(ChatTurn turn, CardActionData action, CancellationToken cancellationToken)
    {
        if (!Enabled) return null;
        var conversation = turn.Conversation;
        var user = conversation.Inbound.From?.AadObjectId;
        var decision = await access.CheckAsync(conversation.Key.TenantId, user, cancellationToken);
        if (!decision.Allowed) return new CardActionOutcome.Answer(ChatReplies.Refusal(turn.Culture));

        var read = await reader.ReadAsync(conversation, forceRefresh: true, cancellationToken);
        if (!read.Succeeded) return new CardActionOutcome.Answer(read.FailureText);
        if (AdeToken(read.Health, action) is not { } token) return null;

        var wait = await WaitAsync(turn, token, cancellationToken);
        if (wait > TimeSpan.Zero)
        {
            Log.InsideCooldown(logger, token.Id);
            return new CardActionOutcome.Answer(ChatReplies.SyncNotNow(token.Name, wait, turn.Culture));
        }

        var result = await sync.RequestSyncAsync(conversation.Key.TenantId, token.Id, cancellationToken);
        if (result.Outcome == SyncRequestOutcome.Started) recent.Started(conversation.Key.TenantId, token.Id);
        await audit.RecordAsync(new AuditEntry(time.GetUtcNow(), conversation.Key.TenantId, user, conversation.Key.ConversationId,
            AuditKind.Sync, AuditAction, [token.Id], OutcomeName(result.Outcome)), cancellationToken);
        return new CardActionOutcome.Answer(result.Outcome switch
        {
            SyncRequestOutcome.Started => ChatReplies.SyncStarted(token.Name, turn.Culture),
            SyncRequestOutcome.PermissionMissing => ChatReplies.SyncPermissionMissing(turn.Culture),
            _ => ChatReplies.SyncNotNow(token.Name, result.RetryAfter ?? ManualSync.Cooldown, turn.Culture),
        });
    }

    public static string OutcomeName(SyncRequestOutcome outcome) => outcome switch
    {
        SyncRequestOutcome.Started => "started",
        SyncRequestOutcome.PermissionMissing => "permissionMissing",
        _ => "notNow",
    };

    private static TokenHealth? AdeToken(TenantHealth health, CardActionData action) =>
        (action with { TokenKind = TokenKind.Ade }).FindToken(health);

    /// The later of Graph's last trigger and the last sync AdeBot started itself.
    private async Task<TimeSpan> WaitAsync(ChatTurn turn, TokenHealth token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var recent = await audit.ListAsync(new AuditQuery(turn.Conversation.Key.TenantId, now - ManualSync.Cooldown), cancellationToken);
        DateTimeOffset? ours = recent.Where(e => e.Kind == AuditKind.Sync && e.Outcome == OutcomeName(SyncRequestOutcome.Started) && e.Subjects.Contains(token.Id))
            .Select(e => (DateTimeOffset?)e.At).Max();
        DateTimeOffset? last = (token.LastSyncTriggeredAt, ours) switch
        {
            ({ } graph, { } mine) => graph > mine ? graph : mine,
            (var graph, var mine) => graph ?? mine,
        };
        return ManualSync.RemainingWait(last, now);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "A sync of ADE token {TokenId} was not sent: Intune's 15-minute manual-sync cooldown has not passed")]
        public static partial void InsideCooldown(ILogger logger, string tokenId);
    }
}
