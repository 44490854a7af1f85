using AdeBot.Domain.Devices;

namespace AdeBot.Inventory;

/// The sample tenant's devices: one serial per verdict, so every answer can be tried out of the
/// box (the README lists them). Every serial is fictional. Helsinki holds most of them; Tampere
/// and Oulu have no default profile and devices without one (the health answer counts them, Oulu
/// past the counted pages); the Kyiv token, expired, still lists one device released from it.
public static class SampleDevices
{
    /// A serial for each verdict; NotInAde is any serial the sample does not hold.
    public static IReadOnlyDictionary<DeviceVerdict, string> SerialFor { get; } = new Dictionary<DeviceVerdict, string>
    {
        [DeviceVerdict.Enrolled] = "F17ZK0ENR0LD",
        [DeviceVerdict.EnrolledWithoutAde] = "F17ZK1USRENR",
        [DeviceVerdict.NotInAde] = "H4GXQ2KL9P",
        [DeviceVerdict.RemovedFromAbm] = "F17ZK2RMVD01",
        [DeviceVerdict.NoProfile] = "F17ZK3NPRF01",
        [DeviceVerdict.ProfileNotFound] = "F17ZK4GONE01",
        [DeviceVerdict.PendingReset] = "F17ZK5RSET01",
        [DeviceVerdict.NotContacted] = "F17ZK6NEW001",
        [DeviceVerdict.EnrollmentFailed] = "DMPXK2ABCD18",
        [DeviceVerdict.PlatformBlocked] = "F17ZK7MAC001",
        [DeviceVerdict.Blocked] = "F17ZK8BLKD01",
        [DeviceVerdict.EnrolledButNotInIntune] = "C02ZP4MNQR13",
    };

    /// Oulu's devices come in pages of this many, more pages than the health answer counts.
    internal const int OuluPageSize = 3;
    internal const int OuluPages = 6;

    private const string Graph = "https://graph.microsoft.com";
    private const string Tokens = Graph + "/beta/deviceManagement/depOnboardingSettings";

    private const string Helsinki = "0b8f6c1e-0001-4a52-9d7e-5a3b1e000001";
    private const string Schools = "0b8f6c1e-0002-4a52-9d7e-5a3b1e000002";
    private const string Tampere = "0b8f6c1e-0003-4a52-9d7e-5a3b1e000003";
    private const string Oulu = "0b8f6c1e-0004-4a52-9d7e-5a3b1e000004";
    private const string Kyiv = "0b8f6c1e-0005-4a52-9d7e-5a3b1e000005";

    private const string HelsinkiIpads = "a1b2c3d4-0001-4000-8000-0000000000a1";
    private const string HelsinkiMacs = "a1b2c3d4-0002-4000-8000-0000000000a2";
    private const string HelsinkiKiosks = "a1b2c3d4-0003-4000-8000-0000000000a3";
    private const string TampereIpads = "b1b2c3d4-0001-4000-8000-0000000000b1";
    private const string SchoolsIpads = "c1b2c3d4-0001-4000-8000-0000000000c1";
    private const string SchoolsMacs = "c1b2c3d4-0002-4000-8000-0000000000c2";
    private const string DeletedProfile = "deadbeef-0000-4000-8000-00000000dead";

