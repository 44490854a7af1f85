using System.Text.Json;
using AdeBot.Domain.Audit;
using Microsoft.Data.Sqlite;

namespace AdeBot.Storage;

/// The audit trail in the embedded SQLite database (AuditSchema). Subjects are a JSON array of strings.
public sealed class SqliteAuditTrail(AlertDatabase database) : IAuditTrail
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await AlertDatabase.ExecuteAsync(connection, null, """
            INSERT INTO audit (at_ms, tenant_id, user_aad_object_id, conversation_id, kind, action, subjects, outcome, turn_id)
            VALUES ($at, $tenant, $user, $conversation, $kind, $action, $subjects, $outcome, $turn);
            """, cancellationToken,
            ("$at", entry.At.ToUnixTimeMilliseconds()), ("$tenant", entry.TenantId.ToLowerInvariant()), ("$user", entry.UserAadObjectId),
            ("$conversation", entry.ConversationId), ("$kind", entry.Kind.ToString()), ("$action", entry.Action),
            ("$subjects", JsonSerializer.Serialize(entry.Subjects)), ("$outcome", entry.Outcome), ("$turn", entry.TurnId));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AlertDatabase.Command(connection, null, """
            SELECT at_ms, tenant_id, user_aad_object_id, conversation_id, kind, action, subjects, outcome, turn_id
            FROM audit
            WHERE ($tenant IS NULL OR tenant_id = $tenant) AND ($since IS NULL OR at_ms >= $since)
            ORDER BY at_ms, id;
            """,
            ("$tenant", query.TenantId?.ToLowerInvariant()), ("$since", query.Since?.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<AuditEntry> entries = [];
        while (await reader.ReadAsync(cancellationToken)) entries.Add(Read(reader));
        return entries;
    }

    public async Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AlertDatabase.ExecuteAsync(connection, null, "DELETE FROM audit WHERE at_ms < $cutoff;",
            cancellationToken, ("$cutoff", cutoff.ToUnixTimeMilliseconds()));
    }

    private static AuditEntry Read(SqliteDataReader reader) => new(
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
