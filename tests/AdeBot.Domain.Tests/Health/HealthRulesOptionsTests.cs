using System.ComponentModel.DataAnnotations;
using AdeBot.Domain.Health;

namespace AdeBot.Domain.Tests.Health;

public sealed class HealthRulesOptionsTests
{
    [Fact]
    public void Defaults_match_the_issue_and_are_valid()
    {
        var options = new HealthRulesOptions();

        Assert.Equal((30, 7, 24, 72), (options.ExpiryWarningDays, options.ExpiryCriticalDays, options.SyncWarningHours, options.SyncCriticalHours));
        Assert.Equal("termsNotAccepted", Assert.Single(options.KnownSyncErrorCodes, kv => kv.Key == 3).Value);
        Assert.Equal("Health", HealthRulesOptions.SectionName);
        Assert.Empty(Validate(options));
    }

    public static TheoryData<Action<HealthRulesOptions>, string> InvalidOptions => new()
    {
        { o => o.ExpiryCriticalDays = 30, nameof(HealthRulesOptions.ExpiryCriticalDays) },
        { o => o.ExpiryCriticalDays = 31, nameof(HealthRulesOptions.ExpiryCriticalDays) },
        { o => o.SyncCriticalHours = 24, nameof(HealthRulesOptions.SyncCriticalHours) },
        { o => o.ExpiryWarningDays = 0, nameof(HealthRulesOptions.ExpiryWarningDays) },
        { o => o.ExpiryCriticalDays = -1, nameof(HealthRulesOptions.ExpiryCriticalDays) },
        { o => o.SyncWarningHours = 0, nameof(HealthRulesOptions.SyncWarningHours) },
        { o => o.KnownSyncErrorCodes[5] = "probablyExpired", nameof(HealthRulesOptions.KnownSyncErrorCodes) },
        { o => o.KnownSyncErrorCodes[0] = "termsNotAccepted", nameof(HealthRulesOptions.KnownSyncErrorCodes) },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_options_are_rejected_with_the_offending_member(Action<HealthRulesOptions> change, string member)
    {
        var options = new HealthRulesOptions();
        change(options);

        var errors = Validate(options);

        Assert.Contains(errors, e => e.MemberNames.Contains(member));
    }

    [Theory]
    [InlineData(3, ProblemCode.TermsNotAccepted)]
    [InlineData(4, ProblemCode.SyncError)]
    [InlineData(-1, ProblemCode.SyncError)]
    public void Sync_error_code_meaning_comes_from_the_mapping(int code, ProblemCode expected) =>
        Assert.Equal(expected, new HealthRulesOptions().ProblemForSyncErrorCode(code));

    private static List<ValidationResult> Validate(HealthRulesOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
