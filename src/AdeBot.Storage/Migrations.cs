namespace AdeBot.Storage;

internal sealed record Migration(int Version, string Description, string Sql);

/// The schema, as ordered steps. A released step is never edited: change the schema by adding one.
/// Numbers are handed out ahead of time, so a list may have gaps; each step is applied when its own
/// version is missing from schema_version, so a lower number that lands later still runs.
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
        new(2, "inbox of accepted activities", """
            CREATE TABLE inbox (
                id               INTEGER PRIMARY KEY AUTOINCREMENT,
                tenant_id        TEXT    NOT NULL COLLATE NOCASE,
                conversation_key TEXT    NOT NULL,
                kind             TEXT    NOT NULL,
                payload          TEXT    NOT NULL,
                from_local_mode  INTEGER NOT NULL CHECK (from_local_mode IN (0, 1)),
                dedupe_key       TEXT,
                coalesce_key     TEXT,
                state            TEXT    NOT NULL CHECK (state IN ('Pending', 'Running', 'Done')),
                outcome          TEXT,
                received_at_ms   INTEGER NOT NULL,
                not_before_ms    INTEGER NOT NULL,
                completed_at_ms  INTEGER
            );

            -- A redelivered activity (same conversation, same activity id) is stored once.
            CREATE UNIQUE INDEX inbox_dedupe ON inbox (conversation_key, dedupe_key) WHERE dedupe_key IS NOT NULL;
            CREATE INDEX inbox_unfinished ON inbox (state, id) WHERE state <> 'Done';
            CREATE INDEX inbox_waiting_question ON inbox (conversation_key, coalesce_key) WHERE state = 'Pending';
            CREATE INDEX inbox_completed ON inbox (completed_at_ms) WHERE state = 'Done';
            """),
        new(3, "audit trail", AuditSchema.Sql),
        new(4, "channel threads merged into their channel", ChannelThreadMerge.Sql),
        new(5, "conversation context", """
            -- conversation_id is the activity's own: in a channel, the thread's (a context is per thread).
            CREATE TABLE conversation_context (
                tenant_id        TEXT    NOT NULL COLLATE NOCASE,
                conversation_id  TEXT    NOT NULL,
                context          TEXT    NOT NULL,
                touched_at_ms    INTEGER NOT NULL,
                PRIMARY KEY (tenant_id, conversation_id)
            );

            CREATE INDEX conversation_context_touched ON conversation_context (touched_at_ms);
            """),
        new(6, "guided fixes in progress", SqliteGuidedFixStore.Schema),
        new(7, "tenant leases of the shared alert check", SqliteTenantLeaseStore.Schema),
    ];
}