    internal static IEnumerable<RecordedResponse> Recording(IReadOnlyList<string> tokenIds, DateTimeOffset now)
    {
        DateTimeOffset Ago(double hours) => now - TimeSpan.FromHours(hours);
        var serial = SerialFor;

        Dictionary<string, List<ImportedAppleDeviceIdentityModel>> devices = tokenIds.ToDictionary(id => id, _ => new List<ImportedAppleDeviceIdentityModel>());
        devices[Helsinki] =
        [
            Device(serial[DeviceVerdict.Enrolled], "ios", "enrolled", HelsinkiIpads, Ago(40 * 24), Ago(41 * 24)),
            Device(serial[DeviceVerdict.EnrolledWithoutAde], "ios", "notContacted", HelsinkiIpads, null, Ago(10 * 24)),
            Device(serial[DeviceVerdict.RemovedFromAbm], "ios", "notContacted", HelsinkiIpads, null, Ago(90 * 24), deleted: true),
            Device(serial[DeviceVerdict.ProfileNotFound], "ios", "notContacted", DeletedProfile, null, Ago(60 * 24)),
            Device(serial[DeviceVerdict.PendingReset], "ios", "pendingReset", HelsinkiKiosks, Ago(3 * 24), Ago(2 * 24)),
            Device(serial[DeviceVerdict.NotContacted], "ios", "notContacted", null, null, null),
            Device(serial[DeviceVerdict.EnrollmentFailed], "ios", "failed", HelsinkiIpads, Ago(20), Ago(3 * 24)),
            Device(serial[DeviceVerdict.PlatformBlocked], "macOS", "notContacted", HelsinkiMacs, null, Ago(5 * 24)),
            Device(serial[DeviceVerdict.Blocked], "ios", "blocked", HelsinkiKiosks, Ago(6), Ago(8 * 24)),
            Device(serial[DeviceVerdict.EnrolledButNotInIntune], "macOS", "enrolled", HelsinkiMacs, Ago(100 * 24), Ago(120 * 24)),
        ];
        devices[Tampere] =
        [
            Device(serial[DeviceVerdict.NoProfile], "ios", "notContacted", null, null, null),
            Device("F17ZK3NPRF02", "ios", "notContacted", null, null, null),
            Device("F17ZK3NPRF03", "macOS", "notContacted", null, null, null),
            Device("F17ZK3TAMP04", "ios", "enrolled", TampereIpads, Ago(30 * 24), Ago(31 * 24)),
        ];
        // Released from the expired Kyiv token and assigned to Helsinki: the serial is in two tokens.
        devices[Kyiv] = [Device(serial[DeviceVerdict.EnrollmentFailed], "ios", "notContacted", null, null, Ago(200 * 24), deleted: true)];

        foreach (var (tokenId, list) in devices.Where(d => d.Key != Oulu))
            yield return SampleTenant.Ok($"{Tokens}/{tokenId}/importedAppleDeviceIdentities", new GraphPage<ImportedAppleDeviceIdentityModel> { Value = list });
        for (var page = 0; page < OuluPages; page++)
        {
            var url = $"{Tokens}/{Oulu}/importedAppleDeviceIdentities" + (page == 0 ? "" : $"?$skiptoken=oulu-{page}");
            yield return SampleTenant.Ok(url, new GraphPage<ImportedAppleDeviceIdentityModel>
            {
                Value = [.. Enumerable.Range(page * OuluPageSize, OuluPageSize).Select(i => Device($"OULU{i:D8}", "ios", "notContacted", null, null, null))],
                NextLink = page + 1 < OuluPages ? $"{Tokens}/{Oulu}/importedAppleDeviceIdentities?$skiptoken=oulu-{page + 1}" : null,
            });
        }

        Dictionary<string, List<EnrollmentProfileModel>> profiles = tokenIds.ToDictionary(id => id, _ => new List<EnrollmentProfileModel>());
        profiles[Helsinki] = [Ios(Helsinki, HelsinkiIpads, "Helsinki iPads"), MacOs(Helsinki, HelsinkiMacs, "Helsinki Macs"), Ios(Helsinki, HelsinkiKiosks, "Helsinki kiosk iPads")];
        profiles[Tampere] = [Ios(Tampere, TampereIpads, "Tampere iPads")];
        profiles[Schools] = [Ios(Schools, SchoolsIpads, "School iPads"), MacOs(Schools, SchoolsMacs, "School Macs")];
        foreach (var (tokenId, list) in profiles)
            yield return SampleTenant.Ok($"{Tokens}/{tokenId}/enrollmentProfiles", new GraphPage<EnrollmentProfileModel> { Value = list });
        // Defaults not recorded answer 404: no default.
        yield return SampleTenant.Ok($"{Tokens}/{Helsinki}/defaultIosEnrollmentProfile", profiles[Helsinki][0]);
        yield return SampleTenant.Ok($"{Tokens}/{Schools}/defaultIosEnrollmentProfile", profiles[Schools][0]);
        yield return SampleTenant.Ok($"{Tokens}/{Schools}/defaultMacOsEnrollmentProfile", profiles[Schools][1]);

        yield return SampleTenant.Ok(Graph + "/v1.0/deviceManagement/managedDevices", new GraphPage<ManagedDeviceModel>
        {
            Value =
            [
                Managed("5a3b1e00-md00-4000-8000-000000000001", serial[DeviceVerdict.Enrolled], "Helsinki-iPad-014", "appleBulkWithUser", Ago(40 * 24), Ago(2), "aino.virtanen@contoso.example"),
                Managed("5a3b1e00-md00-4000-8000-000000000002", serial[DeviceVerdict.EnrolledWithoutAde], "Mikko’s iPad", "userEnrollment", Ago(150 * 24), Ago(30), "mikko.korhonen@contoso.example"),
            ],
        });

        yield return SampleTenant.Ok(Graph + "/v1.0/deviceManagement/deviceEnrollmentConfigurations", new GraphPage<DeviceEnrollmentConfigurationModel>
        {
            Value =
            [
                new()
                {
                    ODataType = "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration", Id = "5a3b1e00_DefaultPlatformRestrictions", Priority = 0,
                    IosRestriction = new() { PlatformBlocked = false }, MacOSRestriction = new() { PlatformBlocked = true },
                },
                new() { ODataType = "#microsoft.graph.deviceEnrollmentLimitConfiguration", Id = "5a3b1e00_DefaultLimit", Priority = 0, Limit = 5 },
                new()
                {
                    ODataType = "#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration", Id = "5a3b1e00-0001-restriction", Priority = 1,
                    IosRestriction = new() { PlatformBlocked = true }, MacOSRestriction = new() { PlatformBlocked = false },
                },
            ],
        });
    }

    private static ImportedAppleDeviceIdentityModel Device(string serial, string platform, string state, string? profileGuid,
        DateTimeOffset? lastContacted, DateTimeOffset? assigned, bool deleted = false) => new()
    {
        Id = $"sample-{serial}",
        SerialNumber = serial,
        Platform = platform,
        EnrollmentState = state,
        RequestedEnrollmentProfileId = profileGuid,
        RequestedEnrollmentProfileAssignmentDateTime = assigned,
        LastContactedDateTime = lastContacted,
        IsDeleted = deleted,
    };

    private static EnrollmentProfileModel Ios(string tokenId, string guid, string name) =>
        new() { ODataType = "#microsoft.graph.depIOSEnrollmentProfile", Id = $"{tokenId}_{guid}", DisplayName = name };

    private static EnrollmentProfileModel MacOs(string tokenId, string guid, string name) =>
        new() { ODataType = "#microsoft.graph.depMacOSEnrollmentProfile", Id = $"{tokenId}_{guid}", DisplayName = name };

    private static ManagedDeviceModel Managed(string id, string serial, string name, string type, DateTimeOffset enrolled, DateTimeOffset synced, string user) =>
        new() { Id = id, SerialNumber = serial, DeviceName = name, DeviceEnrollmentType = type, EnrolledDateTime = enrolled, LastSyncDateTime = synced, UserPrincipalName = user };
}
