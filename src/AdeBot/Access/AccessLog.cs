using AdeBot.Domain.Tokens;

namespace AdeBot.Access;

/// Event ids 3150–3199 belong to the access policy (2100–2149: the membership check under it, in MembershipLog).
internal static partial class AccessLog
{
    [LoggerMessage(3150, LogLevel.Warning, "Access:AdminGroupIds is not set: anyone in an allowed tenant can read token health. Set it to the object ids of the Entra groups whose members may ask AdeBot.")]
    public static partial void NoAdminGroup(ILogger logger);

    [LoggerMessage(3151, LogLevel.Warning, "Access:AdminGroupIds is set, but AdeBot answers from {Source} data and has no Graph credentials to check group membership, so every request will be refused.")]
    public static partial void AdminGroupsWithoutDirectory(ILogger logger, SnapshotSource source);

    [LoggerMessage(3152, LogLevel.Warning, "Access:AllowedTenantIds lists tenant {TenantId}, which AdeBot has no Graph credentials for: its users are served but its tokens cannot be read.")]
    public static partial void AllowedTenantUnreadable(ILogger logger, string tenantId);

    [LoggerMessage(3153, LogLevel.Information, "Access: serving {TenantRule}; {AdminGroupCount} admin group(s) required (membership cached {CacheMinutes} min).")]
    public static partial void Policy(ILogger logger, string tenantRule, int adminGroupCount, int cacheMinutes);

    // Debug: anyone can make AdeBot refuse them, and each refusal names an outsider's ids.
    [LoggerMessage(3160, LogLevel.Debug, "Refused a request from user {UserAadObjectId} in tenant {TenantId}: {Reason}.")]
    public static partial void Refused(ILogger logger, string? tenantId, string? userAadObjectId, AccessReason reason);

    [LoggerMessage(3161, LogLevel.Debug, "Allowed a request from user {UserAadObjectId} in tenant {TenantId}.")]
    public static partial void Allowed(ILogger logger, string? tenantId, string? userAadObjectId);
}
