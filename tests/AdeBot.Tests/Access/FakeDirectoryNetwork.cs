using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AdeBot.Tests.Access;

/// The network edge under the inventory: Entra ID sign-in (instance discovery and the token endpoint,
/// so the real Azure.Identity credential runs) and Graph's checkMemberGroups answered from a table of
/// users and their groups, or with a fixed error status. Remembers every Graph request.
public sealed class FakeDirectoryNetwork : HttpMessageHandler
{
    private const string LoginHost = "login.microsoftonline.com";
    private readonly Dictionary<string, string[]> _groupsOfUser = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<(Uri Uri, string? Body)> GraphRequests { get; } = new();

    /// When set, Graph answers every request with this status (e.g. 403 for a missing permission).
    public HttpStatusCode? FailWith { get; set; }

    /// When true, Entra ID refuses the app's sign-in (a wrong or expired client secret).
    public bool RefuseSignIn { get; set; }

    public FakeDirectoryNetwork WithUser(string userObjectId, params string[] memberOf)
    {
        _groupsOfUser[userObjectId] = memberOf;
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.Host == LoginHost) return RefuseSignIn && uri.AbsolutePath.EndsWith("/token", StringComparison.Ordinal)
            ? Json("""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""", HttpStatusCode.Unauthorized)
            : SignIn(uri);

        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        GraphRequests.Enqueue((uri, body));
        if (FailWith is { } status)
            return Json($$$"""{"error":{"code":"{{{status}}}","message":"faked"}}""", status);

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["v1.0", "users", var user, "checkMemberGroups"] || !_groupsOfUser.TryGetValue(user, out var memberOf))
            return Json("""{"error":{"code":"Request_ResourceNotFound","message":"faked"}}""", HttpStatusCode.NotFound);
        var asked = JsonNode.Parse(body!)!["groupIds"]!.AsArray().Select(g => g!.GetValue<string>());
        var found = asked.Where(g => memberOf.Contains(g, StringComparer.OrdinalIgnoreCase));
        return Json(new JsonObject { ["value"] = new JsonArray([.. found.Select(g => JsonValue.Create(g))]) }.ToJsonString());
    }

    private static HttpResponseMessage SignIn(Uri uri)
    {
        if (uri.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            var tenant = uri.Segments[1].TrimEnd('/');
            return Json($$"""
                {"tenant_discovery_endpoint":"https://{{LoginHost}}/{{tenant}}/v2.0/.well-known/openid-configuration","api-version":"1.1",
                 "metadata":[{"preferred_network":"{{LoginHost}}","preferred_cache":"login.windows.net","aliases":["{{LoginHost}}","login.windows.net"]}]}
                """);
        }
        return Json("""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"test-access-token"}""");
    }

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
