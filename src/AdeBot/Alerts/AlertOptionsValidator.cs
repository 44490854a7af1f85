using AdeBot.Domain.Alerts;
using Microsoft.Extensions.Options;

namespace AdeBot.Alerts;

/// Start-up checks for the domain's part of the "Alerts" section; each message names the key to fix.
internal sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    private const string Section = AlertOptions.SectionName;
    private const int MaxThresholdDays = 365;

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        List<string> errors = [];
        if (options.CheckInterval < TimeSpan.FromSeconds(1))
            errors.Add($"{Section}:{nameof(AlertOptions.CheckInterval)} must be at least one second; it is {options.CheckInterval}.");
        if (options.CheckJitter is { } jitter && (jitter < TimeSpan.Zero || jitter >= options.CheckInterval))
            errors.Add($"{Section}:{nameof(AlertOptions.CheckJitter)} must be zero or more and less than {Section}:{nameof(AlertOptions.CheckInterval)} ({options.CheckInterval}); it is {jitter}.");
        if (options.ExpiredReminderDays is < 1 or > MaxThresholdDays)
            errors.Add($"{Section}:{nameof(AlertOptions.ExpiredReminderDays)} must be between 1 and {MaxThresholdDays}; it is {options.ExpiredReminderDays}.");
        DayList($"{Section}:{nameof(AlertOptions.ExpiryThresholdDays)}", options.EffectiveExpiryThresholdDays, MaxThresholdDays, errors);
        DayList($"{Section}:{nameof(AlertOptions.SnoozeDays)}", options.EffectiveSnoozeDays, AlertOptions.MaxSnoozeDays, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void DayList(string key, IReadOnlyList<int> days, int max, List<string> errors)
    {
        if (days.Count == 0)
            errors.Add($"{key} needs at least one value.");
        for (var i = 0; i < days.Count; i++)
            if (days[i] < 1 || days[i] > max)
                errors.Add($"{key}:{i} must be between 1 and {max} days; it is {days[i]}.");
        if (days.Distinct().Count() != days.Count)
            errors.Add($"{key} must not repeat a value; it is {string.Join(", ", days)}.");
    }
}
