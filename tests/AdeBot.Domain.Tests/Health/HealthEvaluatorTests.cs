using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Tests.Health.TokenScenarios;

namespace AdeBot.Domain.Tests.Health;

public sealed class HealthEvaluatorTests
{
    private const long Day = 86_400;
    private const long Hour = 3_600;

    [Theory]
    [InlineData(31 * Day, HealthStatus.Healthy, null, null)]
    [InlineData(30 * Day + 1, HealthStatus.Healthy, null, null)]
    [InlineData(30 * Day, HealthStatus.Warning, ProblemCode.ExpiringSoon, 30)]
    [InlineData(30 * Day - 1, HealthStatus.Warning, ProblemCode.ExpiringSoon, 29)]
    [InlineData(7 * Day + 1, HealthStatus.Warning, ProblemCode.ExpiringSoon, 7)]
    [InlineData(7 * Day, HealthStatus.Critical, ProblemCode.ExpiringSoon, 7)]
    [InlineData(7 * Day - 1, HealthStatus.Critical, ProblemCode.ExpiringSoon, 6)]
    [InlineData(1, HealthStatus.Critical, ProblemCode.ExpiringSoon, 0)]
    [InlineData(0, HealthStatus.Critical, ProblemCode.Expired, 0)]
    [InlineData(-1, HealthStatus.Critical, ProblemCode.Expired, 0)]
    [InlineData(-(12 * Day + 12 * Hour), HealthStatus.Critical, ProblemCode.Expired, -12)]
    [InlineData(-400 * Day, HealthStatus.Critical, ProblemCode.Expired, -400)]
    public void Ade_expiry_thresholds(long secondsLeft, HealthStatus expected, ProblemCode? code, int? daysLeft)
    {
        var token = Single(Evaluate(Snapshot(ade: [Ade(expiresIn: TimeSpan.FromSeconds(secondsLeft))])), TokenKind.Ade);

        Assert.Equal(expected, token.Status);
        AssertOnlyProblem(token, code, expected, p => Assert.Equal(daysLeft, p.DaysLeft));
    }

    [Theory]
    [InlineData(23 * Hour, HealthStatus.Healthy, null)]
    [InlineData(24 * Hour, HealthStatus.Healthy, null)]
    [InlineData(24 * Hour + 1, HealthStatus.Warning, 24)]
    [InlineData(72 * Hour - 1, HealthStatus.Warning, 71)]
    [InlineData(72 * Hour, HealthStatus.Critical, 72)]
    [InlineData(72 * Hour + 1, HealthStatus.Critical, 72)]
    [InlineData(30 * Day, HealthStatus.Critical, 720)]
    public void Ade_sync_staleness_thresholds(long secondsSinceSync, HealthStatus expected, int? hours)
    {
        var token = Single(Evaluate(Snapshot(ade: [Ade(lastSyncAgo: TimeSpan.FromSeconds(secondsSinceSync))])), TokenKind.Ade);

        Assert.Equal(expected, token.Status);
        AssertOnlyProblem(token, hours is null ? null : ProblemCode.SyncStale, expected, p => Assert.Equal(hours, p.HoursSinceSync));
    }

