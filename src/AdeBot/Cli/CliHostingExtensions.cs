using AdeBot.Storage;

namespace AdeBot.Cli;

public static class CliHostingExtensions
{
    /// Commands print their answer on stdout, so logs go to stderr and only when they matter.
    /// `ask` works on a throwaway database: a question from the terminal must not leave a
    /// conversation behind that the alerts would later try to write to, so it is a scratch SQLite
    /// file even when the bot's own storage is PostgreSQL.
    public static WebApplicationBuilder UseCommandDefaults(this WebApplicationBuilder builder, CliCommand command)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        if (command is AskCommand ask)
        {
            builder.Configuration.AddInMemoryCollection(
            [
                new("Storage:Provider", nameof(StorageProvider.Sqlite)),
                new("Storage:ConnectionString", StorageOptions.DefaultSqliteConnectionString),
                new("Storage:DataPath", ask.ScratchDataPath),
            ]);
        }
        return builder;
    }
}
