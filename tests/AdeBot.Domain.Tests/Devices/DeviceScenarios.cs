using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using static AdeBot.Domain.Tests.Health.TokenScenarios;

namespace AdeBot.Domain.Tests.Devices;

/// Devices around one serial number, in a tenant built with TokenScenarios (so blockers come from
/// the real health rules).
internal static class DeviceScenarios
{
    public const string Serial = "C02ZP4MNQR13";
    public const string ProfileGuid = "7c0f4d2e-9a51-4b8e-b1c3-2d4e6f8a0b1c";
    public const string DefaultGuid = "11aa22bb-33cc-44dd-55ee-66ff77889900";

    public static readonly AdeToken Token = Ade("Contoso ABM");

    public static string TokenId => Token.Id;

    public static EnrollmentProfile Profile(string guid = ProfileGuid, string name = "Corporate iPads", DevicePlatform platform = DevicePlatform.Ios, string? tokenId = null) =>
        new($"{tokenId ?? TokenId}_{guid}", name, platform);

    public static TokenProfiles Profiles(bool withIosDefault = false, bool withMacDefault = false) => new(
        [Profile(), Profile(DefaultGuid, "Default iPads")],
        withIosDefault ? Profile(DefaultGuid, "Default iPads") : null,
        withMacDefault ? Profile("99999999-0000-4000-8000-00000000aaaa", "Default Macs", DevicePlatform.MacOs) : null);

    public static AdeDeviceRecord Record(
        AdeEnrollmentState state = AdeEnrollmentState.NotContacted,
        string? profileGuid = ProfileGuid,
        DevicePlatform platform = DevicePlatform.Ios,
        TimeSpan? lastContactAgo = null,
        bool deleted = false,
        string? tokenId = null,
        string serial = Serial,
        TimeSpan? assignedAgo = null) => new(
            Id: $"{tokenId ?? TokenId}-{serial}",
            TokenId: tokenId ?? TokenId,
            SerialNumber: serial,
            Platform: platform,
            EnrollmentState: state,
            RequestedProfileId: profileGuid,
            ProfileAssignedAt: Now - (assignedAgo ?? TimeSpan.FromDays(3)),
            LastContactedAt: lastContactAgo is { } ago ? Now - ago : null,
            IsDeleted: deleted);

    public static ManagedDeviceRecord Managed(string enrollmentType = "appleBulkWithUser", TimeSpan? enrolledAgo = null) => new(
        "md-1", Serial, "Anna’s iPad", enrollmentType, Now - (enrolledAgo ?? TimeSpan.FromDays(30)), Now - TimeSpan.FromHours(3), "anna@contoso.example");

    public static DeviceFacts Facts(
        IEnumerable<AdeDeviceRecord>? records = null,
        TokenProfiles? profiles = null,
        IEnumerable<ManagedDeviceRecord>? managed = null,
        bool managedUnknown = false,
        EnrollmentRestrictions? restrictions = null,
        IReadOnlyDictionary<string, TokenProfiles>? profilesByToken = null)
    {
        List<AdeDeviceRecord> ade = [.. records ?? []];
        return new DeviceFacts(
            Serial,
            ade,
            profilesByToken ?? ade.Select(r => r.TokenId).Distinct().ToDictionary(id => id, _ => profiles ?? Profiles()),
            managedUnknown ? null : [.. managed ?? []],
            restrictions ?? new EnrollmentRestrictions(IosBlocked: false, MacOsBlocked: false, DeviceLimit: 5),
            managedUnknown ? ["DeviceManagementManagedDevices.Read.All"] : []);
    }

    public static TenantHealth Healthy(params AdeToken[] tokens) => Evaluate(Snapshot(ade: tokens.Length > 0 ? tokens : [Token]));

    public static DeviceDiagnosis Diagnose(DeviceFacts facts, TenantHealth? health = null) =>
        new DeviceDiagnostician().Diagnose(health ?? Healthy(), facts);
}
