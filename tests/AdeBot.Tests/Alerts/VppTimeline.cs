using System.Text.Json.Nodes;
using AdeBot.Inventory;

namespace AdeBot.Tests.Alerts;

/// Forty days of one tenant, as Graph replays: a VPP token that expires on day 32, is renewed on
/// day 34 and fails to sync from day 37; the push certificate is healthy throughout and there are no
/// ADE tokens, so every alert is about that one token. A VPP token has no staleness rule, so a
/// recording whose sync date stands still stays healthy for weeks, as Graph would show it.
internal sealed class VppTimeline(DateTimeOffset start)
{
    public const int Days = 40;
    public const int RenewedAtHour = 34 * 24;
    public const int SyncFailsAtHour = 37 * 24;
    public const string TokenName = "Contoso VPP";

    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset ExpiresAt => Start.AddDays(32);

    public DateTimeOffset RenewedExpiresAt => ExpiresAt.AddDays(365);

    /// Which recording Graph answers with at `hour`: 0 before the renewal, 1 renewed, 2 sync failed.
    public static int PhaseAt(int hour) => hour < RenewedAtHour ? 0 : hour < SyncFailsAtHour ? 1 : 2;

    public void WriteRecording(string path, int phase)
    {
        var (expires, lastSync, syncStatus) = phase switch
        {
            0 => (ExpiresAt, Start.AddHours(-3), "completed"),
            1 => (RenewedExpiresAt, Start.AddHours(RenewedAtHour), "completed"),
            _ => (RenewedExpiresAt, Start.AddHours(RenewedAtHour), "failed"),
        };
        var vpp = new JsonObject
        {
            ["id"] = "5a3b1e00-0099-4c3e-8f00-00000000a1e7",
            ["organizationName"] = TokenName,
            ["appleId"] = "vpp@contoso.example",
            ["vppTokenAccountType"] = "business",
            ["expirationDateTime"] = expires.ToString("O"),
            ["lastSyncDateTime"] = lastSync.ToString("O"),
            ["state"] = "valid",
            ["lastSyncStatus"] = syncStatus,
        };
        var apns = new JsonObject
        {
            ["id"] = "apns-1",
            ["appleIdentifier"] = "mdm-push@contoso.example",
            ["topicIdentifier"] = "com.apple.mgmt.External.00000000-0000-4000-8000-000000000001",
            ["expirationDateTime"] = Start.AddDays(300).ToString("O"),
            ["lastModifiedDateTime"] = Start.AddDays(-65).ToString("O"),
        };
        new GraphRecording(
        [
            new("GET", "/beta/deviceManagement/depOnboardingSettings", 200, Body: new JsonObject { ["value"] = new JsonArray() }),
            new("GET", "/v1.0/deviceManagement/applePushNotificationCertificate", 200, Body: apns),
            new("GET", "/v1.0/deviceAppManagement/vppTokens", 200, Body: new JsonObject { ["value"] = new JsonArray(vpp) }),
        ]).Save(path);
    }
}
