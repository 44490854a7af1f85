using System.Net;

namespace AdeBot.Inventory.Tests;

/// Graph response bodies written by hand from the documented shapes, independent of the product's models.
public static class GraphJson
{
    public const string AdePath = "/beta/deviceManagement/depOnboardingSettings";
    public const string ApnsPath = "/v1.0/deviceManagement/applePushNotificationCertificate";
    public const string VppPath = "/v1.0/deviceAppManagement/vppTokens";
    public const string Graph = "https://graph.microsoft.com";

    public static string AdeToken(int number, string tokenType = "dep", string expires = "\"2027-03-14T08:00:00Z\"",
        string lastSync = "\"2026-11-22T02:00:05Z\"", int errorCode = 0) => $$"""
        {
          "@odata.type": "#microsoft.graph.depOnboardingSetting",
          "id": "ade-{{number:D4}}",
          "appleIdentifier": "it-apple-{{number}}@fabrikam.example",
          "tokenExpirationDateTime": {{expires}},
          "lastModifiedDateTime": "2026-03-14T08:01:30Z",
          "lastSuccessfulSyncDateTime": {{lastSync}},
          "lastSyncTriggeredDateTime": "2026-11-22T02:00:00Z",
          "shareTokenWithSchoolDataSyncService": false,
          "lastSyncErrorCode": {{errorCode}},
          "tokenType": "{{tokenType}}",
          "tokenName": "Fabrikam ABM {{number}}",
          "syncedDeviceCount": 250,
          "dataSharingConsentGranted": true,
          "roleScopeTagIds": ["0"]
        }
        """;

    public static string Page(IEnumerable<string> items, string? nextLink = null) =>
        $$"""{"@odata.context":"{{Graph}}/beta/$metadata#deviceManagement/depOnboardingSettings",{{(nextLink is null ? "" : $"\"@odata.nextLink\":\"{nextLink}\",")}}"value":[{{string.Join(",", items)}}]}""";

    public const string Apns = """
        {
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#deviceManagement/applePushNotificationCertificate/$entity",
          "id": "apns-1",
          "appleIdentifier": "mdm-push@fabrikam.example",
          "topicIdentifier": "com.apple.mgmt.External.fabrikam",
          "lastModifiedDateTime": "2026-01-10T10:00:00Z",
          "expirationDateTime": "2027-01-10T10:00:00Z",
          "certificateSerialNumber": "7A2B"
        }
        """;

    public static string VppToken(string id, string state, string lastSyncStatus = "completed", string? rawToken = null) => $$"""
        {
          "@odata.type": "#microsoft.graph.vppToken",
          "id": "{{id}}",
          "organizationName": "Fabrikam {{id}}",
          "vppTokenAccountType": "business",
          "appleId": "vpp-{{id}}@fabrikam.example",
          "expirationDateTime": "2027-05-01T00:00:00Z",
          "lastSyncDateTime": "2026-11-21T23:00:00Z",
          {{(rawToken is null ? "" : $"\"token\": \"{rawToken}\",")}}
          "lastModifiedDateTime": "2026-05-01T00:00:00Z",
          "state": "{{state}}",
          "lastSyncStatus": "{{lastSyncStatus}}",
          "automaticallyUpdateApps": true,
          "countryOrRegion": "fi"
        }
        """;

    /// A tenant with one healthy ADE token, an APNs certificate and one valid VPP token.
    public static FakeNetwork HealthyTenant(this FakeNetwork network) => network
        .On(AdePath, _ => FakeNetwork.Json(Page([AdeToken(1)])))
        .On(ApnsPath, _ => FakeNetwork.Json(Apns))
        .On(VppPath, _ => FakeNetwork.Json(Page([VppToken("vpp-1", "valid")])));

    public static HttpResponseMessage Status(HttpStatusCode status, params (string Name, string Value)[] headers) =>
        FakeNetwork.Json($$$"""{"error":{"code":"{{{status}}}","message":"faked {{{(int)status}}}"}}""", status, headers);

    public static string? Query(this Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]).Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "")
            .FirstOrDefault();
}
