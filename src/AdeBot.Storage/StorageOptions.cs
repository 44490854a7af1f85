using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdeBot.Storage;

/// Which database holds the stores. SQLite is a file beside the app and needs nothing installed;
/// PostgreSQL is a server that several AdeBot instances can share.
public enum StorageProvider
{
    Sqlite,
    PostgreSQL,
}

/// Where AdeBot keeps its subscriptions and alert ledger, bound from the `Storage` configuration section.
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultFileName = "adebot.db";

    public const string DefaultSqliteConnectionString = $"Data Source={DefaultFileName}";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// The app's data folder, relative to the content root unless absolute. SQLite only.
    public string DataPath { get; set; } = "data";

    /// For SQLite: a connection string whose relative `Data Source` is a file in DataPath
    /// (`Data Source=adebot.db` when not set). For PostgreSQL: the Npgsql connection string, required.
    public string? ConnectionString { get; set; }

    /// The SQLite connection string to open, with the file placed in the data folder and foreign
    /// keys on (the ledger is deleted with its conversation through them).
    public string ResolveConnectionString(string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString ?? DefaultSqliteConnectionString);
        if (!Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, DataPath, builder.DataSource));
        }

        builder.ForeignKeys = true;
        return builder.ToString();
    }
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    private const string ConnectionStringKey = $"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)}";

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        List<string> errors = [];
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                ValidateSqlite(options, errors);
                break;
            case StorageProvider.PostgreSQL:
                ValidatePostgreSql(options, errors);
                break;
            default:
                errors.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} must be {StorageProvider.Sqlite} or {StorageProvider.PostgreSQL}.");
                break;
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateSqlite(StorageOptions options, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            errors.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.DataPath)} must name a folder.");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? StorageOptions.DefaultSqliteConnectionString);
            // Every operation opens its own connection, so an in-memory database would be empty each time.
            if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            {
                errors.Add($"{ConnectionStringKey} must name a database file.");
            }
            else if (builder.Mode == SqliteOpenMode.ReadOnly)
            {
                errors.Add($"{ConnectionStringKey} must allow writing.");
            }
        }
        catch (ArgumentException)
        {
            // The message could echo a password; name the setting only.
            errors.Add($"{ConnectionStringKey} is not a valid SQLite connection string.");
        }
    }

    private static void ValidatePostgreSql(StorageOptions options, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add($"{ConnectionStringKey} is required when {StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} is {StorageProvider.PostgreSQL} (for example Host=db.example;Database=adebot;Username=adebot).");
            return;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                errors.Add($"{ConnectionStringKey} must name the PostgreSQL server (Host=...).");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            // The message could echo the password; name the setting only.
            errors.Add($"{ConnectionStringKey} is not a valid PostgreSQL connection string.");
        }
    }
}
