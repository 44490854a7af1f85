using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace AdeBot.Inventory;

/// The built-in demo tenant served when no Graph credentials are configured. Its recording is made
/// afresh from the current time on every request, so its tokens are always "about to expire" by the
/// same margins, and it is served through the Graph SDK pipeline like a replay (ADE list in two pages).
/// Every name is fictional (Contoso, .example addresses).
public static class SampleTenant
{
    /// The tenant id the sample and replays are watched under.
    public const string TenantId = "00000000-0000-0000-0000-000000000ade";

    internal const string SecondPageToken = "sample-page-2";

    private const string Graph = "https://graph.microsoft.com";
    private const string AdeList = Graph + "/beta/deviceManagement/depOnboardingSettings";

    internal static GraphRecording Recording(DateTimeOffset now)
    {
        // A small offset past whole days keeps "in about N days" at N whichever way a rule rounds.
        var margin = TimeSpan.FromHours(2);
        DateTimeOffset InDays(double days) => now + TimeSpan.FromDays(days) + margin;
        DateTimeOffset HoursAgo(double hours) => now - TimeSpan.FromHours(hours);

        List<DepOnboardingSettingModel> firstPage =
        [
            Ade("0b8f6c1e-0001-4a52-9d7e-5a3b1e000001", "Contoso ABM – Helsinki", "it-apple@contoso.example", "dep",
                InDays(240), HoursAgo(5), HoursAgo(5), 0, 412),
            Ade("0b8f6c1e-0002-4a52-9d7e-5a3b1e000002", "Contoso Schools ASM – Espoo", "asm-admin@schools.contoso.example", "appleSchoolManager",
                InDays(300), HoursAgo(3), HoursAgo(3), 0, 188),
            Ade("0b8f6c1e-0003-4a52-9d7e-5a3b1e000003", "Contoso ABM – Tampere", "it-apple@contoso.example", "dep",
                InDays(20), HoursAgo(7), HoursAgo(7), 0, 96),
            Ade("0b8f6c1e-0004-4a52-9d7e-5a3b1e000004", "Contoso ABM – Oulu", "oulu-it@contoso.example", "dep",
                InDays(3), HoursAgo(6), HoursAgo(6), 0, 54),
            Ade("0b8f6c1e-0005-4a52-9d7e-5a3b1e000005", "Contoso ABM – Kyiv", "kyiv-it@contoso.example", "dep",
                now - TimeSpan.FromDays(12), HoursAgo(12 * 24 + 4), HoursAgo(2), 0, 73),
        ];
        List<DepOnboardingSettingModel> secondPage =
        [
            Ade("0b8f6c1e-0006-4a52-9d7e-5a3b1e000006", "Contoso ABM – Lviv", "lviv-it@contoso.example", "dep",
                InDays(150), HoursAgo(30), HoursAgo(1), 7, 61),
            Ade("0b8f6c1e-0007-4a52-9d7e-5a3b1e000007", "Contoso ABM – Turku", "turku-it@contoso.example", "dep",
                InDays(180), HoursAgo(40), HoursAgo(1), 3, 37),
            Ade("0b8f6c1e-0008-4a52-9d7e-5a3b1e000008", "Contoso ABM – Vantaa", "vantaa-it@contoso.example", "dep",
                InDays(120), HoursAgo(4 * 24), HoursAgo(2), 0, 129),
        ];

        var apns = new ApplePushNotificationCertificateModel
        {
            Id = "5a3b1e00-a9b5-4c3e-8f00-000000000a95",
            AppleIdentifier = "mdm-push@contoso.example",
            TopicIdentifier = "com.apple.mgmt.External.5a3b1e00-0000-4000-8000-c0a7050c0a75",
            ExpirationDateTime = InDays(25),
            LastModifiedDateTime = now - TimeSpan.FromDays(340),
        };

        List<VppTokenModel> vpp =
        [
            new()
            {
                Id = "5a3b1e00-0099-4c3e-8f00-000000000001", OrganizationName = "Contoso Oy",
                AppleId = "vpp-helsinki@contoso.example", VppTokenAccountType = "business",
                ExpirationDateTime = InDays(200), LastSyncDateTime = HoursAgo(10), State = "valid", LastSyncStatus = "completed",
            },
            new()
            {
                Id = "5a3b1e00-0099-4c3e-8f00-000000000002", OrganizationName = "Contoso Schools",
                AppleId = "vpp-schools@schools.contoso.example", VppTokenAccountType = "education",
                ExpirationDateTime = InDays(90), LastSyncDateTime = HoursAgo(9 * 24), State = "invalid", LastSyncStatus = "failed",
            },
        ];

        // Intune's own roll-up never rates a sample token worse than AdeBot does, so the sample's
        // answers stay those of its tokens; replays show the cross-check.
        ConnectorStatusModel Portal(string name, string? instance, string status) =>
            new() { ConnectorName = name, ConnectorInstanceId = instance, Status = status, EventDateTime = now };
        List<ConnectorStatusModel> portal =
        [
            .. firstPage.Concat(secondPage).Zip(["healthy", "healthy", "healthy", "warning", "unhealthy", "warning", "unhealthy", "unhealthy"],
                (token, status) => Portal("appleDepExpirationDateTime", token.Id, status)),
            Portal("applePushNotificationServiceExpirationDateTime", apns.Id, "healthy"),
            Portal("vppTokenExpirationDateTime", vpp[0].Id, "healthy"),
            Portal("vppTokenLastSyncDateTime", vpp[1].Id, "unhealthy"),
            Portal("windowsAutopilotLastSyncDateTime", null, "unhealthy"),
        ];

        return new GraphRecording(
        [
            Ok(AdeList, new GraphPage<DepOnboardingSettingModel> { Value = firstPage, NextLink = $"{AdeList}?$skiptoken={SecondPageToken}" }),
            Ok($"{AdeList}?$skiptoken={SecondPageToken}", new GraphPage<DepOnboardingSettingModel> { Value = secondPage }),
            Ok(Graph + "/v1.0/deviceManagement/applePushNotificationCertificate", apns),
            Ok(Graph + "/v1.0/deviceAppManagement/vppTokens", new GraphPage<VppTokenModel> { Value = vpp }),
            Ok(Graph + GraphTokenReader.ConnectorStatusPath, new GraphPage<ConnectorStatusModel> { Value = portal }),
            .. SampleDevices.Recording([.. firstPage.Concat(secondPage).Select(t => t.Id!)], now),
        ]);
    }

    private static DepOnboardingSettingModel Ade(string id, string name, string appleId, string tokenType,
        DateTimeOffset expires, DateTimeOffset lastSuccessfulSync, DateTimeOffset lastTriggered, int errorCode, int devices) => new()
    {
        Id = id,
        TokenName = name,
        AppleIdentifier = appleId,
        TokenType = tokenType,
        TokenExpirationDateTime = expires,
        LastSuccessfulSyncDateTime = lastSuccessfulSync,
        LastSyncTriggeredDateTime = lastTriggered,
        LastSyncErrorCode = errorCode,
        SyncedDeviceCount = devices,
    };

    internal static RecordedResponse Ok(string url, IParsable body) => new("GET", url, 200, Body: ToJson(body));

    private static JsonNode ToJson(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var content = writer.GetSerializedContent();
        return JsonNode.Parse(content) ?? throw new InvalidOperationException("The sample serialized to null.");
    }
}
