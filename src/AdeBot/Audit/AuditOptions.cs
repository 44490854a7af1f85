using Microsoft.Extensions.Options;

namespace AdeBot.Audit;

/// Configuration section "Audit": how long the audit trail is kept.
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// Entries older than this are trimmed (checked hourly).
    public int RetentionDays { get; set; } = 90;
}

internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options) =>
        options.RetentionDays is < 1 or > 3650
            ? ValidateOptionsResult.Fail($"{AuditOptions.SectionName}:RetentionDays must be between 1 and 3650.")
            : ValidateOptionsResult.Success;
}
