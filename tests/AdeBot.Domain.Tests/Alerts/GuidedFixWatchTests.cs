using AdeBot.Domain.Alerts;
using static AdeBot.Domain.Tests.Alerts.AlertScenario;

namespace AdeBot.Domain.Tests.Alerts;

/// A guided fix that Graph does not show yet hands the rest to the alert ledger: the next check
/// that sees the fix says so once through the cleared path, and nothing about the problem itself.
public sealed class GuidedFixWatchTests
{
    [Fact]
    public void A_watched_finding_is_never_raised_and_its_fix_is_told_once()
    {
        var expires = Start.AddDays(-3);
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, expires))).Subscribe("admins");

        Assert.Single(scenario.Watch("admins", "Main", AlertTracks.Expiry));
        scenario.Check();
        expires = Start.AddDays(365);
        scenario.Clock.Advance(TimeSpan.FromHours(1));
        scenario.Check();
        scenario.Clock.Advance(TimeSpan.FromHours(1));
        scenario.Check();

        Assert.Equal(["0d01h admins: Cleared Main Expired renewed Critical"], scenario.Log);
    }

    [Fact]
    public void A_finding_the_ledger_holds_already_is_not_recorded_again()
    {
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start.AddDays(-3)))).Subscribe("admins");
        scenario.Check();

        Assert.Empty(scenario.Watch("admins", "Main", AlertTracks.Expiry));
    }

    [Theory]
    [InlineData(AlertScope.CriticalOnly, 20, 0)]
    [InlineData(AlertScope.All, 20, 1)]
    [InlineData(AlertScope.All, 60, 0)]
    public void Only_a_finding_the_conversation_would_hear_of_is_watched(AlertScope scope, int daysLeft, int recorded)
    {
        var scenario = new AlertScenario(now => Snapshot(Ade("Main", now, Start.AddDays(daysLeft)))).Subscribe("admins", scope);

        Assert.Equal(recorded, scenario.Watch("admins", "Main", AlertTracks.Expiry).Count);
    }
}
