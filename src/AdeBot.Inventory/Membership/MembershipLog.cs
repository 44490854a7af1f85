using Microsoft.Extensions.Logging;

namespace AdeBot.Inventory.Membership;

/// Event ids 2100–2149 belong to the group membership check. User and group object ids are logged
/// (they are what an admin needs to investigate a refusal); secrets and access tokens never are.
internal static partial class MembershipLog
{
    [LoggerMessage(2100, LogLevel.Debug, "User {UserObjectId} in tenant {TenantId} is {Outcome} of the {GroupCount} admin group(s) ({RequestCount} Graph request(s)).")]
    public static partial void Checked(ILogger logger, string tenantId, string userObjectId, MembershipOutcome outcome, int groupCount, int requestCount);

    [LoggerMessage(2101, LogLevel.Debug, "User {UserObjectId} in tenant {TenantId}: reusing the membership answer {Outcome} until {ExpiresAt:O}.")]
    public static partial void CacheHit(ILogger logger, string tenantId, string userObjectId, MembershipOutcome outcome, DateTimeOffset expiresAt);

    [LoggerMessage(2102, LogLevel.Warning, "Graph refused the group membership check in tenant {TenantId} (HTTP {StatusCode}, request-id {RequestId}). Grant the application permissions {Permissions} and admin consent in that tenant.")]
    public static partial void PermissionMissing(ILogger logger, string tenantId, int? statusCode, string? requestId, string permissions);

    [LoggerMessage(2103, LogLevel.Warning, "Graph is unavailable for the group membership check in tenant {TenantId} (HTTP {StatusCode}, request-id {RequestId}, {Reason}).")]
    public static partial void GraphUnavailable(ILogger logger, string tenantId, int? statusCode, string? requestId, string reason);

    [LoggerMessage(2104, LogLevel.Warning, "Group membership cannot be checked in tenant {TenantId}: AdeBot has no Graph credentials for it (answers come from {Source}).")]
    public static partial void NoCredentials(ILogger logger, string tenantId, AdeBot.Domain.Tokens.SnapshotSource source);

    [LoggerMessage(2105, LogLevel.Error, "Signing in to tenant {TenantId} for the group membership check failed; check Graph:ClientId and the credential, and that the app is consented in that tenant. {Detail}")]
    public static partial void SignInFailed(ILogger logger, string tenantId, string detail);

    [LoggerMessage(2106, LogLevel.Error, "The group membership check in tenant {TenantId} failed unexpectedly.")]
    public static partial void Unexpected(ILogger logger, string tenantId, Exception exception);

    [LoggerMessage(2107, LogLevel.Information, "Graph does not know user {UserObjectId} in tenant {TenantId} (HTTP 404, request-id {RequestId}); treating the user as outside the admin groups.")]
    public static partial void UserNotFound(ILogger logger, string tenantId, string userObjectId, string? requestId);

    [LoggerMessage(2108, LogLevel.Warning, "Group membership was asked with an id that is not an object id (GUID) in tenant {TenantId}: {What}.")]
    public static partial void InvalidRequest(ILogger logger, string tenantId, string what);
}
