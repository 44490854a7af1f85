using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Tests.Health.TokenScenarios;

namespace AdeBot.Domain.Tests.Health;

/// Intune's connector status as the floor of AdeBot's verdict.
public sealed class PortalCrossCheckTests
{
    [Theory]
    // AdeBot's own verdict (from the last sync's age), the portal's, the verdict shown, whether a portal problem is added
    [InlineData(2, PortalHealth.Unhealthy, HealthStatus.Critical, true)]
    [InlineData(2, PortalHealth.Warning, HealthStatus.Warning, true)]
    [InlineData(2, PortalHealth.Healthy, HealthStatus.Healthy, false)]
    [InlineData(2, PortalHealth.Unknown, HealthStatus.Healthy, false)]
    [InlineData(30, PortalHealth.Unhealthy, HealthStatus.Critical, true)]
    [InlineData(30, PortalHealth.Warning, HealthStatus.Warning, false)]
    [InlineData(30, PortalHealth.Healthy, HealthStatus.Warning, false)]
    [InlineData(100, PortalHealth.Unhealthy, HealthStatus.Critical, false)]
    [InlineData(100, PortalHealth.Healthy, HealthStatus.Critical, false)]
    public void A_worse_portal_status_raises_the_token_to_it_and_says_so(int hoursSinceSync, PortalHealth portal, HealthStatus expected, bool portalProblem)
    {
        var snapshot = Snapshot(ade: [Ade("Contoso ABM Main", lastSyncAgo: TimeSpan.FromHours(hoursSinceSync))])
            with { PortalConnectors = [new(TokenKind.Ade, "ADE-CONTOSO ABM MAIN", portal)] };

        var token = Single(Evaluate(snapshot), TokenKind.Ade);

        Assert.Equal(expected, token.Status);
        Assert.Equal(portalProblem, token.Problems.Any(p => p.Code == ProblemCode.PortalUnhealthy));
        if (portalProblem) Assert.Equal(expected, token.Problems.Single(p => p.Code == ProblemCode.PortalUnhealthy).Severity);
    }

    [Fact]
    public void Portal_rows_of_other_tokens_and_kinds_change_nothing()
    {
        var snapshot = Snapshot(ade: [Ade("Contoso ABM Main")], vpp: [Vpp("Contoso VPP")]) with
        {
            PortalConnectors =
            [
                new(TokenKind.Ade, "ade-someone-else", PortalHealth.Unhealthy),
                new(TokenKind.Vpp, "ade-Contoso ABM Main", PortalHealth.Unhealthy),
            ],
        };

        var health = Evaluate(snapshot);

        Assert.All(health.Tokens.Where(t => t.Kind == TokenKind.Ade), t => Assert.Equal(HealthStatus.Healthy, t.Status));
    }

    [Fact]
    public void The_push_certificate_is_matched_without_an_instance_id_and_the_worst_row_counts()
    {
        var snapshot = Snapshot() with
        {
            PortalConnectors = [new(TokenKind.Apns, null, PortalHealth.Warning), new(TokenKind.Apns, "", PortalHealth.Unhealthy)],
        };

        var apns = Single(Evaluate(snapshot), TokenKind.Apns);

        Assert.Equal(HealthStatus.Critical, apns.Status);
        Assert.Equal(ProblemCode.PortalUnhealthy, Assert.Single(apns.Problems).Code);
    }
}
