using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AdeBot.Testing.Connector;

/// The Bot Framework OpenID metadata and key set, served on loopback from keys made in the test.
/// The published keys can change while it runs (key rotation); fetches are counted.
public sealed class TestOpenIdServer : IAsyncDisposable
{
    private const string MetadataPath = "/v1/.well-known/openidconfiguration";
    private const string KeysPath = "/v1/.well-known/keys";

    private readonly object _gate = new();
    private List<TestSigningKey> _published;
    private LoopbackWebApp _app = null!;
    private int _metadataRequests;
    private int _keySetRequests;

    private TestOpenIdServer(IEnumerable<TestSigningKey> keys) => _published = [.. keys];

    public string Issuer { get; init; } = BotTokenClaims.BotFrameworkIssuer;

    public string MetadataUrl => new Uri(_app.BaseUri, MetadataPath.TrimStart('/')).AbsoluteUri;

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeySetRequests => Volatile.Read(ref _keySetRequests);

    public static async Task<TestOpenIdServer> StartAsync(params TestSigningKey[] keys)
    {
        var server = new TestOpenIdServer(keys);
        server._app = await LoopbackWebApp.StartAsync(app =>
        {
            app.MapGet(MetadataPath, server.Metadata);
            app.MapGet(KeysPath, server.KeySet);
        });
        return server;
    }

    public void Publish(params TestSigningKey[] keys)
    {
        lock (_gate) _published = [.. keys];
    }

    private IResult Metadata()
    {
        Interlocked.Increment(ref _metadataRequests);
        return Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = new Uri(_app.BaseUri, "v1/authorize").AbsoluteUri,
            ["jwks_uri"] = new Uri(_app.BaseUri, KeysPath.TrimStart('/')).AbsoluteUri,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        });
    }

    private IResult KeySet()
    {
        Interlocked.Increment(ref _keySetRequests);
        List<Dictionary<string, object>> keys;
        lock (_gate) keys = [.. _published.Select(key => key.ToJwk())];
        return Results.Json(new Dictionary<string, object> { ["keys"] = keys });
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
