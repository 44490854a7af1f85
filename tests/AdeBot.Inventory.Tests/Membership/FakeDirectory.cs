using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdeBot.Inventory.Tests.Membership;

/// Graph's checkMemberGroups answered from a table of users and their groups, at the network edge,
/// with Graph's documented rules: at most 20 ids per request, and the answer lists the requested
/// groups the user is a member of.
public static class FakeDirectory
{
    public const int GraphLimit = 20;

    public static string CheckPath(string userObjectId) => $"/v1.0/users/{userObjectId}/checkMemberGroups";

    public static FakeNetwork WithUser(this FakeNetwork network, string userObjectId, params string[] memberOf) =>
        network.On(CheckPath(userObjectId), request =>
        {
            var asked = RequestedGroupIds(request.Content!.ReadAsStringAsync().GetAwaiter().GetResult());
            if (asked.Count is 0 or > GraphLimit)
                return GraphJson.Status(HttpStatusCode.BadRequest);
            var found = asked.Where(g => memberOf.Contains(g, StringComparer.OrdinalIgnoreCase));
            return FakeNetwork.Json(new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)",
                ["value"] = new JsonArray([.. found.Select(g => JsonValue.Create(g))]),
            }.ToJsonString());
        });

    public static List<string> RequestedGroupIds(string body) =>
        [.. JsonNode.Parse(body)!["groupIds"]!.AsArray().Select(g => g!.GetValue<string>())];

    public static IReadOnlyList<List<string>> CheckRequests(this FakeNetwork network, string userObjectId) =>
        [.. network.GraphRequests(CheckPath(userObjectId)).Select(r => RequestedGroupIds(r.Body!))];

    public static string Group(int number) => $"9a000000-0000-0000-0000-{number:D12}";

    public static string[] Groups(int count) => [.. Enumerable.Range(1, count).Select(Group)];
}
