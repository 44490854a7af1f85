using Microsoft.Extensions.Logging;
using Npgsql;

namespace AdeBot.Storage.PostgreSql;

/// A PostgreSQL database shared by any number of AdeBot instances: migrates it and hands out
/// pooled connections. Times are unix milliseconds (bigint), as in the SQLite file, so both
/// providers store the same values.
public sealed partial class PostgreSqlDatabase : IStorageDatabase, IAsyncDisposable
{
    /// The advisory lock the instances take while they migrate, so that of several starting at once
    /// one applies the pending steps and the others wait, then find nothing left to do. A
    /// session-level lock: a process that dies while migrating gives it back with its connection.
    internal const long MigrationLockKey = 0x4164_6542_6F74_4D67; // "AdeBotMg"

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgreSqlDatabase> _logger;
    private readonly SemaphoreSlim _initialization = new(1, 1);
    private volatile bool _initialized;

    public PostgreSqlDatabase(string connectionString, TimeProvider time, ILogger<PostgreSqlDatabase> logger)
        : this(NpgsqlDataSource.Create(connectionString), ownsDataSource: true, time, logger)
    {
    }

    /// Over a pool someone else owns and disposes: tests that "restart" the database object many
    /// times need not open a new pool (and new server connections) each time.
    internal PostgreSqlDatabase(NpgsqlDataSource dataSource, bool ownsDataSource, TimeProvider time, ILogger<PostgreSqlDatabase> logger)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        // For logs: where, never who or with which password.
        Server = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _time = time;
        _logger = logger;
    }

    /// Host, port and database, for logs and diagnostics (never the connection string).
    public string Server { get; }

    public static int LatestSchemaVersion => PostgreSqlMigrations.All[^1].Version;

    int IStorageDatabase.LatestSchemaVersion => LatestSchemaVersion;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized) return;

        await _initialization.WaitAsync(cancellationToken);
        try
        {
            if (_initialized) return;

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key);", cancellationToken, P("key", MigrationLockKey));
            try
            {
                await MigrateAsync(connection, cancellationToken);
            }
            finally
            {
                // Not with the caller's token: a cancelled start must still give the lock back
                // before the connection returns to the pool.
                await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key);", CancellationToken.None, P("key", MigrationLockKey));
            }

            LogReady(_logger, Server, LatestSchemaVersion);
            _initialized = true;
        }
        finally
        {
            _initialization.Release();
        }
    }

    private async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version       integer PRIMARY KEY,
                description   text    NOT NULL,
                applied_at_ms bigint  NOT NULL
            );
            """, cancellationToken);

        var applied = await AppliedVersionsAsync(connection, null, cancellationToken);
        if (applied.Count > 0 && applied.Max() > LatestSchemaVersion)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL database {Server} has schema version {applied.Max()}, newer than this AdeBot knows ({LatestSchemaVersion}). Run a newer AdeBot or restore a matching backup.");
        }

        // By what is recorded rather than by the highest number: steps of features landed in a
        // different order than they are numbered are still applied.
        foreach (var migration in PostgreSqlMigrations.All.Where(m => !applied.Contains(m.Version)))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await ExecuteAsync(connection, transaction,
                "INSERT INTO schema_version (version, description, applied_at_ms) VALUES (@version, @description, @now);",
                cancellationToken, P("version", migration.Version), P("description", migration.Description), P("now", _time.GetUtcNow().ToUnixTimeMilliseconds()));
            await transaction.CommitAsync(cancellationToken);
            LogMigrated(_logger, Server, migration.Version, migration.Description);
        }
    }

    public async Task<StorageReadiness> CheckReadinessAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // A lock only a writer may take: a read-only server (a standby, default_transaction_read_only)
            // fails here, not at the next install.
            await ExecuteAsync(connection, transaction, "LOCK TABLE schema_version IN ROW EXCLUSIVE MODE NOWAIT;", cancellationToken);
            var applied = await AppliedVersionsAsync(connection, transaction, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            var missing = PostgreSqlMigrations.All.Count(m => !applied.Contains(m.Version));
            var found = applied.Count == 0 ? 0 : applied.Max();
            return missing == 0 && found == LatestSchemaVersion
                ? new StorageReadiness(true, null)
                : new StorageReadiness(false, $"schema version {found}, this AdeBot needs {LatestSchemaVersion}");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            LogNotReady(_logger, Server, ex);
            return new StorageReadiness(false, "the database cannot be opened or written");
        }
    }

    /// An open connection to a migrated database.
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT version FROM schema_version;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        HashSet<int> versions = [];
        while (await reader.ReadAsync(cancellationToken)) versions.Add(reader.GetInt32(0));
        return versions;
    }

    /// A typed parameter: Npgsql then knows the type of a null too (`@x IS NULL` needs one).
    internal static NpgsqlParameter P<T>(string name, T value) => new NpgsqlParameter<T>(name, value);

    internal static async Task<int> ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<T?> ScalarAsync<T>(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    internal static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    [LoggerMessage(EventId = 6120, Level = LogLevel.Information, Message = "Storage ready: PostgreSQL {Server} at schema version {Version}.")]
    private static partial void LogReady(ILogger logger, string server, int version);

    [LoggerMessage(EventId = 6121, Level = LogLevel.Information, Message = "Storage PostgreSQL {Server} migrated to schema version {Version}: {Description}.")]
    private static partial void LogMigrated(ILogger logger, string server, int version, string description);

    [LoggerMessage(EventId = 6122, Level = LogLevel.Warning, Message = "Storage PostgreSQL {Server} is not ready: it cannot be opened or written.")]
    private static partial void LogNotReady(ILogger logger, string server, Exception exception);
}
