using AdeBot.Domain.Devices;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AdeBot.Inventory;

// Our own Kiota models for the device reads, on the same rules as GraphWireModels: only the fields
// AdeBot uses are read (and sent as $select), enums stay strings, everything else is ignored. A
// macOS profile's `adminAccountPassword` and a device's `activationLockBypassCode` are therefore
// never requested, held or logged.

/// beta `importedAppleDeviceIdentity`.
internal sealed class ImportedAppleDeviceIdentityModel : IGraphModel<ImportedAppleDeviceIdentityModel>
{
    public static readonly string Select = GraphFields.Select(new ImportedAppleDeviceIdentityModel());

    public string? Id { get; set; }
    public string? SerialNumber { get; set; }
    public string? Platform { get; set; }
    public string? EnrollmentState { get; set; }
    public string? RequestedEnrollmentProfileId { get; set; }
    public DateTimeOffset? RequestedEnrollmentProfileAssignmentDateTime { get; set; }
    public DateTimeOffset? LastContactedDateTime { get; set; }
    public bool? IsDeleted { get; set; }

    public static ImportedAppleDeviceIdentityModel Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => GraphFields.Of(
        ("id", n => Id = n.GetStringValue()),
        ("serialNumber", n => SerialNumber = n.GetStringValue()),
        ("platform", n => Platform = n.GetStringValue()),
        ("enrollmentState", n => EnrollmentState = n.GetStringValue()),
        ("requestedEnrollmentProfileId", n => RequestedEnrollmentProfileId = n.GetStringValue()),
        ("requestedEnrollmentProfileAssignmentDateTime", n => RequestedEnrollmentProfileAssignmentDateTime = n.GetDateTimeOffsetValue()),
        ("lastContactedDateTime", n => LastContactedDateTime = n.GetDateTimeOffsetValue()),
        ("isDeleted", n => IsDeleted = n.GetBoolValue()));

    public void Serialize(ISerializationWriter writer)
    {
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("serialNumber", SerialNumber);
        writer.WriteStringValue("platform", Platform);
        writer.WriteStringValue("enrollmentState", EnrollmentState);
        writer.WriteStringValue("requestedEnrollmentProfileId", RequestedEnrollmentProfileId);
        writer.WriteDateTimeOffsetValue("requestedEnrollmentProfileAssignmentDateTime", RequestedEnrollmentProfileAssignmentDateTime);
        writer.WriteDateTimeOffsetValue("lastContactedDateTime", LastContactedDateTime);
        writer.WriteBoolValue("isDeleted", IsDeleted);
    }

    /// Graph has no date for "never": the zero date some tenants send means no contact.
    public AdeDeviceRecord ToRecord(string tokenId) => new(
        Id ?? throw new InvalidDataException("An importedAppleDeviceIdentity has no id."),
        tokenId,
        SerialNumber ?? "",
        PlatformOf(Platform),
        StateOf(EnrollmentState),
        string.IsNullOrWhiteSpace(RequestedEnrollmentProfileId) ? null : RequestedEnrollmentProfileId.Trim(),
        RealDate(RequestedEnrollmentProfileAssignmentDateTime),
        RealDate(LastContactedDateTime),
        IsDeleted ?? false);

    private static DateTimeOffset? RealDate(DateTimeOffset? value) => value is { Year: > 1 } date ? date : null;

    public static DevicePlatform PlatformOf(string? platform) => platform?.ToLowerInvariant() switch
    {
        "ios" => DevicePlatform.Ios,
        "macos" => DevicePlatform.MacOs,
        "tvos" => DevicePlatform.TvOs,
        "visionos" => DevicePlatform.VisionOs,
        null or "" or "unknown" => DevicePlatform.Unknown,
        _ => DevicePlatform.Other,
    };

    public static AdeEnrollmentState StateOf(string? state) => state?.ToLowerInvariant() switch
    {
        "enrolled" => AdeEnrollmentState.Enrolled,
        "pendingreset" => AdeEnrollmentState.PendingReset,
        "failed" => AdeEnrollmentState.Failed,
        "notcontacted" => AdeEnrollmentState.NotContacted,
        "blocked" => AdeEnrollmentState.Blocked,
        _ => AdeEnrollmentState.Unknown,
    };
}

/// beta `enrollmentProfile` (depIOSEnrollmentProfile, depMacOSEnrollmentProfile, ...): its platform
/// is its `@odata.type`, which Graph always sends and $select cannot name.
internal sealed class EnrollmentProfileModel : IGraphModel<EnrollmentProfileModel>
{
    public const string Select = "id,displayName";

    public string? ODataType { get; set; }
    public string? Id { get; set; }
    public string? DisplayName { get; set; }

    public static EnrollmentProfileModel Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => GraphFields.Of(
        ("@odata.type", n => ODataType = n.GetStringValue()),
        ("id", n => Id = n.GetStringValue()),
        ("displayName", n => DisplayName = n.GetStringValue()));

    public void Serialize(ISerializationWriter writer)
    {
        writer.WriteStringValue("@odata.type", ODataType);
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("displayName", DisplayName);
    }

    /// Null for an empty answer (a default that is not set).
    public EnrollmentProfile? ToProfile() =>
        Id is null ? null : new EnrollmentProfile(Id, DisplayName ?? Id, PlatformOf(ODataType));

    public static DevicePlatform PlatformOf(string? odataType) => odataType?.ToLowerInvariant() switch
    {
        "#microsoft.graph.depiosenrollmentprofile" => DevicePlatform.Ios,
        "#microsoft.graph.depmacosenrollmentprofile" => DevicePlatform.MacOs,
        "#microsoft.graph.deptvosenrollmentprofile" => DevicePlatform.TvOs,
        "#microsoft.graph.depvisionosenrollmentprofile" => DevicePlatform.VisionOs,
        _ => DevicePlatform.Unknown,
    };
}

