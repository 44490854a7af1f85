using AdeBot.Domain.Alerts;
using AdeBot.Domain.Audit;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Inbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdeBot.Storage.Tests;

/// A real SQLite database file in a fresh temp folder.
public sealed class TempDatabase : TestStorage, IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"adebot-storage-{Guid.NewGuid():N}");
        ConnectionString = new StorageOptions().ResolveConnectionString(Folder);
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public string FilePath => Path.Combine(Folder, "data", StorageOptions.DefaultFileName);

    public override AlertDatabase NewDatabase() => new(ConnectionString, Clock, NullLogger<AlertDatabase>.Instance);

    public override SqliteAlertStore NewStore() => new(NewDatabase(), Clock);

    public override IInboxStore NewInboxStore() => new SqliteInboxStore(NewDatabase(), Clock);

    public override IAuditTrail NewAuditTrail() => new SqliteAuditTrail(NewDatabase());

    public override IGuidedFixStore NewGuidedFixStore() => new SqliteGuidedFixStore(NewDatabase());

    public override ITenantLeaseStore NewTenantLeaseStore() => new SqliteTenantLeaseStore(NewDatabase(), Clock);

    public override IConversationContextStore NewConversationContextStore() => new SqliteConversationContextStore(NewDatabase());

    public override Task ExecuteRawAsync(string sql)
    {
        using var connection = OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
