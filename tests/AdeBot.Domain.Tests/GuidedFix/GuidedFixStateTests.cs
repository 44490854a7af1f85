using AdeBot.Domain.Alerts;
using AdeBot.Domain.GuidedFix;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;

namespace AdeBot.Domain.Tests.GuidedFix;

public sealed class GuidedFixStateTests
{
    private static readonly DateTimeOffset Now = TestClock.Start;

    private static GuidedFixState At(int step, GuidedFixStage stage = GuidedFixStage.Step) =>
        GuidedFixState.Start(new GuidedFixKey(new ConversationKey("contoso", "a:1"), "a:1"),
            new GuidedFixSubject(RemediationTopic.AdeExpired, "Main") { TokenKind = TokenKind.Ade, TokenId = "ade-1", Problem = ProblemCode.Expired }, Now)
        with { Step = step, Stage = stage };

    [Theory]
    // stored step, stage, the step the clicked card showed, steps, → stage, step
    [InlineData(0, GuidedFixStage.Step, 0, 6, GuidedFixStage.Step, 1)]
    [InlineData(4, GuidedFixStage.Step, 4, 6, GuidedFixStage.Step, 5)]
    [InlineData(5, GuidedFixStage.Step, 5, 6, GuidedFixStage.Verifying, 5)]
    [InlineData(0, GuidedFixStage.Step, 0, 1, GuidedFixStage.Verifying, 0)]
    // A card of another step (double click, scrolled back): the stored step again, nothing skipped.
    [InlineData(3, GuidedFixStage.Step, 1, 6, GuidedFixStage.Step, 3)]
    [InlineData(3, GuidedFixStage.Stuck, 2, 6, GuidedFixStage.Step, 3)]
    // Done from the stuck card of the step on screen: the next step.
    [InlineData(3, GuidedFixStage.Stuck, 3, 6, GuidedFixStage.Step, 4)]
    [InlineData(5, GuidedFixStage.Verifying, 5, 6, GuidedFixStage.Verifying, 5)]
    public void Done_moves_to_the_next_step_or_to_verification_after_the_last(int step, GuidedFixStage stage, int clicked, int steps, GuidedFixStage expectedStage, int expectedStep)
    {
        var done = At(step, stage).Done(clicked, steps, Now.AddMinutes(1));

        Assert.Equal((expectedStage, expectedStep), (done.Stage, done.Step));
        Assert.Equal(Now.AddMinutes(1), done.UpdatedAt);
    }

    [Fact]
    public void Each_stuck_click_counts_and_done_on_the_next_step_starts_over()
    {
        var stuck = At(2).Stuck(Now).Stuck(Now);

        Assert.Equal((GuidedFixStage.Stuck, 2), (stuck.Stage, stuck.StuckCount));
        Assert.Equal(0, stuck.Done(2, 6, Now).StuckCount);
    }

    [Theory]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public void A_fix_expires_when_idle_longer_than_the_idle_time(int idleMinutes, bool expired) =>
        Assert.Equal(expired, At(0).IsExpired(Now.AddMinutes(idleMinutes), TimeSpan.FromMinutes(60)));

    [Theory]
    // the token's problems now, → outcome
    [InlineData(new ProblemCode[0], VerificationOutcome.Fixed)]
    [InlineData(new[] { ProblemCode.ExpiringSoon }, VerificationOutcome.NotYet)]
    [InlineData(new[] { ProblemCode.SyncStale }, VerificationOutcome.Fixed)]
    public void A_token_counts_as_fixed_when_no_problem_is_left_on_the_tracks_alerts_follow(ProblemCode[] problems, VerificationOutcome outcome)
    {
        var subject = At(0).Subject;
        var token = new TokenHealth(TokenKind.Ade, "ade-1", "Main", null, AppleProgram.BusinessManager, Now.AddDays(10), Now, HealthStatus.Warning,
            [.. problems.Select(p => new Problem(p, HealthStatus.Warning))]);

        Assert.Equal(outcome, FixVerification.Of(subject, new TenantHealth("contoso", SnapshotSource.Graph, Now, HealthStatus.Warning, [token])).Outcome);
    }

    [Fact]
    public void A_token_gone_from_the_tenant_has_nothing_left_to_verify() =>
        Assert.Equal(VerificationOutcome.TokenGone, FixVerification.Of(At(0).Subject, new TenantHealth("contoso", SnapshotSource.Graph, Now, HealthStatus.Healthy, [])).Outcome);
}
