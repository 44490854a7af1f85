namespace AdeBot.Storage;

internal sealed record Migration(int Version, string Description, string Sql);

/// The schema, as ordered steps. A released step is never edited: change the schema by adding one.
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "conversations and alert ledger", """
            CREATE TABLE conversation (
                tenant_id          TEXT    NOT NULL COLLATE NOCASE,
                conversation_id    TEXT    NOT NULL,
                conversation_type  TEXT    NOT NULL,
                channel_id         TEXT    NOT NULL,
                service_url        TEXT    NOT NULL,
                bot_id             TEXT    NOT NULL,
                bot_name           TEXT,
                user_id            TEXT,
                user_aad_object_id TEXT,
                team_id            TEXT,
                team_channel_id    TEXT,
                locale             TEXT,
                from_local_mode    INTEGER NOT NULL CHECK (from_local_mode IN (0, 1)),
                active             INTEGER NOT NULL CHECK (active IN (0, 1)),
                alert_scope        TEXT    NOT NULL,
                locale_override    TEXT,
                created_at_ms      INTEGER NOT NULL,
                updated_at_ms      INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, conversation_id)
            );

            CREATE INDEX conversation_by_active_tenant ON conversation (active, tenant_id);

            CREATE TABLE alert_ledger (
                tenant_id        TEXT    NOT NULL COLLATE NOCASE,
                conversation_id  TEXT    NOT NULL,
                token_kind       TEXT    NOT NULL,
                token_id         TEXT    NOT NULL,
                track            TEXT    NOT NULL,
                problem_code     TEXT    NOT NULL,
                step             TEXT    NOT NULL,
                urgency          INTEGER NOT NULL,
                severity         TEXT    NOT NULL CHECK (severity IN ('Warning', 'Critical')),
                recorded_at_ms   INTEGER NOT NULL,
                snoozed_until_ms INTEGER,
                PRIMARY KEY (tenant_id, conversation_id, token_kind, token_id, track),
                FOREIGN KEY (tenant_id, conversation_id) REFERENCES conversation (tenant_id, conversation_id) ON DELETE CASCADE
            );
            """),
    ];
}
