using AdeBot.Domain.Alerts;
using Microsoft.Extensions.Options;

namespace AdeBot.Alerts;

/// Start-up checks for the host's part of the "Alerts" section; each message names the key to fix.
internal sealed class AlertServiceOptionsValidator : IValidateOptions<AlertServiceOptions>
{
    private const string Section = AlertOptions.SectionName;

    /// Teams' documented per-tenant limit for one app; see AlertServiceOptions.TenantSendsPerSecond.
    private const int MaxTenantSendsPerSecond = 50;

    /// Far above what one app's Graph and Teams limits reward; more only adds memory and contention.
    private const int MaxConcurrentTenants = 256;

    public ValidateOptionsResult Validate(string? name, AlertServiceOptions options)
    {
        List<string> errors = [];
        if (options.FirstCheckDelay < TimeSpan.Zero || options.FirstCheckDelay > TimeSpan.FromDays(1))
            errors.Add($"{Section}:{nameof(AlertServiceOptions.FirstCheckDelay)} must be between zero and one day; it is {options.FirstCheckDelay}.");
        if (options.TenantSendsPerSecond is < 1 or > MaxTenantSendsPerSecond)
            errors.Add($"{Section}:{nameof(AlertServiceOptions.TenantSendsPerSecond)} must be between 1 and {MaxTenantSendsPerSecond}; it is {options.TenantSendsPerSecond}.");
        if (options.MaxConcurrentTenants is < 1 or > MaxConcurrentTenants)
            errors.Add($"{Section}:{nameof(AlertServiceOptions.MaxConcurrentTenants)} must be between 1 and {MaxConcurrentTenants}; it is {options.MaxConcurrentTenants}.");
        if (options.TenantLeaseSeconds is < 10 or > 3600)
            errors.Add($"{Section}:{nameof(AlertServiceOptions.TenantLeaseSeconds)} must be between 10 and 3600; it is {options.TenantLeaseSeconds}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
