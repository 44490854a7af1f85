using System.ComponentModel.DataAnnotations;
using AdeBot.Domain.Alerts;

namespace AdeBot.Domain.Tests.Alerts;

public sealed class AlertOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_match_the_issue()
    {
        var options = new AlertOptions();

        Assert.Empty(Validate(options));
        Assert.Equal(TimeSpan.FromHours(1), options.CheckInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.EffectiveCheckJitter);
        Assert.Equal([30, 14, 7, 3, 1], options.EffectiveExpiryThresholdDays);
        Assert.Equal(7, options.ExpiredReminderDays);
        Assert.Equal([1, 7], options.EffectiveSnoozeDays);
    }

    public static TheoryData<string, Action<AlertOptions>> InvalidOptions => new()
    {
        { nameof(AlertOptions.CheckInterval), o => o.CheckInterval = TimeSpan.Zero },
        { nameof(AlertOptions.CheckJitter), o => o.CheckJitter = TimeSpan.FromMinutes(-1) },
        { nameof(AlertOptions.CheckJitter), o => o.CheckJitter = o.CheckInterval },
        { nameof(AlertOptions.ExpiryThresholdDays), o => o.ExpiryThresholdDays = [] },
        { nameof(AlertOptions.ExpiryThresholdDays), o => o.ExpiryThresholdDays = [30, 0] },
        { nameof(AlertOptions.ExpiryThresholdDays), o => o.ExpiryThresholdDays = [30, 14, 30] },
        { nameof(AlertOptions.ExpiredReminderDays), o => o.ExpiredReminderDays = 0 },
        { nameof(AlertOptions.SnoozeDays), o => o.SnoozeDays = [1, 0] },
        { nameof(AlertOptions.SnoozeDays), o => o.SnoozeDays = [1, 36500] },
        { nameof(AlertOptions.SnoozeDays), o => o.SnoozeDays = [7, 7] },
        { nameof(AlertOptions.SnoozeDays), o => o.SnoozeDays = [] },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Invalid_settings_are_rejected_naming_the_setting(string member, Action<AlertOptions> change)
    {
        var options = new AlertOptions();
        change(options);

        var errors = Validate(options);

        Assert.Contains(errors, e => e.MemberNames.Contains(member));
    }

    [Fact]
    public void The_next_check_waits_the_interval_plus_at_most_the_jitter()
    {
        var options = new AlertOptions { CheckInterval = TimeSpan.FromSeconds(10), CheckJitter = TimeSpan.FromSeconds(2) };
        var random = new Random(42);

        var delays = Enumerable.Range(0, 50).Select(_ => options.NextCheckDelay(random)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12)));
        Assert.True(delays.Distinct().Count() > 1);
    }

    private static List<ValidationResult> Validate(AlertOptions options)
    {
        List<ValidationResult> results = [];
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