/// v1.0 `managedDevice`, the few fields of the Intune record a diagnosis shows.
internal sealed class ManagedDeviceModel : IGraphModel<ManagedDeviceModel>
{
    public static readonly string Select = GraphFields.Select(new ManagedDeviceModel());

    public string? Id { get; set; }
    public string? SerialNumber { get; set; }
    public string? DeviceName { get; set; }
    public string? DeviceEnrollmentType { get; set; }
    public DateTimeOffset? EnrolledDateTime { get; set; }
    public DateTimeOffset? LastSyncDateTime { get; set; }
    public string? UserPrincipalName { get; set; }

    public static ManagedDeviceModel Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => GraphFields.Of(
        ("id", n => Id = n.GetStringValue()),
        ("serialNumber", n => SerialNumber = n.GetStringValue()),
        ("deviceName", n => DeviceName = n.GetStringValue()),
        ("deviceEnrollmentType", n => DeviceEnrollmentType = n.GetStringValue()),
        ("enrolledDateTime", n => EnrolledDateTime = n.GetDateTimeOffsetValue()),
        ("lastSyncDateTime", n => LastSyncDateTime = n.GetDateTimeOffsetValue()),
        ("userPrincipalName", n => UserPrincipalName = n.GetStringValue()));

    public void Serialize(ISerializationWriter writer)
    {
        writer.WriteStringValue("id", Id);
        writer.WriteStringValue("serialNumber", SerialNumber);
        writer.WriteStringValue("deviceName", DeviceName);
        writer.WriteStringValue("deviceEnrollmentType", DeviceEnrollmentType);
        writer.WriteDateTimeOffsetValue("enrolledDateTime", EnrolledDateTime);
        writer.WriteDateTimeOffsetValue("lastSyncDateTime", LastSyncDateTime);
        writer.WriteStringValue("userPrincipalName", UserPrincipalName);
    }

    public ManagedDeviceRecord ToRecord() => new(
        Id ?? throw new InvalidDataException("A managedDevice has no id."),
        SerialNumber ?? "", DeviceName, DeviceEnrollmentType, EnrolledDateTime, LastSyncDateTime, UserPrincipalName);
}

/// v1.0 `deviceEnrollmentConfiguration`: the platform restrictions (iosRestriction,
/// macOSRestriction) and the device limit (limit) live on derived types, so $select names them
/// with their type cast, as OData requires for derived properties.
internal sealed class DeviceEnrollmentConfigurationModel : IGraphModel<DeviceEnrollmentConfigurationModel>
{
    private const string PlatformType = "microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration";
    private const string LimitType = "microsoft.graph.deviceEnrollmentLimitConfiguration";

    public const string Select = $"id,priority,{PlatformType}/iosRestriction,{PlatformType}/macOSRestriction,{LimitType}/limit";

    public string? ODataType { get; set; }
    public string? Id { get; set; }
    public int? Priority { get; set; }
    public PlatformRestrictionModel? IosRestriction { get; set; }
    public PlatformRestrictionModel? MacOSRestriction { get; set; }
    public int? Limit { get; set; }

    public static DeviceEnrollmentConfigurationModel Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => GraphFields.Of(
        ("@odata.type", n => ODataType = n.GetStringValue()),
        ("id", n => Id = n.GetStringValue()),
        ("priority", n => Priority = n.GetIntValue()),
        ("iosRestriction", n => IosRestriction = n.GetObjectValue(PlatformRestrictionModel.Create)),
        ("macOSRestriction", n => MacOSRestriction = n.GetObjectValue(PlatformRestrictionModel.Create)),
        ("limit", n => Limit = n.GetIntValue()));

    public void Serialize(ISerializationWriter writer)
    {
        writer.WriteStringValue("@odata.type", ODataType);
        writer.WriteStringValue("id", Id);
        writer.WriteIntValue("priority", Priority);
        writer.WriteObjectValue("iosRestriction", IosRestriction);
        writer.WriteObjectValue("macOSRestriction", MacOSRestriction);
        writer.WriteIntValue("limit", Limit);
    }

    public bool IsPlatformRestrictions => string.Equals(ODataType, "#" + PlatformType, StringComparison.OrdinalIgnoreCase);

    public bool IsLimit => string.Equals(ODataType, "#" + LimitType, StringComparison.OrdinalIgnoreCase);

    /// The tenant's own defaults have priority 0 and apply to everyone no other restriction targets.
    public bool IsDefault => Priority == 0;

    /// What the defaults say: a platform blocked by the default platform restriction, and the default
    /// device limit. Restrictions assigned to groups are not weighed: AdeBot does not know the
    /// device's user.
    public static EnrollmentRestrictions Defaults(IEnumerable<DeviceEnrollmentConfigurationModel> configurations)
    {
        List<DeviceEnrollmentConfigurationModel> defaults = [.. configurations.Where(c => c.IsDefault)];
        var platform = defaults.FirstOrDefault(c => c.IsPlatformRestrictions);
        var limit = defaults.FirstOrDefault(c => c.IsLimit);
        return new EnrollmentRestrictions(
            platform?.IosRestriction?.PlatformBlocked ?? false,
            platform?.MacOSRestriction?.PlatformBlocked ?? false,
            limit?.Limit);
    }
}

internal sealed class PlatformRestrictionModel : IParsable
{
    public bool? PlatformBlocked { get; set; }

    public static PlatformRestrictionModel Create(IParseNode node) => new();

    public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() =>
        GraphFields.Of(("platformBlocked", n => PlatformBlocked = n.GetBoolValue()));

    public void Serialize(ISerializationWriter writer) => writer.WriteBoolValue("platformBlocked", PlatformBlocked);
}
