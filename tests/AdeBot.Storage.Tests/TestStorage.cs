using AdeBot.Domain.Alerts;
using AdeBot.Domain.Audit;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Health;
using AdeBot.Domain.Inbox;
using AdeBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Storage.Tests;

/// One provider's database for one test: the store tests are written once against this and run
/// for each provider (a sealed subclass per provider picks it), with the same assertions. `New…`
/// opens the database the way a restarted service would: new database and store objects over the
/// same data.
public abstract class TestStorage : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = TestClock.Start;

    public FakeTimeProvider Clock { get; } = new(Start);

    public abstract IStorageDatabase NewDatabase();

    public abstract IConversationStore NewStore();

    public abstract IInboxStore NewInboxStore();

    public abstract IAuditTrail NewAuditTrail();

    public abstract IConversationContextStore NewConversationContextStore();

    public abstract IGuidedFixStore NewGuidedFixStore();

    public abstract ITenantLeaseStore NewTenantLeaseStore();

    /// A statement on the database as it is, behind the stores' back (a row an older AdeBot wrote, …).
    public abstract Task ExecuteRawAsync(string sql);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public abstract Task DisposeAsync();

    public static StoredConversation Conversation(string tenantId = "contoso", string conversationId = "a:personal-1") =>
        new(tenantId, conversationId, "personal", "msteams", "https://smba.trafficmanager.net/emea/", "28:bot-app-id",
            BotName: "AdeBot", UserId: "29:user", UserAadObjectId: "00000000-0000-0000-0000-0000000000aa", Locale: "en-US");

    public static RecordStep Step(
        FindingId finding, ProblemCode code, string step, int urgency, HealthStatus severity, bool endsSnooze = false, DateTimeOffset? at = null) =>
        new(finding, code, step, urgency, severity, at ?? Start, endsSnooze);
}

/// The store tests of one provider: the storage is made before each test and dropped after it.
public abstract class StoreTests(TestStorage storage) : IAsyncLifetime
{
    protected TestStorage _db = storage;

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();
}
