using AdeBot.Testing;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AdeBot.Testing.Connector;

namespace AdeBot.Tests.Acceptance;

/// The built bot configured as in production (`Bot:AppId`, SingleTenant, a secret) with
/// `Bot:OpenIdMetadataUrl` pointing at a metadata document on loopback that publishes keys made
/// here. One process serves every case of the class.
public sealed class AuthenticatedBotFixture : IAsyncLifetime
{
    public const string TeamsKeyId = "acceptance-teams-key";
    public const string Channel = "msteams";

    private readonly TempFolder _folder = new("adebot-accept-");
    private TestOpenIdServer _openId = null!;
    private AdeBotProcess _app = null!;

    public string AppId { get; } = Guid.NewGuid().ToString();

    public string TenantId { get; } = Guid.NewGuid().ToString();

    /// Teams' serviceUrls are https; an authenticated activity with anything else is refused for
    /// that reason alone, which would hide what these tests look at.
    public string ServiceUrl => "https://smba.trafficmanager.net/amer/";

    /// Published and endorsed for msteams: the key the Bot Connector signs with.
    public TestSigningKey TeamsKey { get; } = new(TeamsKeyId, Channel);

    /// Published, but endorsed only for another channel.
    public TestSigningKey WebChatOnlyKey { get; } = new("acceptance-webchat-key", "webchat");

    /// Published with no endorsements at all.
    public TestSigningKey UnendorsedKey { get; } = TestSigningKey.WithoutEndorsements("acceptance-unendorsed-key");

    /// The Teams key's kid with a different private key: a forged signature.
    public TestSigningKey ImpostorKey { get; } = new(TeamsKeyId, Channel);

    /// Never published.
    public TestSigningKey UnpublishedKey { get; } = new("acceptance-unpublished-key", Channel);

    public HttpClient Http { get; } = LoopbackHttp.Create();

    public Uri MessagesUri => new(_app.BaseUri!, "api/messages");

    public string Output => _app.Output;

    public async Task InitializeAsync()
    {
        _openId = await TestOpenIdServer.StartAsync(TeamsKey, WebChatOnlyKey, UnendorsedKey);
        _app = await AdeBotProcess.StartServiceAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__DataPath"] = _folder.DataPath,
            ["Bot__AppId"] = AppId,
            ["Bot__AppType"] = "SingleTenant",
            ["Bot__TenantId"] = TenantId,
            ["Bot__ClientSecret"] = "acceptance-secret-that-signs-in-nowhere",
            ["Bot__OpenIdMetadataUrl"] = _openId.MetadataUrl,
            ["Bot__AllowUnauthenticatedLocalRequests"] = "false",
            // Nothing here is about alerts; a check must not add traffic of its own.
            ["Alerts__Enabled"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _openId.DisposeAsync();
        Http.Dispose();
        foreach (var key in new[] { TeamsKey, WebChatOnlyKey, UnendorsedKey, ImpostorKey, UnpublishedKey }) key.Dispose();
        _folder.Dispose();
    }
}

/// Acceptance: with `Bot:AppId` set and the metadata on loopback, every bad token of the
/// BadTokens list is refused with 401 (403 for endorsements) and a valid one is accepted, whatever
/// the activity type.
public sealed class InboundAuthenticationAcceptanceTests(AuthenticatedBotFixture bot) : IClassFixture<AuthenticatedBotFixture>
{
    public static readonly string[] ActivityTypes =
        ["message", "typing", "invoke", "installationUpdate", "conversationUpdate", "messageReaction", "event"];

    /// Every check the inbound token must pass (see TokenCases in the connector tests), plus a token with no serviceurl claim at all.
    public static readonly string[] BadTokens =
    [
        "no Authorization header",
        "wrong scheme",
        "wrong issuer",
        "wrong audience",
        "expired",
        "not yet valid",
        "bad signature",
        "alg none",
        "HS256 with a shared secret",
        "unknown kid",
        "key endorsed for another channel only",
        "key without endorsements",
        "serviceurl claim differs",
        "serviceurl claim missing",
    ];

    private static readonly string[] EndorsementCases = ["key endorsed for another channel only", "key without endorsements"];

