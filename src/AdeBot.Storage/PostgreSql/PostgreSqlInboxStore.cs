using AdeBot.Domain.Inbox;
using Npgsql;
using static AdeBot.Storage.PostgreSql.PostgreSqlDatabase;

namespace AdeBot.Storage.PostgreSql;

/// The inbox in PostgreSQL. Whether an activity is new is decided by the unique indexes (a
/// redelivery; the same question still waiting), not by a read before the write, so two
/// instances receiving the same activity store it once.
public sealed class PostgreSqlInboxStore(PostgreSqlDatabase database, TimeProvider time) : IInboxStore
{
    private const string Columns = "id, tenant_id, conversation_key, kind, payload, from_local_mode, received_at_ms, not_before_ms, state";

    public async Task<InboxAcceptance> AcceptAsync(NewInboxEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"""
            INSERT INTO inbox (tenant_id, conversation_key, kind, payload, from_local_mode, dedupe_key, coalesce_key,
                               state, received_at_ms, not_before_ms)
            VALUES (@tenant, @conversation, @kind, @payload, @local, @dedupe, @coalesce, 'Pending', @received, @notBefore)
            ON CONFLICT DO NOTHING
            RETURNING {Columns};
            """,
            P("tenant", entry.TenantId), P("conversation", entry.ConversationKey), P("kind", entry.Kind.ToString()),
            P("payload", entry.Payload), P("local", entry.IsLocal), P("dedupe", entry.DedupeKey), P("coalesce", entry.CoalesceKey),
            P("received", entry.ReceivedAt.ToUnixTimeMilliseconds()), P("notBefore", entry.NotBefore.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return new InboxAcceptance(await reader.ReadAsync(cancellationToken) ? Read(reader) : null);
    }

    public async Task<IReadOnlyList<InboxEntry>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM inbox WHERE state <> 'Done' ORDER BY id;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        List<InboxEntry> entries = [];
        while (await reader.ReadAsync(cancellationToken)) entries.Add(Read(reader));
        return entries;
    }

    public async Task<bool> MarkRunningAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Of two instances claiming one entry, the second waits for the first's row lock, then
        // re-reads the row, finds it no longer pending and claims nothing.
        return await ExecuteAsync(connection, null, "UPDATE inbox SET state = 'Running' WHERE id = @id AND state = 'Pending';",
            cancellationToken, P("id", id)) == 1;
    }

    public async Task CompleteAsync(long id, InboxOutcome outcome, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null,
            "UPDATE inbox SET state = 'Done', outcome = @outcome, completed_at_ms = @now WHERE id = @id;",
            cancellationToken, P("id", id), P("outcome", outcome.ToString()), P("now", time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    public async Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM inbox WHERE state = 'Done' AND completed_at_ms < @cutoff;",
            cancellationToken, P("cutoff", cutoff.ToUnixTimeMilliseconds()));
    }

    public async Task<InboxDepth> MeasureAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT COUNT(*)::integer, MIN(received_at_ms) FROM inbox WHERE state <> 'Done';");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new InboxDepth(reader.GetInt32(0), reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    }

    private static InboxEntry Read(NpgsqlDataReader reader) => new(
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
