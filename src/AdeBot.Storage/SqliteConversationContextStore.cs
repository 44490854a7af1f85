using System.Text.Json;
using System.Text.Json.Serialization;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Conversation;

namespace AdeBot.Storage;

/// Conversation contexts in the embedded SQLite database: one row per conversation (a channel
/// thread is a conversation of its own here), the context as JSON. A row written by an AdeBot whose
/// context looked different reads as no context: the worst a schema change costs is one follow-up
/// that has to name its token.
public sealed class SqliteConversationContextStore(AlertDatabase database) : IConversationContextStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<ConversationContext?> GetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var json = await AlertDatabase.ScalarAsync<string>(connection, null,
            "SELECT context FROM conversation_context WHERE tenant_id = $tenant AND conversation_id = $conversation;",
            cancellationToken, ("$tenant", key.TenantId), ("$conversation", key.ConversationId));
        return json is null ? null : Read(json, key);
    }

    public async Task SaveAsync(ConversationContext context, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await AlertDatabase.ExecuteAsync(connection, null, """
            INSERT INTO conversation_context (tenant_id, conversation_id, context, touched_at_ms)
            VALUES ($tenant, $conversation, $context, $touched)
            ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET context = excluded.context, touched_at_ms = excluded.touched_at_ms;
            """, cancellationToken,
            ("$tenant", context.Key.TenantId), ("$conversation", context.Key.ConversationId),
            ("$context", Write(context)), ("$touched", context.TouchedAt.ToUnixTimeMilliseconds()));
    }

    public async Task ForgetAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await AlertDatabase.ExecuteAsync(connection, null,
            "DELETE FROM conversation_context WHERE tenant_id = $tenant AND conversation_id = $conversation;",
            cancellationToken, ("$tenant", key.TenantId), ("$conversation", key.ConversationId));
    }

    public async Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AlertDatabase.ExecuteAsync(connection, null, "DELETE FROM conversation_context WHERE touched_at_ms < $cutoff;",
            cancellationToken, ("$cutoff", cutoff.ToUnixTimeMilliseconds()));
    }

    /// The key is the row's, not the JSON's: a tenant id differing in case is the same tenant.
    internal static ConversationContext? Read(string json, ConversationKey key)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversationContext>(json, Json) is { Subjects: not null } context ? context with { Key = key } : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Write(ConversationContext context) => JsonSerializer.Serialize(context, Json);
}
