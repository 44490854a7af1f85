using AdeBot.Storage.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AdeBot.Storage.Tests;

/// The PostgreSQL migrations: applied once however many instances start together (each its own
/// pool, as separate processes would be), nothing changed by a second start, a newer database
/// refused, and the readiness probe.
public sealed class PostgreSqlDatabaseTests : IAsyncLifetime
{
    private readonly TempPostgreSqlDatabase _db = new();
    private readonly List<PostgreSqlDatabase> _instances = [];

    public Task InitializeAsync() => _db.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances) await instance.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => Instance()).ToList();

        await Task.WhenAll(instances.Select(d => Task.Run(() => d.InitializeAsync(CancellationToken.None))));

        Assert.Equal(PostgreSqlMigrations.All.Select(m => m.Version), await VersionsAsync());
        Assert.All(await Task.WhenAll(instances.Select(d => d.CheckReadinessAsync(CancellationToken.None))), r => Assert.True(r.Ready, r.Problem));
    }

    [Fact]
    public async Task Migrating_again_from_another_instance_changes_nothing()
    {
        await Instance().InitializeAsync(CancellationToken.None);
        var second = Instance();
        await second.InitializeAsync(CancellationToken.None);
        await second.InitializeAsync(CancellationToken.None);

        Assert.Equal(PostgreSqlMigrations.All.Select(m => m.Version), await VersionsAsync());
        Assert.Equal("alert_ledger,audit,conversation,conversation_context,guided_fix,inbox,schema_version,tenant_lease",
            await ScalarAsync("SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'public';"));
    }

    [Fact]
    public async Task A_database_from_a_newer_AdeBot_stops_start_up_and_is_not_ready()
    {
        await Instance().InitializeAsync(CancellationToken.None);
        await ScalarAsync("INSERT INTO schema_version (version, description, applied_at_ms) VALUES (999, 'from the future', 0);");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Instance().InitializeAsync(CancellationToken.None));
        var readiness = await Instance().CheckReadinessAsync(CancellationToken.None);

        Assert.Contains("999", error.Message);
        Assert.False(readiness.Ready);
        Assert.Equal($"schema version 999, this AdeBot needs {PostgreSqlDatabase.LatestSchemaVersion}", readiness.Problem);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_not_ready_and_the_answer_names_nothing_of_it()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Port = 1, Password = "not-a-real-password", Timeout = 2 }.ToString();
        await using var database = new PostgreSqlDatabase(unreachable, _db.Clock, NullLogger<PostgreSqlDatabase>.Instance);

        var readiness = await database.CheckReadinessAsync(CancellationToken.None);

        Assert.False(readiness.Ready);
        Assert.Equal("the database cannot be opened or written", readiness.Problem);
        // What the logs name: where, not who or with which password.
        Assert.Equal($"127.0.0.1:1/{new NpgsqlConnectionStringBuilder(unreachable).Database}", database.Server);
    }

    private PostgreSqlDatabase Instance()
    {
        var instance = new PostgreSqlDatabase(_db.ConnectionString, _db.Clock, NullLogger<PostgreSqlDatabase>.Instance);
        _instances.Add(instance);
        return instance;
    }

    private async Task<List<int>> VersionsAsync()
    {
        await using var connection = await _db.OpenRawAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_version ORDER BY version;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        List<int> versions = [];
        while (await reader.ReadAsync()) versions.Add(reader.GetInt32(0));
        return versions;
    }

    private async Task<string?> ScalarAsync(string sql)
    {
        await using var connection = await _db.OpenRawAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }
}
