using System.Text.Json.Nodes;
using AdeBot.Cli;
using AdeBot.Domain.Audit;
using AdeBot.Testing;
using AdeBot.Tests.Conversations;
using AdeBot.Tests.Infrastructure;

namespace AdeBot.Tests.Audit;

/// `audit` on the bot's own services: what the questions of a chat left in the trail, as JSON
/// lines and as a table, filtered by tenant and time.
public sealed class AuditCommandTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    private const string Asker = "5a000000-0000-0000-0000-0000000000b2";

    [Fact]
    public async Task Audit_json_lists_one_line_per_question_with_tenant_asker_intent_and_outcome()
    {
        var tenantId = Guid.NewGuid().ToString();
        var chat = new TeamsChat(host, tenantId: tenantId, userAadObjectId: Asker);
        await chat.SayAsync("are my ADE tokens healthy?");
        await chat.SayAsync("чи все гаразд з маркерами ADE?", "uk-UA");
        await AuditTrailTests.WaitForEntriesAsync(host.Get<IAuditTrail>(), tenantId, count: 4);

        var (exitCode, stdout) = await RunAsync(new AuditCommand(tenantId, since: null, json: true));

        Assert.Equal(0, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        // TeamsChat settles each question with a "thanks" of its own, which is a question too.
        Assert.Equal(["Health", "Thanks", "Health", "Thanks"], lines.Select(line => (string?)line["action"]));
        Assert.All(lines, line =>
        {
            Assert.Equal(tenantId, (string?)line["tenant"], ignoreCase: true);
            Assert.Equal(Asker, (string?)line["asker"]);
            Assert.Equal(chat.ConversationId, (string?)line["conversation"]);
            Assert.Equal("question", (string?)line["kind"]);
            Assert.Equal("answered", (string?)line["outcome"]);
            Assert.False(string.IsNullOrEmpty((string?)line["turnId"]));
            Assert.NotNull(line["at"]);
            Assert.IsType<JsonArray>(line["subjects"]);
            Assert.DoesNotContain("гаразд", line.ToJsonString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Since_keeps_the_entries_from_that_moment_on_and_the_table_names_them()
    {
        var trail = host.Get<IAuditTrail>();
        var tenantId = Guid.NewGuid().ToString();
        var since = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await trail.RecordAsync(Entry(tenantId, since.AddMinutes(-1), "Snooze"), TestTimeout.Token);
        await trail.RecordAsync(Entry(tenantId, since, "CheckAgain"), TestTimeout.Token);
        await trail.RecordAsync(Entry(tenantId, since.AddDays(1), "Details"), TestTimeout.Token);
        await trail.RecordAsync(Entry(Guid.NewGuid().ToString(), since.AddDays(1), "OtherTenant"), TestTimeout.Token);

        var (exitCode, table) = await RunAsync(new AuditCommand(tenantId, since, json: false));

        Assert.Equal(0, exitCode);
        var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("When (UTC)", rows[0], StringComparison.Ordinal);
        Assert.Equal(3, rows.Length);
        Assert.Contains("2026-11-01 00:00:00", rows[1], StringComparison.Ordinal);
        Assert.Contains("CheckAgain", rows[1], StringComparison.Ordinal);
        Assert.Contains("Details", rows[2], StringComparison.Ordinal);
        Assert.Contains("ABC123, DMPXK2ABCD18", rows[2], StringComparison.Ordinal);
        Assert.DoesNotContain("Snooze", table, StringComparison.Ordinal);
        Assert.DoesNotContain("OtherTenant", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_without_entries_says_so()
    {
        var tenantId = Guid.NewGuid().ToString();

        var (exitCode, stdout) = await RunAsync(new AuditCommand(tenantId, since: null, json: false));

        Assert.Equal(0, exitCode);
        Assert.Equal($"No audit entries for tenant {tenantId}.", stdout.Trim());
    }

    private async Task<(int ExitCode, string Stdout)> RunAsync(AuditCommand command)
    {
        var stdout = new StringWriter();
        var exitCode = await command.RunAsync(host.Services, stdout, new StringWriter(), TestTimeout.Token);
        return (exitCode, stdout.ToString());
    }

    private static AuditEntry Entry(string tenantId, DateTimeOffset at, string action) =>
        new(at, tenantId, Asker, "a:conversation", AuditKind.CardAction, action, ["ABC123", "DMPXK2ABCD18"], "answered");
}
