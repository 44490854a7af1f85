using AdeBot.Domain.Tokens;
using Microsoft.Extensions.Logging;

namespace AdeBot.Inventory;

/// Event ids 2000–2099 belong to the inventory. Nothing here carries a secret, an access token or a
/// VPP token; failures are logged with the HTTP status and Graph's request-id for support cases.
internal static partial class InventoryLog
{
    [LoggerMessage(2000, LogLevel.Information, "Token inventory serves {Source} data for {TenantCount} tenant(s).")]
    public static partial void Started(ILogger logger, SnapshotSource source, int tenantCount);

    [LoggerMessage(2001, LogLevel.Debug, "Read tenant {TenantId} from {Source}: {AdeCount} ADE token(s), APNs certificate {ApnsState}, {VppCount} VPP token(s).")]
    public static partial void Read(ILogger logger, string tenantId, SnapshotSource source, int adeCount, string apnsState, int vppCount);

    [LoggerMessage(2002, LogLevel.Warning, "Graph refused tenant {TenantId} (HTTP {StatusCode}, request-id {RequestId}). Grant the application permission {Permission} and admin consent in that tenant.")]
    public static partial void PermissionMissing(ILogger logger, string tenantId, int? statusCode, string? requestId, string permission);

    [LoggerMessage(2003, LogLevel.Warning, "Graph is unavailable for tenant {TenantId} (HTTP {StatusCode}, request-id {RequestId}, {Reason}).")]
    public static partial void GraphUnavailable(ILogger logger, string tenantId, int? statusCode, string? requestId, string reason);

    [LoggerMessage(2004, LogLevel.Error, "Reading tenant {TenantId} failed unexpectedly.")]
    public static partial void Unexpected(ILogger logger, string tenantId, Exception exception);

    [LoggerMessage(2005, LogLevel.Warning, "Serving tenant {TenantId}'s snapshot taken at {AsOf:O} because the refresh failed ({FailureKind}).")]
    public static partial void ServingStale(ILogger logger, string tenantId, DateTimeOffset asOf, InventoryFailureKind failureKind);

    [LoggerMessage(2007, LogLevel.Warning, "Tenant {TenantId} was asked for but has no Graph credentials configured.")]
    public static partial void TenantNotConfigured(ILogger logger, string tenantId);

    [LoggerMessage(2008, LogLevel.Error, "Signing in to tenant {TenantId} failed; check Graph:ClientId and the secret, certificate or managed identity, and that the app is consented in that tenant. {Detail}")]
    public static partial void CredentialRejected(ILogger logger, string tenantId, string detail);

    [LoggerMessage(2009, LogLevel.Information, "Graph:ReplayPath is set, so the recording {ReplayPath} answers for every tenant and the configured tenant credentials are not used.")]
    public static partial void ReplayOverridesTenants(ILogger logger, string replayPath);

    [LoggerMessage(2010, LogLevel.Debug, "Looked up a serial number in tenant {TenantId}: {TokenCount} ADE token(s) searched, {Matches} ADE record(s), {ManagedDevices} Intune record(s).")]
    public static partial void DeviceLookedUp(ILogger logger, string tenantId, int tokenCount, int matches, int? managedDevices);

    [LoggerMessage(2011, LogLevel.Warning, "Graph refused Intune's device records in tenant {TenantId} (HTTP {StatusCode}, request-id {RequestId}); device diagnoses go on without them. Grant the application permission {Permission} to complete them.")]
    public static partial void ManagedDevicesForbidden(ILogger logger, string tenantId, int? statusCode, string? requestId, string permission);

    [LoggerMessage(2012, LogLevel.Warning, "The enrollment restrictions of tenant {TenantId} could not be read (HTTP {StatusCode}, request-id {RequestId}); device diagnoses go on without the platform check.")]
    public static partial void RestrictionsUnreadable(ILogger logger, string tenantId, int? statusCode, string? requestId);

    [LoggerMessage(2013, LogLevel.Warning, "The devices of an ADE token in tenant {TenantId} could not be counted ({Cause}); the health answer leaves that token out.")]
    public static partial void DevicesNotCounted(ILogger logger, string tenantId, GraphFailureCause cause);

    [LoggerMessage(2014, LogLevel.Information, "Intune's connector status of tenant {TenantId} is not readable (HTTP {StatusCode}, request-id {RequestId}); health answers go on without the portal cross-check.")]
    public static partial void PortalStatusNotReadable(ILogger logger, string tenantId, int? statusCode, string? requestId);

    [LoggerMessage(2015, LogLevel.Warning, "Reading Intune's connector status of tenant {TenantId} failed ({Cause}, HTTP {StatusCode}, request-id {RequestId}); this answer goes without the portal cross-check.")]
    public static partial void PortalStatusFailed(ILogger logger, string tenantId, GraphFailureCause cause, int? statusCode, string? requestId);
}