    [Theory]
    // Uploaded just now (expires in a year): young, so a warning until a sync had time to happen.
    [InlineData(365 * Day, false, HealthStatus.Warning)]
    [InlineData(365 * Day - 71 * Hour, false, HealthStatus.Warning)]
    [InlineData(365 * Day - 72 * Hour, false, HealthStatus.Critical)]
    [InlineData(100 * Day, false, HealthStatus.Critical)]
    [InlineData(0, true, HealthStatus.Critical)]
    public void Never_synced_token_is_a_problem_that_grows_critical_with_age(long secondsLeft, bool noExpiry, HealthStatus expected)
    {
        var token = Single(Evaluate(Snapshot(ade: [Ade(expiresIn: TimeSpan.FromSeconds(secondsLeft), neverSynced: true, noExpiry: noExpiry)])), TokenKind.Ade);

        Assert.Equal(expected, token.Status);
        AssertOnlyProblem(token, ProblemCode.NeverSynced, expected, p => Assert.Null(p.HoursSinceSync));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0, null)]
    [InlineData(3, ProblemCode.TermsNotAccepted)]
    [InlineData(7, ProblemCode.SyncError)]
    [InlineData(1, ProblemCode.SyncError)]
    [InlineData(-5, ProblemCode.SyncError)]
    [InlineData(98765, ProblemCode.SyncError)]
    public void Sync_error_codes_map_only_what_is_configured(int? errorCode, ProblemCode? expected)
    {
        var token = Single(Evaluate(Snapshot(ade: [Ade(errorCode: errorCode)])), TokenKind.Ade);

        AssertOnlyProblem(token, expected, HealthStatus.Critical, p => Assert.Equal(errorCode, p.ErrorCode));
    }

    [Theory]
    [InlineData(3, "syncError", ProblemCode.SyncError)]
    [InlineData(7, "accessDenied", ProblemCode.AccessDenied)]
    [InlineData(7, "AccessDenied", ProblemCode.AccessDenied)]
    [InlineData(8, "termsNotAccepted", ProblemCode.TermsNotAccepted)]
    public void Configured_sync_error_mappings_are_honoured(int code, string meaning, ProblemCode expected)
    {
        var options = new HealthRulesOptions();
        options.KnownSyncErrorCodes[code] = meaning;

        var token = Single(Evaluate(Snapshot(ade: [Ade(errorCode: code)]), options), TokenKind.Ade);

        AssertOnlyProblem(token, expected, HealthStatus.Critical, p => Assert.Equal(code, p.ErrorCode));
    }

    [Theory]
    [InlineData(null, HealthStatus.Critical, ProblemCode.NotConfigured, null)]
    [InlineData(-3 * Day, HealthStatus.Critical, ProblemCode.Expired, -3)]
    [InlineData(5 * Day, HealthStatus.Critical, ProblemCode.ExpiringSoon, 5)]
    [InlineData(20 * Day, HealthStatus.Warning, ProblemCode.ExpiringSoon, 20)]
    [InlineData(100 * Day, HealthStatus.Healthy, null, null)]
    public void Apns_certificate(long? secondsLeft, HealthStatus expected, ProblemCode? code, int? daysLeft)
    {
        var snapshot = secondsLeft is { } s ? Snapshot(apns: Apns(TimeSpan.FromSeconds(s))) : Snapshot(apnsMissing: true);

        var apns = Single(Evaluate(snapshot), TokenKind.Apns);

        Assert.Equal(HealthEvaluator.ApnsTokenId, apns.Id);
        Assert.Equal(expected, apns.Status);
        AssertOnlyProblem(apns, code, expected, p => Assert.Equal(daysLeft, p.DaysLeft));
    }

    [Theory]
    [InlineData("valid", null)]
    [InlineData("Valid", null)]
    [InlineData("expired", "expired")]
    [InlineData("invalid", "invalid")]
    [InlineData("assignedToExternalMDM", "assignedToExternalMDM")]
    [InlineData("duplicateLocationId", "duplicateLocationId")]
    [InlineData("unknown", "unknown")]
    [InlineData("someStateGraphAddsIn2027", "someStateGraphAddsIn2027")]
    public void Vpp_state_other_than_valid_is_critical(string state, string? expectedState)
    {
        var vpp = Single(Evaluate(Snapshot(vpp: [Vpp(state: state)])), TokenKind.Vpp);

        AssertOnlyProblem(vpp, expectedState is null ? null : ProblemCode.InvalidState, HealthStatus.Critical, p => Assert.Equal(expectedState, p.State));
    }

    [Fact]
    public void Vpp_expired_by_date_and_state_is_reported_once()
    {
        var vpp = Single(Evaluate(Snapshot(vpp: [Vpp(expiresIn: TimeSpan.FromDays(-2), state: "expired")])), TokenKind.Vpp);

        AssertOnlyProblem(vpp, ProblemCode.Expired, HealthStatus.Critical, p => Assert.Equal(-2, p.DaysLeft));
    }

    [Theory]
    [InlineData("completed", null)]
    [InlineData("none", null)]
    [InlineData("inProgress", null)]
    [InlineData("failed", ProblemCode.SyncFailed)]
    [InlineData("Failed", ProblemCode.SyncFailed)]
    public void Vpp_failed_sync_is_critical(string lastSyncStatus, ProblemCode? expected)
    {
        var vpp = Single(Evaluate(Snapshot(vpp: [Vpp(lastSyncStatus: lastSyncStatus)])), TokenKind.Vpp);

        AssertOnlyProblem(vpp, expected, HealthStatus.Critical, p => Assert.Equal(5, p.HoursSinceSync));
    }

    [Theory]
    [InlineData(5 * Day, HealthStatus.Critical)]
    [InlineData(7 * Day, HealthStatus.Critical)]
    [InlineData(7 * Day + 1, HealthStatus.Warning)]
    [InlineData(30 * Day, HealthStatus.Warning)]
    [InlineData(30 * Day + 1, HealthStatus.Healthy)]
    public void Vpp_expiry_uses_the_same_thresholds(long secondsLeft, HealthStatus expected)
    {
        var vpp = Single(Evaluate(Snapshot(vpp: [Vpp(expiresIn: TimeSpan.FromSeconds(secondsLeft))])), TokenKind.Vpp);

        Assert.Equal(expected, vpp.Status);
    }

    [Fact]
    public void Thresholds_come_from_options()
    {
        var options = new HealthRulesOptions { ExpiryWarningDays = 60, ExpiryCriticalDays = 14, SyncWarningHours = 48, SyncCriticalHours = 96 };
        var health = Evaluate(Snapshot(ade:
        [
            Ade("a", expiresIn: TimeSpan.FromDays(45)),
            Ade("b", expiresIn: TimeSpan.FromDays(10)),
            Ade("c", lastSyncAgo: TimeSpan.FromHours(30)),
            Ade("d", lastSyncAgo: TimeSpan.FromHours(50)),
        ]), options);

        Assert.Equal(HealthStatus.Warning, health.Tokens.Single(t => t.Name == "a").Status);
        Assert.Equal(HealthStatus.Critical, health.Tokens.Single(t => t.Name == "b").Status);
        Assert.Equal(HealthStatus.Healthy, health.Tokens.Single(t => t.Name == "c").Status);
        Assert.Equal(HealthStatus.Warning, health.Tokens.Single(t => t.Name == "d").Status);
    }

    [Fact]
    public void Token_status_is_its_worst_problem_and_problems_are_ordered_worst_first()
    {
        var token = Single(Evaluate(Snapshot(ade: [Ade(expiresIn: TimeSpan.FromDays(20), lastSyncAgo: TimeSpan.FromHours(80), errorCode: 7)])), TokenKind.Ade);

        Assert.Equal(HealthStatus.Critical, token.Status);
        Assert.Equal([ProblemCode.SyncError, ProblemCode.SyncStale, ProblemCode.ExpiringSoon], token.Problems.Select(p => p.Code));
        Assert.Equal([HealthStatus.Critical, HealthStatus.Critical, HealthStatus.Warning], token.Problems.Select(p => p.Severity));
    }

    [Theory]
    [InlineData(200, 2, "valid", HealthStatus.Healthy)]
    [InlineData(20, 2, "valid", HealthStatus.Warning)]
    [InlineData(200, 30, "valid", HealthStatus.Warning)]
    [InlineData(200, 2, "invalid", HealthStatus.Critical)]
    [InlineData(-1, 2, "valid", HealthStatus.Critical)]
    public void Tenant_roll_up_is_the_worst_token(int adeDaysLeft, int adeHoursSinceSync, string vppState, HealthStatus expected)
    {
        var health = Evaluate(Snapshot(
            ade: [Ade("healthy one"), Ade("under test", expiresIn: TimeSpan.FromDays(adeDaysLeft), lastSyncAgo: TimeSpan.FromHours(adeHoursSinceSync))],
            vpp: [Vpp(state: vppState)]));

        Assert.Equal(expected, health.Status);
        Assert.Equal(expected, HealthEvaluator.Worst(health.Tokens.Select(t => t.Status)));
    }

    [Fact]
    public void Worst_of_nothing_is_healthy() => Assert.Equal(HealthStatus.Healthy, HealthEvaluator.Worst([]));

    [Fact]
    public void Tenant_without_tokens_but_missing_apns_is_critical()
    {
        var health = Evaluate(Snapshot(apnsMissing: true));

        Assert.Equal(HealthStatus.Critical, health.Status);
        Assert.Equal(TokenKind.Apns, Assert.Single(health.Tokens).Kind);
    }

    [Fact]
    public void Tokens_are_sorted_worst_first_then_soonest_expiry_then_name()
    {
        var health = Evaluate(Snapshot(
            ade:
            [
                Ade("zeta healthy", expiresIn: TimeSpan.FromDays(100)),
                Ade("beta warning late", expiresIn: TimeSpan.FromDays(25)),
                Ade("alpha warning early", expiresIn: TimeSpan.FromDays(15)),
                Ade("gamma critical", expiresIn: TimeSpan.FromDays(3)),
                Ade("Alpha healthy same expiry", expiresIn: TimeSpan.FromDays(100)),
            ],
            vpp: [Vpp("vpp invalid", state: "invalid", expiresIn: TimeSpan.FromDays(300))],
            apns: Apns(TimeSpan.FromDays(250))));

        Assert.Equal(
            ["gamma critical", "vpp invalid", "alpha warning early", "beta warning late", "Alpha healthy same expiry", "zeta healthy", HealthEvaluator.ApnsTokenName],
            health.Tokens.Select(t => t.Name));
    }

    [Fact]
    public void Evaluation_carries_token_facts_and_snapshot_identity()
    {
        var snapshot = Snapshot(ade: [Ade(program: AppleProgram.SchoolManager)], vpp: [Vpp(accountType: "education")]);

        var health = Evaluate(snapshot);

        Assert.Equal(("contoso", SnapshotSource.Sample, Now), (health.TenantId, health.Source, health.AsOf));
        var ade = Single(health, TokenKind.Ade);
        Assert.Equal(("ade-Contoso ABM", "it-apple@contoso.example", AppleProgram.SchoolManager), (ade.Id, ade.AppleId, ade.Program));
        Assert.Equal(AppleProgram.SchoolManager, Single(health, TokenKind.Vpp).Program);
    }

    private static void AssertOnlyProblem(TokenHealth token, ProblemCode? code, HealthStatus severity, Action<Problem> facts)
    {
        if (code is null)
        {
            Assert.Empty(token.Problems);
            Assert.Equal(HealthStatus.Healthy, token.Status);
            return;
        }

        var problem = Assert.Single(token.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(severity, problem.Severity);
        facts(problem);
    }
}
