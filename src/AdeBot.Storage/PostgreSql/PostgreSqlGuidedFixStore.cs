using AdeBot.Domain.Alerts;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using Npgsql;
using static AdeBot.Storage.PostgreSql.PostgreSqlDatabase;

namespace AdeBot.Storage.PostgreSql;

/// The guided fixes in progress in PostgreSQL, as in SQLite: one row per thread, gone with its
/// conversation. A save is one upsert, so two instances answering one thread never make two rows;
/// the later save wins, as two clicks one after the other would.
public sealed class PostgreSqlGuidedFixStore(PostgreSqlDatabase database) : IGuidedFixStore
{
    internal const string Schema = """
        CREATE TABLE guided_fix (
            tenant_id       text    NOT NULL,
            tenant_key      text    GENERATED ALWAYS AS (lower(tenant_id)) STORED,
            conversation_id text    NOT NULL,
            thread_id       text    NOT NULL,
            topic           text    NOT NULL,
            label           text    NOT NULL,
            token_kind      text,
            token_id        text,
            problem_code    text,
            serial          text,
            stage           text    NOT NULL CHECK (stage IN ('Step', 'Stuck', 'Verifying')),
            step            integer NOT NULL,
            stuck_count     integer NOT NULL,
            watching        boolean NOT NULL,
            started_at_ms   bigint  NOT NULL,
            updated_at_ms   bigint  NOT NULL,
            PRIMARY KEY (tenant_key, conversation_id, thread_id),
            FOREIGN KEY (tenant_key, conversation_id) REFERENCES conversation (tenant_key, conversation_id) ON DELETE CASCADE
        );

        CREATE INDEX guided_fix_by_update ON guided_fix (updated_at_ms);
        """;

    private const string Columns = """
        tenant_id, conversation_id, thread_id, topic, label, token_kind, token_id, problem_code, serial,
        stage, step, stuck_count, watching, started_at_ms, updated_at_ms
        """;

    private const string KeyFilter = "tenant_key = lower(@tenant) AND conversation_id = @conversation AND thread_id = @thread";

    public async Task<GuidedFixState?> GetAsync(GuidedFixKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM guided_fix WHERE {KeyFilter};", Key(key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task SaveAsync(GuidedFixState state, CancellationToken cancellationToken)
    {
        var subject = state.Subject;
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"""
            INSERT INTO guided_fix ({Columns})
            VALUES (@tenant, @conversation, @thread, @topic, @label, @kind, @tokenId, @problem, @serial,
                    @stage, @step, @stuckCount, @watching, @startedAt, @updatedAt)
            ON CONFLICT (tenant_key, conversation_id, thread_id) DO UPDATE SET
                topic = excluded.topic, label = excluded.label, token_kind = excluded.token_kind, token_id = excluded.token_id,
                problem_code = excluded.problem_code, serial = excluded.serial, stage = excluded.stage, step = excluded.step,
                stuck_count = excluded.stuck_count, watching = excluded.watching, started_at_ms = excluded.started_at_ms,
                updated_at_ms = excluded.updated_at_ms;
            """, cancellationToken,
            [
                .. Key(state.Key),
                P("topic", subject.Topic.ToString()), P("label", subject.Label), P("kind", subject.TokenKind?.ToString()),
                P("tokenId", subject.TokenId), P("problem", subject.Problem?.ToString()), P("serial", subject.Serial),
                P("stage", state.Stage.ToString()), P("step", state.Step), P("stuckCount", state.StuckCount), P("watching", state.Watching),
                P("startedAt", state.StartedAt.ToUnixTimeMilliseconds()), P("updatedAt", state.UpdatedAt.ToUnixTimeMilliseconds()),
            ]);
    }

    public async Task RemoveAsync(GuidedFixKey key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"DELETE FROM guided_fix WHERE {KeyFilter};", cancellationToken, Key(key));
    }

    public async Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ExecuteAsync(connection, null, "DELETE FROM guided_fix WHERE updated_at_ms < @since;",
            cancellationToken, P("since", idleSince.ToUnixTimeMilliseconds()));
    }

    private static NpgsqlParameter[] Key(GuidedFixKey key) =>
        [P("tenant", key.Conversation.TenantId), P("conversation", key.Conversation.ConversationId), P("thread", key.Thread)];

    private static GuidedFixState Read(NpgsqlDataReader reader)
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
            reader.GetBoolean(12),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(14)));
    }
}
