using Microsoft.Data.Sqlite;

namespace AdeBot.Storage.Tests;

/// Schema version 4 folds the rows a channel's threads left (ids ending `;messageid=<root>`) into
/// one row per channel, on a database written by a version 3 AdeBot.
public sealed class ChannelThreadMergeTests : IDisposable
{
    private const string General = "19:general@thread.tacv2";
    private const string Sales = "19:sales@thread.tacv2";

    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Thread_rows_of_a_channel_become_one_row_under_the_channel_id_with_their_ledger_merged()
    {
        using (var connection = VersionThreeDatabase())
        {
            Conversation(connection, "contoso", $"{General};messageid=1", active: true, updatedAtMs: 100, locale: "fi-FI");
            Conversation(connection, "contoso", $"{General};messageid=2", active: true, updatedAtMs: 300, locale: "uk-UA");
            Conversation(connection, "CONTOSO", $"{General};MessageId=3", active: false, updatedAtMs: 500, locale: "en-US");
            Conversation(connection, "contoso", Sales, active: false, updatedAtMs: 100, locale: "en-US");
            Conversation(connection, "contoso", $"{Sales};messageid=5", active: true, updatedAtMs: 50, locale: "fi-FI");
            Conversation(connection, "fabrikam", $"{General};messageid=9", active: false, updatedAtMs: 10, locale: "en-US");
            Conversation(connection, "contoso", "a:personal-1", active: true, updatedAtMs: 10, locale: "en-US");

            Ledger(connection, "contoso", $"{General};messageid=1", "token-1", "OldCode", recordedAtMs: 1000, snoozedUntilMs: 9000);
            Ledger(connection, "contoso", $"{General};messageid=2", "token-1", "NewCode", recordedAtMs: 2000, snoozedUntilMs: null);
            Ledger(connection, "contoso", $"{General};MessageId=3", "token-2", "OnlyCode", recordedAtMs: 1500, snoozedUntilMs: null);
            Ledger(connection, "contoso", Sales, "token-3", "SalesCode", recordedAtMs: 700, snoozedUntilMs: 800);
            Ledger(connection, "contoso", "a:personal-1", "token-1", "PersonalCode", recordedAtMs: 5, snoozedUntilMs: null);

            Execute(connection, $"""
                INSERT INTO inbox (tenant_id, conversation_key, kind, payload, from_local_mode, dedupe_key, state, received_at_ms, not_before_ms)
                VALUES ('contoso', 'contoso/{General};messageid=1', 'Message', '{General};messageid=1', 0, 'f:1', 'Pending', 1, 1),
                       ('contoso', 'contoso/{General};messageid=2', 'Message', '{General};messageid=2', 0, 'f:2', 'Pending', 2, 2);
                INSERT INTO audit (at_ms, tenant_id, conversation_id, kind, action, subjects, outcome)
                VALUES (1, 'contoso', '{General};messageid=2', 'Question', 'status', '', 'Answered');
                """);
        }

        await _db.NewDatabase().InitializeAsync(CancellationToken.None);

        using var migrated = _db.OpenRaw();
        Assert.Equal($"{AlertDatabase.LatestSchemaVersion}", Scalar(migrated, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(
            [$"contoso|{General}|1|uk-UA", $"contoso|{Sales}|1|fi-FI", "contoso|a:personal-1|1|en-US", $"fabrikam|{General}|0|en-US"],
            Rows(migrated, "SELECT tenant_id, conversation_id, active, locale FROM conversation ORDER BY tenant_id, conversation_id;"));
        Assert.Equal(
            [$"contoso|{General}|token-1|NewCode|2000|9000", $"contoso|{General}|token-2|OnlyCode|1500|", $"contoso|{Sales}|token-3|SalesCode|700|800",
             "contoso|a:personal-1|token-1|PersonalCode|5|"],
            Rows(migrated, """
                SELECT tenant_id, conversation_id, token_id, problem_code, recorded_at_ms, snoozed_until_ms
                FROM alert_ledger ORDER BY conversation_id, token_id;
                """));
        // The lane is the channel; the activity itself still names its thread, so the reply lands there.
        Assert.Equal([$"contoso/{General}|{General};messageid=1", $"contoso/{General}|{General};messageid=2"],
            Rows(migrated, "SELECT conversation_key, payload FROM inbox ORDER BY id;"));
        Assert.Equal([General], Rows(migrated, "SELECT conversation_id FROM audit;"));
        Assert.Empty(Rows(migrated, "PRAGMA foreign_key_check;"));
    }

    [Fact]
    public async Task Migrating_again_after_the_merge_changes_nothing()
    {
        using (var connection = VersionThreeDatabase())
        {
            Conversation(connection, "contoso", $"{General};messageid=1", active: true, updatedAtMs: 100, locale: "en-US");
        }
        await _db.NewDatabase().InitializeAsync(CancellationToken.None);
        using (var connection = _db.OpenRaw())
        {
            // A row a version 3 AdeBot wrote after the merge, by a process still running the old code.
            Conversation(connection, "contoso", $"{General};messageid=7", active: true, updatedAtMs: 900, locale: "fi-FI");
        }

        await _db.NewDatabase().InitializeAsync(CancellationToken.None);

        using var migrated = _db.OpenRaw();
        Assert.Equal(string.Join(',', Migrations.All.Select(m => m.Version)), Scalar(migrated, "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version);"));
        Assert.Equal([$"contoso|{General}", $"contoso|{General};messageid=7"],
            Rows(migrated, "SELECT tenant_id, conversation_id FROM conversation ORDER BY conversation_id;"));
    }

    /// The schema exactly as a version 3 AdeBot left it: its three steps and their version rows.
    private SqliteConnection VersionThreeDatabase()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.FilePath)!);
        var connection = _db.OpenRaw();
        Execute(connection, "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at_ms INTEGER NOT NULL);");
        foreach (var step in Migrations.All.Where(m => m.Version <= 3))
        {
            Execute(connection, step.Sql);
            Execute(connection, $"INSERT INTO schema_version VALUES ({step.Version}, '{step.Description}', 0);");
        }
        return connection;
    }

    private static void Conversation(SqliteConnection connection, string tenantId, string conversationId, bool active, long updatedAtMs, string locale) =>
        Execute(connection, $"""
            INSERT INTO conversation (tenant_id, conversation_id, conversation_type, channel_id, service_url, bot_id, locale,
                                      from_local_mode, active, alert_scope, created_at_ms, updated_at_ms)
            VALUES ('{tenantId}', '{conversationId}', '{(conversationId.StartsWith("a:", StringComparison.Ordinal) ? "personal" : "channel")}',
                    'msteams', 'https://smba.trafficmanager.net/emea/', '28:bot', '{locale}', 0, {(active ? 1 : 0)}, 'All', 1, {updatedAtMs});
            """);

    private static void Ledger(SqliteConnection connection, string tenantId, string conversationId, string tokenId, string problemCode,
        long recordedAtMs, long? snoozedUntilMs) =>
        Execute(connection, $"""
            INSERT INTO alert_ledger (tenant_id, conversation_id, token_kind, token_id, track, problem_code, step, urgency, severity,
                                      recorded_at_ms, snoozed_until_ms)
            VALUES ('{tenantId}', '{conversationId}', 'Apns', '{tokenId}', 'Expiry', '{problemCode}', 'Renew', 1, 'Warning',
                    {recordedAtMs}, {snoozedUntilMs?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "NULL"});
            """);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private static List<string> Rows(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString())));
        }
        return rows;
    }
}
