using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AdeBot.Storage;

/// Where AdeBot keeps its subscriptions and alert ledger, bound from the `Storage` configuration section.
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultFileName = "adebot.db";

    /// The app's data folder, relative to the content root unless absolute.
    public string DataPath { get; set; } = "data";

    /// A SQLite connection string. A relative `Data Source` is a file in DataPath.
    public string ConnectionString { get; set; } = $"Data Source={DefaultFileName}";

    /// The connection string to open, with the file placed in the data folder and foreign keys on
    /// (the ledger is deleted with its conversation through them).
    public string ResolveConnectionString(string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(ConnectionString);
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
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        List<string> errors = [];
        if (string.IsNullOrWhiteSpace(options.DataPath))
        {
            errors.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.DataPath)} must name a folder.");
        }

        try
        {
            var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
            // Every operation opens its own connection, so an in-memory database would be empty each time.
            if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
            {
                errors.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} must name a database file.");
            }
            else if (builder.Mode == SqliteOpenMode.ReadOnly)
            {
                errors.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} must allow writing.");
            }
        }
        catch (ArgumentException)
        {
            // The message could echo a password of a later server database; name the setting only.
            errors.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} is not a valid SQLite connection string.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
