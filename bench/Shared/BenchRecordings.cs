using System.Globalization;
using System.Text.Json.Nodes;
using AdeBot.Inventory;

namespace AdeBot.Bench;

internal static class BenchRecordings
{
    /// A tenant of `tokenCount` ADE tokens as Graph would page it (`pageSize` a page), no push
    /// certificate and no VPP tokens: what the inventory and parse benchmarks read.
    public static GraphRecording LargeTenant(int tokenCount, int pageSize, DateTimeOffset now)
    {
        const string ade = "https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings";
        var pageCount = (tokenCount + pageSize - 1) / pageSize;
        List<RecordedResponse> responses = [];
        for (var page = 0; page < pageCount; page++)
        {
            var tokens = new JsonArray();
            for (var n = page * pageSize + 1; n <= Math.Min(tokenCount, (page + 1) * pageSize); n++)
            {
                tokens.Add(new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.depOnboardingSetting",
                    ["id"] = $"00000000-0000-4000-8000-{n:D12}",
                    ["tokenName"] = $"Bench ABM {n}",
                    ["appleIdentifier"] = $"it-apple-{n}@bench.example",
                    ["tokenType"] = n % 5 == 0 ? "appleSchoolManager" : "dep",
                    ["tokenExpirationDateTime"] = now.AddDays(n % 365).ToString("O", CultureInfo.InvariantCulture),
                    ["lastModifiedDateTime"] = now.AddDays(-30).ToString("O", CultureInfo.InvariantCulture),
                    ["lastSuccessfulSyncDateTime"] = now.AddHours(-(n % 72)).ToString("O", CultureInfo.InvariantCulture),
                    ["lastSyncTriggeredDateTime"] = now.AddHours(-1).ToString("O", CultureInfo.InvariantCulture),
                    ["lastSyncErrorCode"] = n % 97 == 0 ? 3 : 0,
                    ["syncedDeviceCount"] = n * 7 % 1000,
                    ["roleScopeTagIds"] = new JsonArray("0"),
                });
            }
            var body = new JsonObject { ["value"] = tokens };
            if (page + 1 < pageCount) body["@odata.nextLink"] = $"{ade}?$skiptoken=bench-{page + 1}";
            responses.Add(new RecordedResponse("GET", page == 0 ? ade : $"{ade}?$skiptoken=bench-{page}", 200, Body: body));
        }
        responses.Add(new RecordedResponse("GET", "/v1.0/deviceManagement/applePushNotificationCertificate", 404,
            Body: new JsonObject { ["error"] = new JsonObject { ["code"] = "ResourceNotFound", ["message"] = "not configured" } }));
        responses.Add(new RecordedResponse("GET", "/v1.0/deviceAppManagement/vppTokens", 200, Body: new JsonObject { ["value"] = new JsonArray() }));
        return new GraphRecording(responses);
    }
}
