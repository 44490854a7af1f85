using Microsoft.Extensions.Options;

namespace AdeBot.Access;

/// Start-up checks for the "Access" section; each message names the key to fix.
internal sealed class AccessOptionsValidator : IValidateOptions<AccessOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessOptions options)
    {
        List<string> errors = [];
        RequireGuids(options.AllowedTenantIds, nameof(AccessOptions.AllowedTenantIds),
            "must be a directory (tenant) id GUID; Teams identifies a tenant by its GUID, not its domain", errors);
        RequireGuids(options.AdminGroupIds, nameof(AccessOptions.AdminGroupIds),
            "must be an Entra group's object id (a GUID)", errors);
        if (options.MembershipCacheMinutes is < 0 or > 1440)
            errors.Add($"{AccessOptions.SectionName}:{nameof(AccessOptions.MembershipCacheMinutes)} must be between 0 (ask Graph on every message) and 1440.");
        if (options.CardActionsPerUserPerMinute is < 1 or > 100_000)
            errors.Add($"{AccessOptions.SectionName}:{nameof(AccessOptions.CardActionsPerUserPerMinute)} must be between 1 and 100000.");
        if (options.RefusalReplyIntervalSeconds is < 0 or > 604_800)
            errors.Add($"{AccessOptions.SectionName}:{nameof(AccessOptions.RefusalReplyIntervalSeconds)} must be between 0 (answer every refusal) and 604800 (a week).");
        if (!Enum.IsDefined(options.GroupConversations))
            errors.Add($"{AccessOptions.SectionName}:{nameof(AccessOptions.GroupConversations)} must be allow, summaryOnly or deny.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireGuids(string[] values, string key, string rule, List<string> errors)
    {
        for (var i = 0; i < values.Length; i++)
            if (!Guid.TryParse(values[i], out _))
                errors.Add($"{AccessOptions.SectionName}:{key}:{i} {rule}.");
    }
}
