using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace AdeBot.Storage;

/// The SQLite database file: creates it, migrates it and hands out open connections. Each
/// operation opens its own connection (Microsoft.Data.Sqlite pools them), so the store is safe to
/// use from the alert service and from request handling at once.
public sealed partial class AlertDatabase(string connectionString, TimeProvider time, ILogger<AlertDatabase> logger) : IStorageDatabase
{
    private const string JournalModeWal = "wal";

    private readonly SemaphoreSlim _initialization = new(1, 1);
    private volatile bool _initialized;

    /// The database file, for logs and diagnostics (never the whole connection string).
    public string DataSource { get; } = new SqliteConnectionStringBuilder(connectionString).DataSource;

    public static int LatestSchemaVersion => Migrations.All[^1].Version;

    int IStorageDatabase.LatestSchemaVersion => LatestSchemaVersion;

    /// Creates the file and folder when missing, turns on WAL and applies pending migrations.
    /// Safe to call again and from several processes: each migration runs in a write transaction
    /// that first re-reads the version.
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_initialized) return;

        await _initialization.WaitAsync(cancellationToken);
        try
        {
            if (_initialized) return;

            if (Path.GetDirectoryName(DataSource) is { Length: > 0 } folder) Directory.CreateDirectory(folder);

            await using var connection = await OpenConnectionAsync(cancellationToken);
            var journalMode = await ScalarAsync<string>(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
            if (!string.Equals(journalMode, JournalModeWal, StringComparison.OrdinalIgnoreCase))
            {
                LogNoWal(logger, DataSource, journalMode);
            }

            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_version (
                    version       INTEGER PRIMARY KEY,
                    description   TEXT    NOT NULL,
                    applied_at_ms INTEGER NOT NULL
                );
                """, cancellationToken);

            var found = await SchemaVersionAsync(connection, null, cancellationToken);
            if (found > LatestSchemaVersion)
            {
                throw new InvalidOperationException(
                    $"The database {DataSource} has schema version {found}, newer than this AdeBot knows ({LatestSchemaVersion}). Run a newer AdeBot or restore a matching backup.");
            }

            foreach (var migration in Migrations.All)
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            LogReady(logger, DataSource, LatestSchemaVersion);
            _initialized = true;
        }
        finally
        {
            _initialization.Release();
        }
    }

    /// Whether the database answers, takes a write and carries this AdeBot's schema, for a readiness
    /// probe. `Problem` says which, never the provider's message (that goes to the log).
    public async Task<StorageReadiness> CheckReadinessAsync(CancellationToken cancellationToken)
    {
        // Open connections keep writing to a file deleted under them, and the next start would begin empty.
        if (!File.Exists(DataSource)) return new StorageReadiness(false, "the database file is missing");
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            // The write lock, taken and given back: a full disk or a read-only volume fails here, not at the next install.
            await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
            var version = await SchemaVersionAsync(connection, transaction, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            return version == LatestSchemaVersion
                ? new StorageReadiness(true, null)
                : new StorageReadiness(false, $"schema version {version}, this AdeBot needs {LatestSchemaVersion}");
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LogNotReady(logger, DataSource, ex);
            return new StorageReadiness(false, "the database cannot be opened or written");
        }
    }

    /// An open connection to a migrated database.
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // SQLite's own busy handler waits in short steps for another writer (the inbox, a turn and
            // the alert check write concurrently); without it the provider sleeps 150 ms per retry.
            // NORMAL is durable against a crash of the process in WAL mode; only a power cut can lose
            // the last commits.
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;", cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task ApplyAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        // BeginTransaction takes the write lock at once (BEGIN IMMEDIATE), so two processes starting
        // together cannot both apply the same step.
        await using var transaction = connection.BeginTransaction(IsolationLevel.Serializable);
        if (await AlertDatabase.ScalarAsync<long?>(connection, transaction, "SELECT version FROM schema_version WHERE version = $version;",
                cancellationToken, ("$version", migration.Version)) is not null) return;

        await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await ExecuteAsync(connection, transaction,
            "INSERT INTO schema_version (version, description, applied_at_ms) VALUES ($version, $description, $now);",
            cancellationToken,
            ("$version", migration.Version), ("$description", migration.Description), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds()));
        await transaction.CommitAsync(cancellationToken);
        LogMigrated(logger, DataSource, migration.Version, migration.Description);
    }

    private static async Task<int> SchemaVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken) =>
        (int)await ScalarAsync<long>(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", cancellationToken);

    internal static async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static async Task<T?> ScalarAsync<T>(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Storage ready: {DataSource} at schema version {Version}.")]
    private static partial void LogReady(ILogger logger, string dataSource, int version);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Information, Message = "Storage {DataSource} migrated to schema version {Version}: {Description}.")]
    private static partial void LogMigrated(ILogger logger, string dataSource, int version, string description);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Warning, Message = "Storage {DataSource} is not ready: it cannot be opened or written.")]
    private static partial void LogNotReady(ILogger logger, string dataSource, Exception exception);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Storage {DataSource} runs in journal mode {JournalMode}, not WAL; reads may wait for writes.")]
    private static partial void LogNoWal(ILogger logger, string dataSource, string? journalMode);
}

/// The database's answer to a readiness probe.
public sealed record StorageReadiness(bool Ready, string? Problem);
