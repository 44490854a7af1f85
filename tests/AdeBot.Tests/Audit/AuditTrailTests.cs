using AdeBot.Testing;
using AdeBot.Domain.Audit;
using AdeBot.Tests.Conversations;
using AdeBot.Tests.Infrastructure;

namespace AdeBot.Tests.Audit;

public sealed class AuditTrailTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    [Fact]
    public async Task Every_question_is_recorded_with_tenant_asker_conversation_intent_and_outcome_but_not_its_text()
    {
        var tenantId = Guid.NewGuid().ToString();
        var chat = new TeamsChat(host, tenantId: tenantId, userAadObjectId: "5a000000-0000-0000-0000-0000000000a1");
        await chat.SayAsync("are my ADE tokens healthy?");
        await chat.SayAsync("ovatko ADE-tunnukset kunnossa?", "fi-FI");

        var trail = host.Get<IAuditTrail>();
        // TeamsChat settles each question with a "thanks" of its own, which is a question too.
        var entries = await WaitForEntriesAsync(trail, tenantId, count: 4);
        Assert.Equal(["Health", "Thanks", "Health", "Thanks"], entries.Select(e => e.Action));

        Assert.All(entries, entry =>
        {
            Assert.Equal(AuditKind.Question, entry.Kind);
            Assert.Equal(tenantId, entry.TenantId, ignoreCase: true);
            Assert.Equal("5a000000-0000-0000-0000-0000000000a1", entry.UserAadObjectId);
            Assert.Equal(chat.StoredConversationId, entry.ConversationId);
            Assert.Equal("answered", entry.Outcome);
            Assert.False(string.IsNullOrEmpty(entry.TurnId));
            Assert.DoesNotContain(entry.Subjects, subject => subject.Contains("healthy", StringComparison.OrdinalIgnoreCase) || subject.Contains("kunnossa", StringComparison.OrdinalIgnoreCase));
        });
        Assert.Equal(4, entries.Select(e => e.TurnId).Distinct().Count());
    }

    [Fact]
    public async Task Trimming_removes_the_entries_before_the_cutoff_and_keeps_the_rest()
    {
        var trail = host.Get<IAuditTrail>();
        var tenantId = Guid.NewGuid().ToString();
        var cutoff = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await trail.RecordAsync(Entry(tenantId, cutoff.AddDays(-1), "old"), TestTimeout.Token);
        await trail.RecordAsync(Entry(tenantId, cutoff.AddDays(1), "new"), TestTimeout.Token);

        Assert.True(await trail.TrimAsync(cutoff, TestTimeout.Token) >= 1);

        var left = await trail.ListAsync(new AuditQuery(tenantId), TestTimeout.Token);
        Assert.Equal(["new"], left.Select(e => e.Action));
    }

    private static AuditEntry Entry(string tenantId, DateTimeOffset at, string action) =>
        new(at, tenantId, null, "a:conversation", AuditKind.CardAction, action, ["token-1"], "answered");

    // The entry is written when the turn ends, just after its last reply went out.
    internal static async Task<IReadOnlyList<AuditEntry>> WaitForEntriesAsync(IAuditTrail trail, string tenantId, int count)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entries = await trail.ListAsync(new AuditQuery(tenantId), TestTimeout.Token);
            if (entries.Count >= count || attempt == 200) return entries.Count == count ? entries : throw new Xunit.Sdk.XunitException($"{entries.Count} audit entries, expected {count}: {string.Join("; ", entries)}");
            await Task.Delay(50, TestTimeout.Token);
        }
    }
}
