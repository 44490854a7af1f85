using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;

namespace AdeBot.Domain.Tests.Alerts;

public sealed class AlertLedgerTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private static readonly FindingId Expiry = new("contoso", TokenKind.Ade, "ade-1", AlertTracks.Expiry);
    private static readonly FindingId Stale = new("contoso", TokenKind.Ade, "ade-1", AlertTracks.SyncStale);

    [Fact]
    public void Recording_a_step_keeps_a_snooze_unless_the_step_ends_it()
    {
        var ledger = AlertLedgerState.Empty
            .Apply([Step(Expiry, "days:14", -14), Step(Stale, "stale:warning", 1)])
            .Snooze([Expiry, Stale], Now.AddDays(7));

        var after = ledger.Apply([Step(Expiry, "days:7", -7), Step(Stale, "stale:critical", 2, endsSnooze: true)]);

        Assert.Equal(Now.AddDays(7), after.Find(Expiry)!.SnoozedUntil);
        Assert.Equal("days:7", after.Find(Expiry)!.Step);
        Assert.Null(after.Find(Stale)!.SnoozedUntil);
    }

    [Fact]
    public void Forgetting_a_finding_drops_it_and_its_snooze()
    {
        var ledger = AlertLedgerState.Empty.Apply([Step(Expiry, "expired:0", 0)]).Snooze([Expiry], Now.AddDays(1));

        var after = ledger.Apply([new ForgetFinding(Expiry)]);

        Assert.Empty(after.Entries);
        Assert.Null(after.Apply([Step(Expiry, "days:30", -30)]).Find(Expiry)!.SnoozedUntil);
    }

    [Fact]
    public void A_snooze_of_a_finding_the_ledger_no_longer_holds_changes_nothing()
    {
        var ledger = AlertLedgerState.Empty.Apply([Step(Expiry, "days:3", -3)]);

        var after = ledger.Snooze([Stale], Now.AddDays(1));

        Assert.Equal(ledger.Entries, after.Entries);
    }

    [Theory]
    [InlineData("contoso|Ade|ade-1|expiry", "contoso", TokenKind.Ade, "ade-1", AlertTracks.Expiry)]
    [InlineData("c0ffee00-0000-4000-8000-000000000001|Vpp|vpp|with|bars|vppState", "c0ffee00-0000-4000-8000-000000000001", TokenKind.Vpp, "vpp|with|bars", AlertTracks.VppState)]
    [InlineData("t|Apns|applePushNotificationCertificate|notConfigured", "t", TokenKind.Apns, "applePushNotificationCertificate", AlertTracks.NotConfigured)]
    public void A_finding_key_from_a_card_reads_back_into_the_finding(string key, string tenantId, TokenKind kind, string tokenId, string track)
    {
        Assert.True(FindingId.TryParse(key, out var finding));
        Assert.Equal(new FindingId(tenantId, kind, tokenId, track), finding);
        Assert.Equal(key, finding.Key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("contoso|Ade|expiry")]
    [InlineData("contoso|Dep|ade-1|expiry")]
    [InlineData("contoso|7|ade-1|expiry")]
    [InlineData("contoso|Ade|ade-1|somethingElse")]
    [InlineData("|Ade|ade-1|expiry")]
    [InlineData("contoso|Ade||expiry")]
    public void A_key_that_is_not_a_finding_is_rejected(string? key)
    {
        Assert.False(FindingId.TryParse(key, out _));
    }

    [Theory]
    [InlineData(ProblemCode.Expired, AlertTracks.Expiry)]
    [InlineData(ProblemCode.ExpiringSoon, AlertTracks.Expiry)]
    [InlineData(ProblemCode.SyncError, AlertTracks.SyncError)]
    [InlineData(ProblemCode.TermsNotAccepted, AlertTracks.SyncError)]
    [InlineData(ProblemCode.AccessDenied, AlertTracks.SyncError)]
    [InlineData(ProblemCode.SyncStale, AlertTracks.SyncStale)]
    [InlineData(ProblemCode.NeverSynced, AlertTracks.NeverSynced)]
    [InlineData(ProblemCode.NotConfigured, AlertTracks.NotConfigured)]
    [InlineData(ProblemCode.InvalidState, AlertTracks.VppState)]
    [InlineData(ProblemCode.SyncFailed, AlertTracks.VppSync)]
    public void Problems_that_follow_one_another_share_a_track(ProblemCode code, string track)
    {
        Assert.Equal(track, AlertTracks.Of(code));
        Assert.True(AlertTracks.IsKnown(track));
    }

    private static RecordStep Step(FindingId finding, string step, int urgency, bool endsSnooze = false) =>
        new(finding, ProblemCode.ExpiringSoon, step, urgency, HealthStatus.Warning, Now, endsSnooze);
}
