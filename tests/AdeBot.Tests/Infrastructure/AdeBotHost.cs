using AdeBot.Testing;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AdeBot.Testing.Connector;
using AdeBot.Tests.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AdeBot.Tests.Infrastructure;

/// The real Program, started the way `dotnet run` starts it, on Kestrel at 127.0.0.1 (local mode
/// serves loopback callers only, and TestServer has no remote address), in Development, with
/// in-memory settings, a data folder of its own and background alert checks off. Replies go to a
/// FakeConnectorServer on loopback, named as the serviceUrl of every activity the tests post.
/// `configureServices` runs after Program's registrations, for fakes at the network edge only.
/// A `connector` given from outside outlives the host (a restart test posts to the same one).
/// `authenticated`: local mode off, `Bot:AppId` set, inbound tokens checked against a metadata
/// document on loopback that publishes <see cref="SigningKey"/> (endorsed, like the Bot
/// Connector's, for Teams, Web Chat and Direct Line); every post carries a token signed with it,
/// and replies go to an https fake connector with a fake Entra credential.
public class AdeBotHost(
    IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, FakeConnectorServer? connector = null,
    bool authenticated = false, TimeProvider? clock = null)
    : IAsyncLifetime, IAsyncDisposable
{
    public const string BotId = "28:adebot-test";
    public const string BotName = "AdeBot";
    public const string AppId = "00000000-0000-0000-0000-00000000ad0b";

    private ProgramFactory? _factory;
    private HttpClient? _http;
    private readonly bool _ownsConnector = connector is null;
    private FakeConnectorServer? _connector = connector;
    private TestOpenIdServer? _openId;
    private bool _started;

    public bool Authenticated => authenticated;

    /// The Bot Connector's signing key (authenticated hosts only).
    public TestSigningKey SigningKey { get; } = new("adebot-host-key", "msteams", "webchat", "directline");

    public FakeTokenCredential Credential { get; } = new(TimeProvider.System);

    public string DataPath { get; } = Directory.CreateTempSubdirectory("adebot-convtests-").FullName;

    public CapturedLogs Logs { get; } = new();

    public FakeConnectorServer Connector => _connector ?? throw NotStarted();

    /// With the regional path prefix Teams uses, so the tests see that replies keep it.
    public string ServiceUrl => Connector.ServiceUrl("amer/");

    public IServiceProvider Services => (_factory ?? throw NotStarted()).Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        _connector ??= authenticated ? await FakeConnectorServer.StartHttpsAsync() : await FakeConnectorServer.StartHttpAsync();
        Dictionary<string, string?> all = new()
        {
            ["Bot:AllowUnauthenticatedLocalRequests"] = "true",
            // One background turn at a time: a later message's reply then proves that every earlier
            // turn of the host has finished, which is how the tests know nothing more is coming.
            ["Inbox:Workers"] = "1",
            ["Storage:DataPath"] = DataPath,
            ["Alerts:Enabled"] = "false",
            // Tests sharing a host click as one user far more than a person would; the limit has tests of its own.
            ["Access:CardActionsPerUserPerMinute"] = "100000",
            // Every refusal answered: a chat's settle barrier is a message that must get a reply.
            ["Access:RefusalReplyIntervalSeconds"] = "0",
        };
        var edge = clock is null ? configureServices : services =>
        {
            services.AddSingleton(clock);
            configureServices?.Invoke(services);
        };
        if (authenticated)
        {
            _openId = await TestOpenIdServer.StartAsync(SigningKey);
            all["Bot:AllowUnauthenticatedLocalRequests"] = "false";
            all["Bot:AppId"] = AppId;
            all["Bot:AppType"] = "MultiTenant";
            all["Bot:ClientSecret"] = "not-a-real-secret";
            all["Bot:OpenIdMetadataUrl"] = _openId.MetadataUrl;
            // The fake connector is on loopback, which only local mode allows without being listed.
            all["Bot:AllowedServiceUrlHosts:0"] = "127.0.0.1";
            var fakeConnector = _connector;
            edge = services =>
            {
                services.AddKeyedSingleton<Azure.Core.TokenCredential>(AdeBot.Connector.BotConnectorServiceKeys.Credential, Credential);
                services.AddHttpClient(AdeBot.Connector.BotConnectorServiceKeys.HttpClientName)
                    .ConfigurePrimaryHttpMessageHandler((handler, _) => fakeConnector.TrustCertificateIn(handler));
                if (clock is not null) services.AddSingleton(clock);
                configureServices?.Invoke(services);
            };
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;

        _factory = new ProgramFactory(all, edge, Logs);
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        _started = true;
        var address = _factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
    }

    /// POST /api/messages: without an Authorization header, as a local tool would, or on an
    /// authenticated host with the Bot Connector's token for the activity's serviceUrl; `headers`
    /// are sent as well (a caller's traceparent, say).
    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        if (authenticated)
        {
            var claims = new BotTokenClaims(AppId, (string?)activity["serviceUrl"], (clock ?? TimeProvider.System).GetUtcNow());
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestBotTokens.Create(SigningKey, claims));
        }
        return await Http.SendAsync(request, TestTimeout.Token);
    }

    /// A client for the host's own endpoints (/healthz, /readyz, /metrics), from loopback.
    public HttpClient Http => _http ?? throw NotStarted();

    public virtual async Task DisposeAsync()
    {
        _http?.Dispose();
        // A host that refused to start has nothing to stop (and WebApplicationFactory cannot stop it).
        if (_factory is not null && _started) await _factory.DisposeAsync();
        if (_connector is not null && _ownsConnector) await _connector.DisposeAsync();
        if (_openId is not null) await _openId.DisposeAsync();
        SigningKey.Dispose();
        // SQLite pools connections; the pool must let go of the file before the folder can go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    private static InvalidOperationException NotStarted() => new("The host has not been started (InitializeAsync).");

    private sealed class ProgramFactory(
        IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices, CapturedLogs logs)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Development);
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
            // Program decides which exporters exist while it registers services, before the
            // configuration above is applied; host settings are seen by then.
            foreach (var (key, value) in settings.Where(s => s.Key.StartsWith("Telemetry:", StringComparison.Ordinal))) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs));
            if (configureServices is not null) builder.ConfigureTestServices(configureServices);
        }
    }
}

