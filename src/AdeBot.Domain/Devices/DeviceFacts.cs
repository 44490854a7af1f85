namespace AdeBot.Domain.Devices;

/// Graph `importedAppleDeviceIdentity.platform`, read case-insensitively (the enum page says
/// `tvos`, the metadata `tvOS`); values Graph adds later are Other.
public enum DevicePlatform { Unknown, Ios, MacOs, TvOs, VisionOs, Other }

/// Graph `enrollmentState` of an ADE device record. `Blocked` exists on beta only.
public enum AdeEnrollmentState { Unknown, Enrolled, PendingReset, Failed, NotContacted, Blocked }

/// One ADE device record (`importedAppleDeviceIdentity`) on one token, as Graph reports it.
/// `RequestedProfileId` is the profile the admin assigned, as Graph stores it (a bare GUID; some
/// tenants may send `{tokenId}_{guid}`); null when none is assigned.
public sealed record AdeDeviceRecord(
    string Id,
    string TokenId,
    string SerialNumber,
    DevicePlatform Platform,
    AdeEnrollmentState EnrollmentState,
    string? RequestedProfileId,
    DateTimeOffset? ProfileAssignedAt,
    DateTimeOffset? LastContactedAt,
    bool IsDeleted);

/// An enrollment profile of a token. `Id` is `{tokenId}_{guid}`; devices refer to the GUID part.
public sealed record EnrollmentProfile(string Id, string Name, DevicePlatform Platform)
{
    /// The part of a profile id that a device's `requestedEnrollmentProfileId` holds.
    public static string GuidPart(string profileId)
    {
        var trimmed = profileId.Trim();
        var separator = trimmed.LastIndexOf('_');
        return separator >= 0 ? trimmed[(separator + 1)..] : trimmed;
    }

    public bool HasGuid(string requestedProfileId) =>
        string.Equals(GuidPart(Id), GuidPart(requestedProfileId), StringComparison.OrdinalIgnoreCase);
}

/// A token's enrollment profiles and its default iOS/iPadOS and macOS profiles (null: no default).
public sealed record TokenProfiles(IReadOnlyList<EnrollmentProfile> Profiles, EnrollmentProfile? DefaultIos, EnrollmentProfile? DefaultMacOs)
{
    public static TokenProfiles None { get; } = new([], null, null);

    /// The default a device of `platform` gets when no profile is assigned to it. Only the
    /// iOS/iPadOS and macOS defaults are read.
    public EnrollmentProfile? DefaultFor(DevicePlatform platform) => platform switch
    {
        DevicePlatform.Ios => DefaultIos,
        DevicePlatform.MacOs => DefaultMacOs,
        _ => null,
    };

    public EnrollmentProfile? Find(string requestedProfileId) =>
        Profiles.FirstOrDefault(p => p.HasGuid(requestedProfileId))
        ?? (DefaultIos?.HasGuid(requestedProfileId) == true ? DefaultIos : null)
        ?? (DefaultMacOs?.HasGuid(requestedProfileId) == true ? DefaultMacOs : null);

    public bool IsDefault(EnrollmentProfile profile) =>
        (DefaultIos is not null && profile.HasGuid(DefaultIos.Id)) || (DefaultMacOs is not null && profile.HasGuid(DefaultMacOs.Id));
}

/// The Intune device record (`managedDevice`) with the serial number. `EnrollmentType` is Graph's
/// `deviceEnrollmentType` string, kept as is so values Graph adds later survive.
public sealed record ManagedDeviceRecord(
    string Id,
    string SerialNumber,
    string? DeviceName,
    string? EnrollmentType,
    DateTimeOffset? EnrolledAt,
    DateTimeOffset? LastSyncAt,
    string? UserPrincipalName)
{
    /// `appleBulkWithUser` and `appleBulkWithoutUser` are the ADE enrollment types.
    public bool IsAde => EnrollmentType is { } type
        && (type.Equals("appleBulkWithUser", StringComparison.OrdinalIgnoreCase) || type.Equals("appleBulkWithoutUser", StringComparison.OrdinalIgnoreCase));
}

/// What the tenant's default enrollment restrictions say: whether the default platform restriction
/// blocks iOS/iPadOS or macOS, and the default device limit per user (null when not known).
public sealed record EnrollmentRestrictions(bool IosBlocked, bool MacOsBlocked, int? DeviceLimit)
{
    public bool Blocks(DevicePlatform platform) => platform switch
    {
        DevicePlatform.Ios => IosBlocked,
        DevicePlatform.MacOs => MacOsBlocked,
        _ => false,
    };
}

/// Everything Graph said about one serial number in one tenant. `ManagedDevices` is null when
/// Intune's device records could not be read (the optional permission is missing, see
/// `MissingPermissions`); `Restrictions` is null when the restrictions could not be read.
/// `ProfilesByToken` holds the profiles of every token the serial was found in.
public sealed record DeviceFacts(
    string SerialNumber,
    IReadOnlyList<AdeDeviceRecord> AdeRecords,
    IReadOnlyDictionary<string, TokenProfiles> ProfilesByToken,
    IReadOnlyList<ManagedDeviceRecord>? ManagedDevices,
    EnrollmentRestrictions? Restrictions,
    IReadOnlyList<string> MissingPermissions);
