using AdeBot.Domain.Alerts;

namespace AdeBot.Domain.Tests.Alerts;

public sealed class AlertOptionsTests
{
    [Fact]
    public void The_defaults_are_the_ones_the_readme_lists()
    {
        var options = new AlertOptions();

        Assert.Equal(TimeSpan.FromHours(1), options.CheckInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.EffectiveCheckJitter);
        Assert.Equal([30, 14, 7, 3, 1], options.EffectiveExpiryThresholdDays);
        Assert.Equal(7, options.ExpiredReminderDays);
        Assert.Equal([1, 7], options.EffectiveSnoozeDays);
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
}
