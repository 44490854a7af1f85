namespace AdeBot.Domain.Tokens;

public enum TokenKind { Ade, Apns, Vpp }

/// Which Apple program an ADE token belongs to (Graph `depTokenType`).
public enum AppleProgram { Unknown, BusinessManager, SchoolManager }

public enum SnapshotSource { Graph, Sample, Replay }

/// One Apple ADE/DEP enrollment program token as Graph reports it (`depOnboardingSetting`).
public sealed record AdeToken(
    string Id,
    string Name,
    string? AppleId,
    AppleProgram Program,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastSuccessfulSyncAt,
    DateTimeOffset? LastSyncTriggeredAt,
    int? LastSyncErrorCode,
    int? SyncedDeviceCount);

/// The tenant's Apple MDM push certificate.
public sealed record ApnsCertificate(
    string Id,
    string? AppleId,
    string? TopicIdentifier,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastModifiedAt);

/// An Apps and Books (VPP) location token. State and sync status are kept as Graph's strings
/// (`valid`, `expired`, `invalid`, `assignedToExternalMDM`, `duplicateLocationId`, ...; `none`,
/// `inProgress`, `completed`, `failed`) so values Graph adds later survive the round trip.
/// The raw `token` field is never read.
public sealed record VppToken(
    string Id,
    string Name,
    string? AppleId,
    string? OrganizationName,
    string? AccountType,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastSyncAt,
    string State,
    string LastSyncStatus);

/// Every Apple token of one tenant at one moment. `Apns` is null when the tenant has no APNs
/// certificate configured (Graph answers 404), which is a finding, not a failure.
/// `PortalConnectors` is Intune's own roll-up (tenant status, connector status), empty when the
/// tenant does not let AdeBot read it.
public sealed record TenantSnapshot(
    string TenantId,
    SnapshotSource Source,
    DateTimeOffset AsOf,
    IReadOnlyList<AdeToken> AdeTokens,
    ApnsCertificate? Apns,
    IReadOnlyList<VppToken> VppTokens)
{
    public IReadOnlyList<PortalConnectorStatus> PortalConnectors { get; init; } = [];
}

/// Intune's `connectorHealthState`, best to worst; a value Graph adds later reads as Unknown.
public enum PortalHealth { Unknown, Healthy, Warning, Unhealthy }

/// One row of Intune's connector status (`connectorStatusDetails`): which kind of token it is
/// about, the token's id (`connectorInstanceId`; the APNs certificate is a singleton and needs
/// none) and the portal's verdict.
public sealed record PortalConnectorStatus(TokenKind Kind, string? InstanceId, PortalHealth Status);
