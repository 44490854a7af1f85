namespace AdeBot.Storage;

/// The audit table, kept apart from the other steps and in plain SQL (no SQLite-only types or
/// collations) so it carries over to another database as it stands. Tenant ids are stored in
/// lower case, so a lookup needs no case-insensitive collation.
internal static class AuditSchema
{
    public const string Sql = """
        CREATE TABLE audit (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            at_ms              INTEGER NOT NULL,
            tenant_id          TEXT    NOT NULL,
            user_aad_object_id TEXT,
            conversation_id    TEXT    NOT NULL,
            kind               TEXT    NOT NULL,
            action             TEXT    NOT NULL,
            subjects           TEXT    NOT NULL,
            outcome            TEXT    NOT NULL,
            turn_id            TEXT
        );

        CREATE INDEX audit_by_time ON audit (at_ms);
        CREATE INDEX audit_by_tenant ON audit (tenant_id, at_ms);
        """;
}
