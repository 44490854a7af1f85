using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Storage.Tests;

/// A real SQLite database file in a fresh temp folder. `NewStore` opens it the way a restarted
/// service would: new database and store objects over the same file.
public sealed class TempDatabase : IDisposable
{
    public static readonly DateTimeOffset Start = TestClock.Start;

    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"adebot-storage-{Guid.NewGuid():N}");
        ConnectionString = new StorageOptions().ResolveConnectionString(Folder);
    }

    public string Folder { get; }

    public string ConnectionString { get; }

    public string FilePath => Path.Combine(Folder, "data", StorageOptions.DefaultFileName);

    public FakeTimeProvider Clock { get; } = new(Start);

    public AlertDatabase NewDatabase() => new(ConnectionString, Clock, NullLogger<AlertDatabase>.Instance);

    public SqliteAlertStore NewStore() => new(NewDatabase(), Clock);

    public SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public static StoredConversation Conversation(string tenantId = "contoso", string conversationId = "a:personal-1") =>
        new(tenantId, conversationId, "personal", "msteams", "https://smba.trafficmanager.net/emea/", "28:bot-app-id",
            BotName: "AdeBot", UserId: "29:user", UserAadObjectId: "00000000-0000-0000-0000-0000000000aa", Locale: "en-US");

    public static RecordStep Step(
        FindingId finding, ProblemCode code, string step, int urgency, HealthStatus severity, bool endsSnooze = false, DateTimeOffset? at = null) =>
        new(finding, code, step, urgency, severity, at ?? Start, endsSnooze);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}
