using AdeBot.Domain.Alerts;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using Microsoft.Data.Sqlite;

namespace AdeBot.Storage;

/// The guided fixes in progress in the embedded SQLite database, one row per thread. Enums by
/// name and times as unix milliseconds, like the other stores. A conversation removed (uninstall,
/// 403/404 on an alert) takes its fixes with it.
public sealed class SqliteGuidedFixStore(AlertDatabase database) : IGuidedFixStore
{
    internal const string Schema = """
        CREATE TABLE guided_fix (
            tenant_id       TEXT    NOT NULL COLLATE NOCASE,
            conversation_id TEXT    NOT NULL,
            thread_id       TEXT    NOT NULL,
            topic           TEXT    NOT NULL,
            label           TEXT    NOT NULL,
            token_kind      TEXT,
            token_id        TEXT,
            problem_code    TEXT,
            serial          TEXT,
            stage           TEXT    NOT NULL CHECK (stage IN ('Step', 'Stuck', 'Verifying')),
            step            INTEGER NOT NULL,
            stuck_count     INTEGER NOT NULL,
            watching        INTEGER NOT NULL CHECK (watching IN (0, 1)),
            started_at_ms   INTEGER NOT NULL,
            updated_at_ms   INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, conversation_id, thread_id),
            FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversation (tenant_id, conversation_id) ON DELETE CASCADE
        );

        CREATE INDEX guided_fix_by_update ON guided_fix (updated_at_ms);
        """;

    private const string Columns = """
        tenant_id, conversation_id, thread_id, topic, label, token_kind, token_id, problem_code, serial,
        stage, step, stuck_count, watching, started_at_ms, updated_at_ms
        """;

    private const string KeyFilter = "tenant_id = $tenant AND conversation_id = $conversation AND thread_id = $thread";

    public async Task<GuidedFixState?> GetAsync(GuidedFixKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = AlertDatabase.Command(connection, null, $"SELECT {Columns} FROM guided_fix WHERE {KeyFilter};", Key(key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task SaveAsync(GuidedFixState state, CancellationToken cancellationToken)
    {
        var subject = state.Subject;
        await using var connection = await database.OpenAsync(cancellationToken);
        await AlertDatabase.ExecuteAsync(connection, null, $"""
            INSERT INTO guided_fix ({Columns})
            VALUES ($tenant, $conversation, $thread, $topic, $label, $kind, $tokenId, $problem, $serial,
                    $stage, $step, $stuckCount, $watching, $startedAt, $updatedAt)
            ON CONFLICT (tenant_id, conversation_id, thread_id) DO UPDATE SET
                topic = excluded.topic, label = excluded.label, token_kind = excluded.token_kind, token_id = excluded.token_id,
                problem_code = excluded.problem_code, serial = excluded.serial, stage = excluded.stage, step = excluded.step,
                stuck_count = excluded.stuck_count, watching = excluded.watching, started_at_ms = excluded.started_at_ms,
                updated_at_ms = excluded.updated_at_ms;
            """, cancellationToken,
            [
                .. Key(state.Key),
                ("$topic", subject.Topic.ToString()), ("$label", subject.Label), ("$kind", subject.TokenKind?.ToString()),
                ("$tokenId", subject.TokenId), ("$problem", subject.Problem?.ToString()), ("$serial", subject.Serial),
                ("$stage", state.Stage.ToString()), ("$step", state.Step), ("$stuckCount", state.StuckCount), ("$watching", state.Watching),
                ("$startedAt", state.StartedAt.ToUnixTimeMilliseconds()), ("$updatedAt", state.UpdatedAt.ToUnixTimeMilliseconds()),
            ]);
    }

    public async Task RemoveAsync(GuidedFixKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await AlertDatabase.ExecuteAsync(connection, null, $"DELETE FROM guided_fix WHERE {KeyFilter};", cancellationToken, Key(key));
    }

    public async Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await AlertDatabase.ExecuteAsync(connection, null, "DELETE FROM guided_fix WHERE updated_at_ms < $since;",
            cancellationToken, ("$since", idleSince.ToUnixTimeMilliseconds()));
    }

    private static (string, object?)[] Key(GuidedFixKey key) =>
        [("$tenant", key.Conversation.TenantId), ("$conversation", key.Conversation.ConversationId), ("$thread", key.Thread)];

    private static GuidedFixState Read(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        var subject = new GuidedFixSubject(Enum.Parse<RemediationTopic>(reader.GetString(3)), reader.GetString(4))
        {
            TokenKind = Text(5) is { } kind ? Enum.Parse<TokenKind>(kind) : null,
            TokenId = Text(6),
            Problem = Text(7) is { } code ? Enum.Parse<ProblemCode>(code) : null,
            Serial = Text(8),
        };
        return new GuidedFixState(
            new GuidedFixKey(new ConversationKey(reader.GetString(0), reader.GetString(1)), reader.GetString(2)),
            subject,
            Enum.Parse<GuidedFixStage>(reader.GetString(9)),
            reader.GetInt32(10),
            reader.GetInt32(11),
            reader.GetInt64(12) != 0,
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)));
    }
}
