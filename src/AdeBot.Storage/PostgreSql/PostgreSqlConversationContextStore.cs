using AdeBot.Domain.Alerts;
using AdeBot.Domain.Conversation;
using static AdeBot.Storage.PostgreSql.PostgreSqlDatabase;

namespace AdeBot.Storage.PostgreSql;

/// Conversation contexts in PostgreSQL, as in SQLite (the same JSON, SqliteConversationContextStore's
/// serializer). The last save wins, whichever instance made it: a context is a hint for the next
/// follow-up, not a record.
public sealed class PostgreSqlConversationContextStore(PostgreSqlDatabase database) : IConversationContextStore
{
    private const string KeyFilter = "tenant_key = lower(@tenant) AND conversation_id = @conversation";

    public async Task<ConversationContext?> GetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await ScalarAsync<string>(connection, null,
            $"SELECT context FROM conversation_context WHERE {KeyFilter};",
            cancellationToken, P("tenant", key.TenantId), P("conversation", key.ConversationId));
        return json is null ? null : SqliteConversationContextStore.Read(json, key);
    }

    public async Task SaveAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            INSERT INTO conversation_context (tenant_id, conversation_id, context, touched_at_ms)
            VALUES (@tenant, @conversation, @context, @touched)
            ON CONFLICT (tenant_key, conversation_id) DO UPDATE SET context = excluded.context, touched_at_ms = excluded.touched_at_ms;
            """, cancellationToken,
            P("tenant", context.Key.TenantId), P("conversation", context.Key.ConversationId),
            P("context", SqliteConversationContextStore.Write(context)), P("touched", context.TouchedAt.ToUnixTimeMilliseconds()));
    }

    public async Task ForgetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"DELETE FROM conversation_context WHERE {KeyFilter};",
            cancellationToken, P("tenant", key.TenantId), P("conversation", key.ConversationId));
    }

    public async Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM conversation_context WHERE touched_at_ms < @cutoff;",
            cancellationToken, P("cutoff", cutoff.ToUnixTimeMilliseconds()));
    }
}
