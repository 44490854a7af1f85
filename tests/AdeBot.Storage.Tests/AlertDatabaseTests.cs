using Microsoft.Data.Sqlite;

namespace AdeBot.Storage.Tests;

public sealed class AlertDatabaseTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_pinned_SQLitePCLRaw_3_opens_a_database_file_in_WAL_mode_without_an_explicit_init()
    {
        await _db.NewDatabase().InitializeAsync(CancellationToken.None);

        using var connection = _db.OpenRaw();
        Assert.Equal(3, typeof(SQLitePCL.raw).Assembly.GetName().Version!.Major);
        Assert.StartsWith("3.", Scalar(connection, "SELECT sqlite_version();"));
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal("1", Scalar(connection, "PRAGMA foreign_keys;"));
        Assert.True(File.Exists(_db.FilePath));
    }

    [Fact]
    public async Task Migrating_again_from_another_instance_changes_nothing()
    {
        await _db.NewDatabase().InitializeAsync(CancellationToken.None);
        var second = _db.NewDatabase();
        await second.InitializeAsync(CancellationToken.None);
        await second.InitializeAsync(CancellationToken.None);

        using var connection = _db.OpenRaw();
        Assert.Equal(string.Join(',', Migrations.All.Select(m => m.Version)), Scalar(connection, "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version);"));
        Assert.Equal("alert_ledger,audit,conversation,conversation_context,guided_fix,inbox,schema_version,sqlite_sequence,tenant_lease",
            Scalar(connection, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name);"));
    }

    [Fact]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        var databases = Enumerable.Range(0, 4).Select(_ => _db.NewDatabase()).ToList();

        await Task.WhenAll(databases.Select(d => Task.Run(() => d.InitializeAsync(CancellationToken.None))));

        using var connection = _db.OpenRaw();
        Assert.Equal($"{Migrations.All.Count}", Scalar(connection, "SELECT count(*) FROM schema_version;"));
    }

    [Fact]
    public async Task A_migration_missing_below_the_newest_applied_one_still_runs()
    {
        // Numbers are reserved ahead of time, so a lower one can land after a higher one was applied.
        await _db.NewDatabase().InitializeAsync(CancellationToken.None);
        using (var connection = _db.OpenRaw())
        {
            using var undo = connection.CreateCommand();
            undo.CommandText = "DROP TABLE audit; DELETE FROM schema_version WHERE version = 3;";
            undo.ExecuteNonQuery();
        }

        await _db.NewDatabase().InitializeAsync(CancellationToken.None);

        using var migrated = _db.OpenRaw();
        Assert.Equal(string.Join(',', Migrations.All.Select(m => m.Version)), Scalar(migrated, "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version);"));
        Assert.Equal("audit", Scalar(migrated, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit';"));
    }

    [Fact]
    public async Task A_database_from_a_newer_AdeBot_stops_start_up_untouched()
    {
        await _db.NewDatabase().InitializeAsync(CancellationToken.None);
        using (var connection = _db.OpenRaw())
        {
            Scalar(connection, "INSERT INTO schema_version (version, description, applied_at_ms) VALUES (999, 'from the future', 0);");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _db.NewDatabase().InitializeAsync(CancellationToken.None));

        Assert.Contains("999", error.Message);
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