    public static TheoryData<string, string> BadTokenCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var token in BadTokens)
        {
            foreach (var type in ActivityTypes) data.Add(token, type);
        }
        return data;
    }

    public static TheoryData<string> AllActivityTypes() => [.. ActivityTypes];

    [Theory]
    [MemberData(nameof(BadTokenCases))]
    public async Task A_bad_token_is_refused(string badToken, string activityType)
    {
        using var response = await PostAsync(activityType, AuthorizationFor(badToken));

        var allowed = EndorsementCases.Contains(badToken)
            ? new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden }
            : [HttpStatusCode.Unauthorized];
        Assert.True(allowed.Contains(response.StatusCode),
            $"{badToken} on a {activityType} activity got {(int)response.StatusCode}; expected {string.Join(" or ", allowed.Select(s => (int)s))}.");
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(AllActivityTypes))]
    public async Task A_valid_token_is_accepted(string activityType)
    {
        using var response = await PostAsync(activityType, Bearer(Valid()));

        if (activityType == "invoke")
        {
            // An invoke's status is its handler's answer; what matters here is that it got one.
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)response.StatusCode < 500,
                $"A valid token on an invoke got {(int)response.StatusCode}. Output:\n{bot.Output}");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"A valid token on a {activityType} activity got {(int)response.StatusCode}. Output:\n{bot.Output}");
        }
    }

    private AuthenticationHeaderValue? AuthorizationFor(string badToken) => badToken switch
    {
        "no Authorization header" => null,
        "wrong scheme" => new AuthenticationHeaderValue("Basic", Valid()),
        "wrong issuer" => Bearer(TestBotTokens.Create(bot.TeamsKey, Claims() with { Issuer = "https://sts.windows.net/" + bot.TenantId + "/" })),
        "wrong audience" => Bearer(TestBotTokens.Create(bot.TeamsKey, Claims() with { Audience = Guid.NewGuid().ToString() })),
        "expired" => Bearer(TestBotTokens.Create(bot.TeamsKey, Claims() with { NotBefore = Now().AddHours(-2), Expires = Now().AddMinutes(-10) })),
        "not yet valid" => Bearer(TestBotTokens.Create(bot.TeamsKey, Claims() with { NotBefore = Now().AddMinutes(10), Expires = Now().AddMinutes(70) })),
        "bad signature" => Bearer(TestBotTokens.Create(bot.ImpostorKey, Claims())),
        "alg none" => Bearer(TestBotTokens.CreateUnsigned(AuthenticatedBotFixture.TeamsKeyId, Claims())),
        "HS256 with a shared secret" => Bearer(TestBotTokens.CreateHmac(Encoding.UTF8.GetBytes("a shared secret of thirty-two bytes or more!"), AuthenticatedBotFixture.TeamsKeyId, Claims())),
        "unknown kid" => Bearer(TestBotTokens.Create(bot.UnpublishedKey, Claims())),
        "key endorsed for another channel only" => Bearer(TestBotTokens.Create(bot.WebChatOnlyKey, Claims())),
        "key without endorsements" => Bearer(TestBotTokens.Create(bot.UnendorsedKey, Claims())),
        "serviceurl claim differs" => Bearer(TestBotTokens.Create(bot.TeamsKey, Claims() with { ServiceUrl = "https://smba.attacker.example/amer/" })),
        "serviceurl claim missing" => Bearer(TestBotTokens.Create(bot.TeamsKey, Claims() with { ServiceUrl = null })),
        _ => throw new ArgumentOutOfRangeException(nameof(badToken), badToken, "Not a case of this test."),
    };

    private string Valid() => TestBotTokens.Create(bot.TeamsKey, Claims());

    private BotTokenClaims Claims() => new(bot.AppId, bot.ServiceUrl, Now());

    private static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private async Task<HttpResponseMessage> PostAsync(string activityType, AuthenticationHeaderValue? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUri)
        {
            Content = new StringContent(Activity(activityType).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = authorization;
        return await bot.Http.SendAsync(request);
    }

    /// What Teams posts for each type, addressed to this bot in a personal chat of the fixture's tenant.
    private JsonObject Activity(string type)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "f:" + Guid.NewGuid().ToString("N"),
            ["timestamp"] = Now().ToString("o"),
            ["channelId"] = AuthenticatedBotFixture.Channel,
            ["serviceUrl"] = bot.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "29:acceptance-user", ["name"] = "Acceptance Admin", ["aadObjectId"] = Guid.NewGuid().ToString() },
            ["recipient"] = new JsonObject { ["id"] = "28:" + bot.AppId, ["name"] = "AdeBot" },
            ["conversation"] = new JsonObject { ["id"] = "a:acceptance-personal-chat", ["conversationType"] = "personal", ["tenantId"] = bot.TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = bot.TenantId } },
            ["locale"] = "en-US",
        };
        switch (type)
        {
            case "message":
                activity["text"] = "are my ADE tokens healthy?";
                break;
            case "invoke":
                activity["name"] = "adaptiveCard/action";
                activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "help", ["data"] = new JsonObject() } };
                break;
            case "installationUpdate":
                activity["action"] = "add";
                break;
            case "messageReaction":
                activity["reactionsAdded"] = new JsonArray(new JsonObject { ["type"] = "like" });
                activity["replyToId"] = "1700000000000";
                break;
            case "event":
                activity["name"] = "application/vnd.microsoft.meetingStart";
                break;
        }
        return activity;
    }
}
