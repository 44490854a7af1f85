using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AdeBot.Inventory.Tests;

/// The network edge: answers Entra ID sign-in requests (so the real Azure.Identity credentials run)
/// and Graph requests by path, and remembers every request it saw.
public sealed class FakeNetwork : HttpMessageHandler
{
    public const string LoginHost = "login.microsoftonline.com";

    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _routes =
        new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// Replaces the token endpoint's answer (given the tenant), e.g. with an Entra ID error.
    public Func<string, HttpResponseMessage>? TokenEndpoint { get; set; }

    public sealed record SeenRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body);

    public IReadOnlyList<SeenRequest> GraphRequests(string path) =>
        [.. Requests.Where(r => r.Uri.Host != LoginHost && r.Uri.AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase))];

    public IReadOnlyList<SeenRequest> TokenRequests =>
        [.. Requests.Where(r => r.Uri.Host == LoginHost && r.Uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))];

    public FakeNetwork On(string path, Func<HttpRequestMessage, HttpResponseMessage> respond) =>
        On(path, (request, _) => Task.FromResult(respond(request)));

    public FakeNetwork On(string path, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _routes[path] = respond;
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new SeenRequest(request.Method, uri, request.Headers.Authorization?.ToString(), body));

        if (uri.Host == LoginHost) return SignIn(request, uri, TokenEndpoint);
        var response = _routes.TryGetValue(uri.AbsolutePath, out var respond)
            ? await respond(request, cancellationToken)
            : Json("""{"error":{"code":"ResourceNotFound","message":"not faked"}}""", HttpStatusCode.NotFound);
        response.RequestMessage = request;
        return response;
    }

    /// Instance discovery and the client-credentials token endpoint; each tenant gets its own access token.
    private static HttpResponseMessage SignIn(HttpRequestMessage request, Uri uri, Func<string, HttpResponseMessage>? tokenEndpoint)
    {
        var tenant = uri.Segments.Length > 1 ? uri.Segments[1].TrimEnd('/') : "";
        if (uri.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            return Json($$"""
                {"tenant_discovery_endpoint":"https://{{LoginHost}}/{{tenant}}/v2.0/.well-known/openid-configuration","api-version":"1.1",
                 "metadata":[{"preferred_network":"{{LoginHost}}","preferred_cache":"login.windows.net","aliases":["{{LoginHost}}","login.windows.net","login.microsoft.com","sts.windows.net"]}]}
                """);
        }
        if (request.Method == HttpMethod.Post && uri.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            return tokenEndpoint?.Invoke(tenant)
                ?? Json($$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"access-for-{{tenant}}"}""");
        }
        return Json("""{"error":"invalid_request"}""", HttpStatusCode.BadRequest);
    }

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }
}
