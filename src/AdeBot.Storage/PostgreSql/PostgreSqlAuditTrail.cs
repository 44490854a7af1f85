using System.Text.Json;
using AdeBot.Domain.Audit;
using Npgsql;
using static AdeBot.Storage.PostgreSql.PostgreSqlDatabase;

namespace AdeBot.Storage.PostgreSql;

/// The audit trail in PostgreSQL, as in SQLite: tenant ids in lower case, subjects a JSON array of
/// strings. Entries only ever append, so instances writing at once need nothing more.
public sealed class PostgreSqlAuditTrail(PostgreSqlDatabase database) : IAuditTrail
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            INSERT INTO audit (at_ms, tenant_id, user_aad_object_id, conversation_id, kind, action, subjects, outcome, turn_id)
            VALUES (@at, @tenant, @user, @conversation, @kind, @action, @subjects, @outcome, @turn);
            """, cancellationToken,
            P("at", entry.At.ToUnixTimeMilliseconds()), P("tenant", entry.TenantId.ToLowerInvariant()), P("user", entry.UserAadObjectId),
            P("conversation", entry.ConversationId), P("kind", entry.Kind.ToString()), P("action", entry.Action),
            P("subjects", JsonSerializer.Serialize(entry.Subjects)), P("outcome", entry.Outcome), P("turn", entry.TurnId));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT at_ms, tenant_id, user_aad_object_id, conversation_id, kind, action, subjects, outcome, turn_id
            FROM audit
            WHERE (@tenant IS NULL OR tenant_id = @tenant) AND (@since IS NULL OR at_ms >= @since)
            ORDER BY at_ms, id;
            """,
            P("tenant", query.TenantId?.ToLowerInvariant()), P("since", query.Since?.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<AuditEntry> entries = [];
        while (await reader.ReadAsync(cancellationToken)) entries.Add(Read(reader));
        return entries;
    }

    public async Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM audit WHERE at_ms < @cutoff;",
            cancellationToken, P("cutoff", cutoff.ToUnixTimeMilliseconds()));
    }

    private static AuditEntry Read(NpgsqlDataReader reader) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetString(3),
        Enum.Parse<AuditKind>(reader.GetString(4)),
        reader.GetString(5),
        JsonSerializer.Deserialize<List<string>>(reader.GetString(6)) ?? [],
        reader.GetString(7),
        reader.IsDBNull(8) ? null : reader.GetString(8));
}
