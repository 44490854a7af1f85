using AdeBot.Domain.Health;
using Microsoft.Extensions.Options;

namespace AdeBot.Health;

/// Start-up checks for the "Health" section; each message names the key to fix.
internal sealed class HealthRulesOptionsValidator : IValidateOptions<HealthRulesOptions>
{
    private const string Section = HealthRulesOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, HealthRulesOptions options)
    {
        List<string> errors = [];
        InRange(nameof(HealthRulesOptions.ExpiryWarningDays), options.ExpiryWarningDays, 1, 365, errors);
        InRange(nameof(HealthRulesOptions.ExpiryCriticalDays), options.ExpiryCriticalDays, 0, 364, errors);
        InRange(nameof(HealthRulesOptions.SyncWarningHours), options.SyncWarningHours, 1, 24 * 30, errors);
        InRange(nameof(HealthRulesOptions.SyncCriticalHours), options.SyncCriticalHours, 2, 24 * 60, errors);

        if (options.ExpiryCriticalDays >= options.ExpiryWarningDays)
            errors.Add($"{Section}:{nameof(HealthRulesOptions.ExpiryCriticalDays)} must be less than {Section}:{nameof(HealthRulesOptions.ExpiryWarningDays)} ({options.ExpiryWarningDays}); it is {options.ExpiryCriticalDays}.");
        if (options.SyncCriticalHours <= options.SyncWarningHours)
            errors.Add($"{Section}:{nameof(HealthRulesOptions.SyncCriticalHours)} must be greater than {Section}:{nameof(HealthRulesOptions.SyncWarningHours)} ({options.SyncWarningHours}); it is {options.SyncCriticalHours}.");

        foreach (var (code, meaning) in options.KnownSyncErrorCodes)
        {
            var key = $"{Section}:{nameof(HealthRulesOptions.KnownSyncErrorCodes)}:{code}";
            if (code == 0)
                errors.Add($"{key} cannot be mapped: code 0 means no error.");
            else if (!HealthRulesOptions.SyncErrorMeanings.Contains(meaning, StringComparer.OrdinalIgnoreCase))
                errors.Add($"{key} must be one of {string.Join(", ", HealthRulesOptions.SyncErrorMeanings)}; it is '{meaning}'.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void InRange(string property, int value, int min, int max, List<string> errors)
    {
        if (value < min || value > max)
            errors.Add($"{Section}:{property} must be between {min} and {max}; it is {value}.");
    }
}
