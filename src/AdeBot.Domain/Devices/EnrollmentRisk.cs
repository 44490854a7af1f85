namespace AdeBot.Domain.Devices;

/// The second symptom of a broken ADE setup, per token: devices that have no enrollment profile
/// while the token has no default for their platform, so they fail as soon as they are turned
/// on. Counting reads a bounded number of pages; `AtLeast` is true when it stopped before the end.
public sealed record TokenEnrollmentRisk(string TokenId, int DevicesWithoutProfile, bool AtLeast);

/// Counts the devices of one token that will fail to enroll for want of a profile.
public static class EnrollmentRiskRules
{
    /// A device still to enroll, with no profile, on a platform whose default the token lacks.
    /// Devices removed from Apple's portal, enrolled ones, ones in a state Graph does not name and
    /// platforms whose default AdeBot does not read (tvOS, visionOS) are not counted: the count must
    /// never overstate.
    public static bool WillFailForWantOfProfile(AdeDeviceRecord device, TokenProfiles profiles) =>
        !device.IsDeleted
        && device.Platform is DevicePlatform.Ios or DevicePlatform.MacOs
        && device.EnrollmentState is AdeEnrollmentState.NotContacted or AdeEnrollmentState.Failed
        && string.IsNullOrWhiteSpace(device.RequestedProfileId)
        && profiles.DefaultFor(device.Platform) is null;

    /// True when no device of the token can fail for want of a profile: both defaults exist.
    public static bool NoneCanFail(TokenProfiles profiles) => profiles.DefaultIos is not null && profiles.DefaultMacOs is not null;

    public static TokenEnrollmentRisk Count(string tokenId, IEnumerable<AdeDeviceRecord> devices, TokenProfiles profiles, bool stoppedEarly) =>
        new(tokenId, devices.Count(d => WillFailForWantOfProfile(d, profiles)), stoppedEarly);
}

/// Where device facts come from: Graph, the built-in sample or a replay, through the same
/// per-tenant cache as the token inventory.
public interface IDeviceInventory
{
    /// Everything Graph knows about `serialNumber` in `tenantId`: its ADE records in every token,
    /// their profiles, the Intune record and the enrollment restrictions. `forceRefresh` skips the
    /// cached tokens and profiles ("Check again").
    Task<DeviceLookup> LookUpAsync(string tenantId, string serialNumber, bool forceRefresh, CancellationToken cancellationToken);

    /// Per ADE token of the tenant, how many devices will fail to enroll for want of a profile.
    /// Best effort: a token that cannot be read is left out rather than failing the health answer.
    Task<IReadOnlyList<TokenEnrollmentRisk>> CountDevicesWithoutProfileAsync(string tenantId, IReadOnlyList<string> adeTokenIds, bool forceRefresh, CancellationToken cancellationToken);
}

/// The answer to a device lookup: the tenant's token reading (for the health rules and the data
/// banners) and the device facts, or the failure that stopped the lookup.
public sealed record DeviceLookup(Tokens.InventoryReading Tokens, DeviceFacts? Facts, Tokens.InventoryFailure? Failure)
{
    public bool Succeeded => Facts is not null && Tokens.Snapshot is not null && Failure is null;
}
