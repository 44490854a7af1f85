namespace AdeBot.Domain.Alerts;

/// How often the alert service looks and when it speaks, bound from the `Alerts` configuration
/// section and validated at start-up by the host (AlertOptionsValidator).
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    public static IReadOnlyList<int> DefaultExpiryThresholdDays { get; } = [30, 14, 7, 3, 1];
    public static IReadOnlyList<int> DefaultSnoozeDays { get; } = [1, 7];

    /// A snooze is a pause, never a way to silence a token for good.
    public const int MaxSnoozeDays = 30;

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// Up to this much is added to each interval so that instances and tenants do not all read
    /// Graph and post to Teams at the same moment. Null means a tenth of the interval, at most five
    /// minutes, so a short CheckInterval (seconds, in local tests) is valid without also setting this.
    public TimeSpan? CheckJitter { get; set; }

    /// Days before expiry at which a token is alerted on. Null means DefaultExpiryThresholdDays:
    /// configuration binding appends to a non-empty default array instead of replacing it, so the
    /// default cannot live in the property itself.
    public int[]? ExpiryThresholdDays { get; set; }

    /// Once expired, a token is alerted on again every this many days for as long as it stays expired.
    public int ExpiredReminderDays { get; set; } = 7;

    /// The snooze lengths a card offers and the only ones accepted. Null means DefaultSnoozeDays
    /// (see ExpiryThresholdDays for why).
    public int[]? SnoozeDays { get; set; }

    public IReadOnlyList<int> EffectiveExpiryThresholdDays => ExpiryThresholdDays ?? DefaultExpiryThresholdDays;

    public IReadOnlyList<int> EffectiveSnoozeDays => SnoozeDays ?? DefaultSnoozeDays;

    public TimeSpan EffectiveCheckJitter => CheckJitter ?? TimeSpan.FromTicks(Math.Min(CheckInterval.Ticks / 10, TimeSpan.FromMinutes(5).Ticks));

    /// The wait before the next check: the interval plus a random share of the jitter.
    public TimeSpan NextCheckDelay(Random random) => CheckInterval + EffectiveCheckJitter * random.NextDouble();
}
