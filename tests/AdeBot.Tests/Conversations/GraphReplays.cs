using System.Text.Json.Nodes;
using AdeBot.Inventory;
using AdeBot.Tests.Infrastructure;

namespace AdeBot.Tests.Conversations;

/// A host whose Graph answers come from a recording (Graph:ReplayPath) written for it, in the
/// replay format of tests/AdeBot.Inventory.Tests/Recordings/README.md.
public abstract class ReplayBotHost : AdeBotHost
{
    private readonly string _replayPath;

    protected ReplayBotHost(GraphRecording recording) : this(Write(recording))
    {
    }

    private ReplayBotHost(string replayPath) : base(new Dictionary<string, string?> { ["Graph:ReplayPath"] = replayPath }) =>
        _replayPath = replayPath;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_replayPath);
    }

    private static string Write(GraphRecording recording)
    {
        var path = Path.Combine(Path.GetTempPath(), $"adebot-convtests-replay-{Guid.NewGuid():N}.json");
        recording.Save(path);
        return path;
    }
}

/// Recordings of the Graph answers the conversation tests need.
public static class GraphReplays
{
    private const string Graph = "https://graph.microsoft.com";
    private const string AdeList = Graph + "/beta/deviceManagement/depOnboardingSettings";
    private const string Apns = Graph + "/v1.0/deviceManagement/applePushNotificationCertificate";
    private const string VppList = Graph + "/v1.0/deviceAppManagement/vppTokens";

    /// Every read answers 403, as when the app lacks DeviceManagementServiceConfig.Read.All. The error
    /// text does not name the permission, so a reply that does got it from AdeBot, not from Graph.
    public static GraphRecording Forbidden() => Recording(
        Response(AdeList, 403, GraphError("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")),
        Response(Apns, 403, GraphError("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")),
        Response(VppList, 403, GraphError("Authorization_RequestDenied", "Insufficient privileges to complete the operation.")));

    /// The ADE list answers 200 with a body that is not JSON: nothing AdeBot can classify.
    public static GraphRecording Garbled() => Recording(
        Response(AdeList, 200, JsonValue.Create("{\"value\": [ {\"id\": \"0b8f\", \"tokenName\": GARBLED-BY-PROXY")));

    /// `count` ADE tokens, every one failing (expired, expiring with a sync error, failing sync, never
    /// synced), with long names in three scripts; in pages of 500 via $skiptoken. A healthy APNs
    /// certificate and no VPP tokens, so exactly `count` tokens need attention.
    public static GraphRecording FailingAdeTokens(int count, DateTimeOffset now)
    {
        List<JsonObject> tokens = [.. Enumerable.Range(1, count).Select(i => FailingAdeToken(i, now))];
        List<RecordedResponse> responses = [];
        var pages = tokens.Chunk(500).ToList();
        for (var page = 0; page < pages.Count; page++)
        {
            var url = page == 0 ? AdeList : $"{AdeList}?$skiptoken=page-{page + 1}";
            var body = new JsonObject { ["value"] = new JsonArray([.. pages[page]]) };
            if (page + 1 < pages.Count) body["@odata.nextLink"] = $"{AdeList}?$skiptoken=page-{page + 2}";
            responses.Add(Response(url, 200, body));
        }
        responses.Add(Response(Apns, 200, new JsonObject
        {
            ["id"] = "5a3b1e00-a9b5-4c3e-8f00-000000000a95",
            ["appleIdentifier"] = "mdm-push@contoso.example",
            ["topicIdentifier"] = "com.apple.mgmt.External.5a3b1e00-0000-4000-8000-c0a7050c0a75",
            ["expirationDateTime"] = (now + TimeSpan.FromDays(300)).ToString("O"),
            ["lastModifiedDateTime"] = (now - TimeSpan.FromDays(60)).ToString("O"),
        }));
        responses.Add(Response(VppList, 200, new JsonObject { ["value"] = new JsonArray() }));
        return Recording([.. responses]);
    }

    private static JsonObject FailingAdeToken(int i, DateTimeOffset now)
    {
        var (expires, lastSync, errorCode) = (i % 4) switch
        {
            0 => (now - TimeSpan.FromDays(1 + i % 30), now - TimeSpan.FromDays(40), 0),
            1 => (now + TimeSpan.FromDays(1 + i % 6), now - TimeSpan.FromHours(80), 3),
            2 => (now + TimeSpan.FromDays(200), now - TimeSpan.FromDays(9), 7),
            _ => (now + TimeSpan.FromDays(100), (DateTimeOffset?)null, 0),
        };
        return new JsonObject
        {
            ["id"] = $"0b8f6c1e-{i:0000}-4a52-9d7e-5a3b1e{i:000000}",
            ["tokenName"] = $"Contoso Oy – Ääkkösten toimipiste – Київський офіс № {i:0000} – Apple Business Manager",
            ["appleIdentifier"] = $"apple-admin-{i:0000}@enrollment.helsinki-kyiv.contoso-international.example",
            ["tokenType"] = i % 5 == 0 ? "appleSchoolManager" : "dep",
            ["tokenExpirationDateTime"] = expires.ToString("O"),
            ["lastSuccessfulSyncDateTime"] = lastSync?.ToString("O"),
            ["lastSyncTriggeredDateTime"] = (now - TimeSpan.FromHours(1)).ToString("O"),
            ["lastSyncErrorCode"] = errorCode,
            ["syncedDeviceCount"] = i,
        };
    }

    private static GraphRecording Recording(params RecordedResponse[] responses) => new(responses);

    private static RecordedResponse Response(string url, int status, JsonNode body) =>
        new("GET", url, status, new Dictionary<string, string> { ["request-id"] = Guid.NewGuid().ToString() }, body);

    private static JsonObject GraphError(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
