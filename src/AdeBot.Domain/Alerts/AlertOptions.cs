using System.ComponentModel.DataAnnotations;

namespace AdeBot.Domain.Alerts;

/// How often the alert service looks and when it speaks, bound from the `Alerts` configuration section.
public sealed class AlertOptions : IValidatableObject
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
    [Range(1, 365)]
    public int ExpiredReminderDays { get; set; } = 7;

    /// The snooze lengths a card offers and the only ones accepted. Null means DefaultSnoozeDays
    /// (see ExpiryThresholdDays for why).
    public int[]? SnoozeDays { get; set; }

    public IReadOnlyList<int> EffectiveExpiryThresholdDays => ExpiryThresholdDays ?? DefaultExpiryThresholdDays;

    public IReadOnlyList<int> EffectiveSnoozeDays => SnoozeDays ?? DefaultSnoozeDays;

    public TimeSpan EffectiveCheckJitter => CheckJitter ?? TimeSpan.FromTicks(Math.Min(CheckInterval.Ticks / 10, TimeSpan.FromMinutes(5).Ticks));

    /// The wait before the next check: the interval plus a random share of the jitter.
    public TimeSpan NextCheckDelay(Random random) => CheckInterval + EffectiveCheckJitter * random.NextDouble();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CheckInterval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult($"{nameof(CheckInterval)} ({CheckInterval}) must be at least one second.", [nameof(CheckInterval)]);
        }

        if (CheckJitter is { } jitter && (jitter < TimeSpan.Zero || jitter >= CheckInterval))
        {
            yield return new ValidationResult(
                $"{nameof(CheckJitter)} ({jitter}) must be zero or more and less than {nameof(CheckInterval)} ({CheckInterval}).",
                [nameof(CheckJitter)]);
        }

        foreach (var error in DayList(nameof(ExpiryThresholdDays), EffectiveExpiryThresholdDays, 365))
        {
            yield return error;
        }

        foreach (var error in DayList(nameof(SnoozeDays), EffectiveSnoozeDays, MaxSnoozeDays))
        {
            yield return error;
        }
    }

    private static IEnumerable<ValidationResult> DayList(string name, IReadOnlyList<int> days, int max)
    {
        if (days.Count == 0)
        {
            yield return new ValidationResult($"{name} needs at least one value.", [name]);
        }

        if (days.Any(d => d < 1 || d > max))
        {
            yield return new ValidationResult($"{name} ({string.Join(", ", days)}) must each be between 1 and {max} days.", [name]);
        }

        if (days.Distinct().Count() != days.Count)
        {
            yield return new ValidationResult($"{name} ({string.Join(", ", days)}) must not repeat a value.", [name]);
        }
    }
}
