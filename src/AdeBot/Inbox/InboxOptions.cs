using Microsoft.Extensions.Options;

namespace AdeBot.Inbox;

/// Configuration section "Inbox": how accepted activities are worked off.
public sealed class InboxOptions
{
    public const string SectionName = "Inbox";

    /// Turns handled at once. One conversation never has more than one of them.
    public int Workers { get; set; } = 4;

    /// How long a finished entry is kept: a redelivery of the same activity within it is recognised
    /// and not answered again.
    public int RetentionHours { get; set; } = 24;

    /// The Retry-After of the 503 answered when the store cannot take an activity.
    public int RetryAfterSeconds { get; set; } = 5;

    /// On shutdown, how long turns in flight may run on; what has not finished by then is reported
    /// as interrupted at the next start, and what has not started waits for it.
    public int DrainTimeoutSeconds { get; set; } = 20;
}

internal sealed class InboxOptionsValidator : IValidateOptions<InboxOptions>
{
    private const string Prefix = InboxOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, InboxOptions options)
    {
        List<string> failures = [];
        if (options.Workers is < 1 or > 64) failures.Add($"{Prefix}Workers must be between 1 and 64.");
        if (options.RetentionHours is < 1 or > 24 * 90) failures.Add($"{Prefix}RetentionHours must be between 1 and 2160.");
        if (options.RetryAfterSeconds is < 1 or > 600) failures.Add($"{Prefix}RetryAfterSeconds must be between 1 and 600.");
        if (options.DrainTimeoutSeconds is < 0 or > 600) failures.Add($"{Prefix}DrainTimeoutSeconds must be between 0 and 600.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
