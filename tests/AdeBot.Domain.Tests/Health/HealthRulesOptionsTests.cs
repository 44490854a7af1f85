using AdeBot.Domain.Health;

namespace AdeBot.Domain.Tests.Health;

public sealed class HealthRulesOptionsTests
{
    [Fact]
    public void Defaults_are_the_ones_the_readme_lists()
    {
        var options = new HealthRulesOptions();

        Assert.Equal((30, 7, 24, 72), (options.ExpiryWarningDays, options.ExpiryCriticalDays, options.SyncWarningHours, options.SyncCriticalHours));
        Assert.Equal("termsNotAccepted", Assert.Single(options.KnownSyncErrorCodes, kv => kv.Key == 3).Value);
        Assert.Equal("Health", HealthRulesOptions.SectionName);
    }

    [Theory]
    [InlineData(3, ProblemCode.TermsNotAccepted)]
    [InlineData(4, ProblemCode.SyncError)]
    [InlineData(-1, ProblemCode.SyncError)]
    public void Sync_error_code_meaning_comes_from_the_mapping(int code, ProblemCode expected) =>
        Assert.Equal(expected, new HealthRulesOptions().ProblemForSyncErrorCode(code));
}
