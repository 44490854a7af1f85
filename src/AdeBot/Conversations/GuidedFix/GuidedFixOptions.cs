using Microsoft.Extensions.Options;

namespace AdeBot.Conversations.GuidedFix;

/// The "GuidedFix" section.
public sealed class GuidedFixOptions
{
    public const string SectionName = "GuidedFix";

    /// At most one verification read of Graph per tenant in this many seconds. Each one bypasses the
    /// snapshot cache, and Intune throttles per app and tenant, so a row of "Check again" clicks (or
    /// several admins finishing at once) must not use up what the alert checks need.
    public int VerificationIntervalSeconds { get; set; } = 30;
}

internal sealed class GuidedFixOptionsValidator : IValidateOptions<GuidedFixOptions>
{
    public ValidateOptionsResult Validate(string? name, GuidedFixOptions options)
    {
        List<string> errors = [];
        if (options.VerificationIntervalSeconds is < 1 or > 3600)
            errors.Add($"{GuidedFixOptions.SectionName}:{nameof(GuidedFixOptions.VerificationIntervalSeconds)} must be between 1 and 3600 (an hour); it is {options.VerificationIntervalSeconds}.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
