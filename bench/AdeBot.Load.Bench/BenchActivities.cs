using System.Text.Json.Nodes;

namespace AdeBot.Load.Bench;

/// The activities the benchmarks post, as Teams would send them.
internal static class BenchActivities
{
    /// Benchmark tenant i: a valid GUID, distinct for every i.
    public static string TenantOf(int i) => $"{i + 1:x8}-0000-4000-8000-000000000000";

    /// The app installed in a personal conversation (an app setup policy pinning AdeBot does this for everyone).
    public static string Install(string conversationId, string tenantId, string serviceUrl) => new JsonObject
    {
        ["type"] = "installationUpdate",
        ["action"] = "add",
        ["id"] = $"install-{conversationId}",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["locale"] = "en-US",
        ["from"] = new JsonObject { ["id"] = "29:1bench-user", ["aadObjectId"] = "5b000000-0000-0000-0000-0000000000a1" },
        ["recipient"] = new JsonObject { ["id"] = "28:adebot-bench", ["name"] = "AdeBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = tenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
    }.ToJsonString();
}
