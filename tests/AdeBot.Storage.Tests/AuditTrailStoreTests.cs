using AdeBot.Domain.Audit;
using static AdeBot.Storage.Tests.TestStorage;

namespace AdeBot.Storage.Tests;

/// The audit trail on a real database: entries read back as recorded, oldest first, by tenant
/// whatever its letter case and from a moment on, and trimmed before a cutoff.
public abstract class AuditTrailStoreTests(TestStorage storage) : StoreTests(storage)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_entry_reads_back_as_it_was_recorded_after_a_restart()
    {
        var entry = Entry(Start, "c0ffee00-aaaa-4000-8000-000000000001", "status", ["ade-1", "vpp-1"]) with { TurnId = "turn-1" };
        await _db.NewAuditTrail().RecordAsync(entry, None);
        await _db.NewAuditTrail().RecordAsync(Entry(Start, "fabrikam", "help", []) with { UserAadObjectId = null }, None);

        var listed = await _db.NewAuditTrail().ListAsync(new AuditQuery(), None);

        Assert.Equal(2, listed.Count);
        Assert.Equal(entry with { Subjects = null! }, listed[0] with { Subjects = null! });
        Assert.Equal(["ade-1", "vpp-1"], listed[0].Subjects);
        Assert.Null(listed[1].UserAadObjectId);
        Assert.Empty(listed[1].Subjects);
    }

    [Fact]
    public async Task Listing_filters_by_tenant_in_any_letter_case_and_by_time_oldest_first()
    {
        var trail = _db.NewAuditTrail();
        await trail.RecordAsync(Entry(Start.AddMinutes(2), "C0FFEE00-AAAA-4000-8000-000000000001", "third", []), None);
        await trail.RecordAsync(Entry(Start, "c0ffee00-aaaa-4000-8000-000000000001", "first", []), None);
        await trail.RecordAsync(Entry(Start.AddMinutes(1), "fabrikam", "other tenant", []), None);
        await trail.RecordAsync(Entry(Start.AddMinutes(1), "c0ffee00-aaaa-4000-8000-000000000001", "second", []), None);

        var tenant = await trail.ListAsync(new AuditQuery("C0ffee00-AAAA-4000-8000-000000000001"), None);
        var since = await trail.ListAsync(new AuditQuery(Since: Start.AddMinutes(1)), None);

        Assert.Equal(["first", "second", "third"], tenant.Select(e => e.Action));
        Assert.All(tenant, e => Assert.Equal("c0ffee00-aaaa-4000-8000-000000000001", e.TenantId));
        Assert.Equal(["other tenant", "second", "third"], since.Select(e => e.Action));
    }

    [Fact]
    public async Task Trimming_removes_the_entries_before_the_cutoff_only()
    {
        var trail = _db.NewAuditTrail();
        await trail.RecordAsync(Entry(Start, "contoso", "old", []), None);
        await trail.RecordAsync(Entry(Start.AddDays(91), "contoso", "kept", []), None);

        Assert.Equal(1, await trail.TrimAsync(Start.AddDays(90), None));

        Assert.Equal(["kept"], (await trail.ListAsync(new AuditQuery(), None)).Select(e => e.Action));
    }

    private static AuditEntry Entry(DateTimeOffset at, string tenantId, string action, IReadOnlyList<string> subjects) =>
        new(at, tenantId, "00000000-0000-0000-0000-0000000000aa", "a:personal-1", AuditKind.Question, action, subjects, "answered");
}

public sealed class SqliteAuditTrailStoreTests() : AuditTrailStoreTests(new TempDatabase());

public sealed class PostgreSqlAuditTrailStoreTests() : AuditTrailStoreTests(new TempPostgreSqlDatabase());
