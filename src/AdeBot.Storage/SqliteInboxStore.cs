using AdeBot.Domain.Inbox;
using Microsoft.Data.Sqlite;

namespace AdeBot.Storage;

/// The inbox in the embedded SQLite database. An accepted activity is one INSERT; a redelivery or
/// a repeated question still waiting is recognised by the same statement, so the answer to Teams
/// never depends on a read-then-write race.
public sealed class SqliteInboxStore(AlertDatabase database, TimeProvider time) : IInboxStore
{
    private const string Columns = "id, tenant_id, conversation_key, kind, payload, from_local_mode, received_at_ms, not_before_ms, state";

    public async Task<InboxAcceptance> AcceptAsync(NewInboxEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // INSERT … SELECT … WHERE NOT EXISTS is one statement, so two copies of a question arriving
        // together cannot both be stored; OR IGNORE drops a redelivery on the unique dedupe index.
        await using var command = AlertDatabase.Command(connection, null, $"""
            INSERT OR IGNORE INTO inbox (tenant_id, conversation_key, kind, payload, from_local_mode, dedupe_key, coalesce_key,
                                         state, received_at_ms, not_before_ms)
            SELECT $tenant, $conversation, $kind, $payload, $local, $dedupe, $coalesce, 'Pending', $received, $notBefore
            WHERE $coalesce IS NULL OR NOT EXISTS (
                SELECT 1 FROM inbox WHERE conversation_key = $conversation AND coalesce_key = $coalesce AND state = 'Pending')
            RETURNING {Columns};
            """,
            ("$tenant", entry.TenantId), ("$conversation", entry.ConversationKey), ("$kind", entry.Kind.ToString()),
            ("$payload", entry.Payload), ("$local", entry.IsLocal), ("$dedupe", entry.DedupeKey), ("$coalesce", entry.CoalesceKey),
            ("$received", entry.ReceivedAt.ToUnixTimeMilliseconds()), ("$notBefore", entry.NotBefore.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return new InboxAcceptance(await reader.ReadAsync(cancellationToken) ? Read(reader) : null);
    }

    public async Task<IReadOnlyList<InboxEntry>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AlertDatabase.Command(connection, null, $"SELECT {Columns} FROM inbox WHERE state <> 'Done' ORDER BY id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<InboxEntry> entries = [];
        while (await reader.ReadAsync(cancellationToken)) entries.Add(Read(reader));
        return entries;
    }

    public async Task<bool> MarkRunningAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AlertDatabase.ExecuteAsync(connection, null, "UPDATE inbox SET state = 'Running' WHERE id = $id AND state = 'Pending';",
            cancellationToken, ("$id", id)) == 1;
    }

    public async Task CompleteAsync(long id, InboxOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await AlertDatabase.ExecuteAsync(connection, null,
            "UPDATE inbox SET state = 'Done', outcome = $outcome, completed_at_ms = $now WHERE id = $id;",
            cancellationToken, ("$id", id), ("$outcome", outcome.ToString()), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    public async Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AlertDatabase.ExecuteAsync(connection, null, "DELETE FROM inbox WHERE state = 'Done' AND completed_at_ms < $cutoff;",
            cancellationToken, ("$cutoff", cutoff.ToUnixTimeMilliseconds()));
    }

    public async Task<InboxDepth> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AlertDatabase.Command(connection, null, "SELECT COUNT(*), MIN(received_at_ms) FROM inbox WHERE state <> 'Done';");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new InboxDepth(reader.GetInt32(0), reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }

    private static InboxEntry Read(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        Enum.Parse<InboxWorkKind>(reader.GetString(3)),
        reader.GetString(4),
        reader.GetBoolean(5),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        Enum.Parse<InboxEntryState>(reader.GetString(8)));
}
