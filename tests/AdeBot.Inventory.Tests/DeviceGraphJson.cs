namespace AdeBot.Inventory.Tests;

/// Graph bodies of the device reads, written by hand from the documented shapes.
public static class DeviceGraphJson
{
    public const string ManagedDevicesPath = "/v1.0/deviceManagement/managedDevices";
    public const string RestrictionsPath = "/v1.0/deviceManagement/deviceEnrollmentConfigurations";
    public const string ProfileGuid = "7c0f4d2e-9a51-4b8e-b1c3-2d4e6f8a0b1c";

    public static string IdentitiesPath(string tokenId) => $"{GraphJson.AdePath}/{tokenId}/importedAppleDeviceIdentities";
    public static string ProfilesPath(string tokenId) => $"{GraphJson.AdePath}/{tokenId}/enrollmentProfiles";
    public static string DefaultIosPath(string tokenId) => $"{GraphJson.AdePath}/{tokenId}/defaultIosEnrollmentProfile";
    public static string DefaultMacOsPath(string tokenId) => $"{GraphJson.AdePath}/{tokenId}/defaultMacOsEnrollmentProfile";

    public static string Identity(string serial, string state = "notContacted", string? profileGuid = ProfileGuid, string platform = "ios", bool deleted = false) => $$"""
        {
          "@odata.type": "#microsoft.graph.importedAppleDeviceIdentity",
          "id": "id-{{serial}}",
          "serialNumber": "{{serial}}",
          "requestedEnrollmentProfileId": {{(profileGuid is null ? "null" : $"\"{profileGuid}\"")}},
          "requestedEnrollmentProfileAssignmentDateTime": "2026-11-19T08:00:00Z",
          "isSupervised": true,
          "discoverySource": "deviceEnrollmentProgram",
          "createdDateTime": "2026-10-01T08:00:00Z",
          "lastContactedDateTime": "0001-01-01T00:00:00Z",
          "description": "",
          "enrollmentState": "{{state}}",
          "platform": "{{platform}}",
          "isDeleted": {{(deleted ? "true" : "false")}}
        }
        """;

    /// A macOS profile as Graph sends it when asked for everything: the password must never be kept.
    public static string Profile(string tokenId, string guid, string name, string type = "depIOSEnrollmentProfile") => $$"""
        {"@odata.type":"#microsoft.graph.{{type}}","id":"{{tokenId}}_{{guid}}","displayName":"{{name}}","isDefault":false,
         "requiresUserAuthentication":true,"adminAccountPassword":"Secret-Password-1!"}
        """;

    public static string Managed(string serial, string type = "appleBulkWithUser") => $$"""
        {"id":"md-{{serial}}","serialNumber":"{{serial}}","deviceName":"iPad {{serial}}","deviceEnrollmentType":"{{type}}",
         "enrolledDateTime":"2026-10-02T08:00:00Z","lastSyncDateTime":"2026-11-22T06:00:00Z","userPrincipalName":"anna@fabrikam.example",
         "activationLockBypassCode":"BYPASS-SECRET-123"}
        """;

    public const string Restrictions = """
        {"value":[
          {"@odata.type":"#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration","id":"x_DefaultPlatformRestrictions","priority":0,
           "iosRestriction":{"platformBlocked":false,"personalDeviceEnrollmentBlocked":true},"macOSRestriction":{"platformBlocked":true}},
          {"@odata.type":"#microsoft.graph.deviceEnrollmentLimitConfiguration","id":"x_DefaultLimit","priority":0,"limit":5},
          {"@odata.type":"#microsoft.graph.windows10EnrollmentCompletionPageConfiguration","id":"x_DefaultWindows10EnrollmentCompletionPageConfiguration","priority":0}
        ]}
        """;

    /// A healthy tenant with ADE tokens 1..`tokens`, each with one iOS profile and no defaults, no
    /// devices, no Intune records and the restrictions above.
    public static FakeNetwork DeviceTenant(this FakeNetwork network, int tokens = 1)
    {
        network.On(GraphJson.AdePath, _ => FakeNetwork.Json(GraphJson.Page(Enumerable.Range(1, tokens).Select(i => GraphJson.AdeToken(i)))))
            .On(GraphJson.ApnsPath, _ => FakeNetwork.Json(GraphJson.Apns))
            .On(GraphJson.VppPath, _ => FakeNetwork.Json(GraphJson.Page([])))
            .On(ManagedDevicesPath, _ => FakeNetwork.Json(GraphJson.Page([])))
            .On(RestrictionsPath, _ => FakeNetwork.Json(Restrictions));
        for (var i = 1; i <= tokens; i++)
        {
            var token = $"ade-{i:D4}";
            network.On(IdentitiesPath(token), _ => FakeNetwork.Json(GraphJson.Page([])))
                .On(ProfilesPath(token), _ => FakeNetwork.Json(GraphJson.Page([Profile(token, ProfileGuid, "Corporate iPads")])));
        }
        return network;
    }
}
