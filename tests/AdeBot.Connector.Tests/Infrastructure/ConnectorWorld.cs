using AdeBot.Testing.Connector;

namespace AdeBot.Connector.Tests.Infrastructure;

/// Everything around an authenticated bot: the Bot Framework key set on loopback (a Teams key, a key
/// endorsed only for webchat, one without endorsements), a fake Connector over https, a fake Entra
/// credential, and the bot itself pointed at them.
public sealed class ConnectorWorld : IAsyncLifetime
{
    public TestSigningKey TeamsKey { get; } = new("teams-key", "msteams", "skype");
    public TestSigningKey WebchatOnlyKey { get; } = new("webchat-key", "webchat");
    public TestSigningKey UnendorsedKey { get; } = TestSigningKey.WithoutEndorsements("unendorsed-key");
    // Same kid as the Teams key, different private key: what a forger would sign with.
    public TestSigningKey ForgedTeamsKey { get; } = new("teams-key", "msteams");
    public TestSigningKey UnpublishedKey { get; } = new("never-published", "msteams");

    public FakeTokenCredential Credential { get; } = new(TimeProvider.System);

    internal TestOpenIdServer OpenId { get; private set; } = null!;
    internal FakeConnectorServer Connector { get; private set; } = null!;
    internal BotTestHost Bot { get; private set; } = null!;

    public string ServiceUrl => Connector.ServiceUrl("amer/");

    internal TokenContext Tokens => new(this, ConnectorServices.AppId, ServiceUrl, TimeProvider.System.GetUtcNow());

    public async Task InitializeAsync()
    {
        OpenId = await TestOpenIdServer.StartAsync(TeamsKey, WebchatOnlyKey, UnendorsedKey);
        Connector = await FakeConnectorServer.StartHttpsAsync();
        Bot = await BotTestHost.StartAsync(ConnectorServices.AuthenticatedSettings(OpenId.MetadataUrl), Connector, Credential);
    }

    internal string ValidAuthorization() => Tokens.Bearer(TestBotTokens.Create(TeamsKey, Tokens.Claims));

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await OpenId.DisposeAsync();
        foreach (var key in new[] { TeamsKey, WebchatOnlyKey, UnendorsedKey, ForgedTeamsKey, UnpublishedKey }) key.Dispose();
    }
}

internal sealed record TokenContext(ConnectorWorld World, string AppId, string ServiceUrl, DateTimeOffset Now)
{
    public BotTokenClaims Claims => new(AppId, ServiceUrl, Now);

    public string Bearer(string token) => "Bearer " + token;
}

/// The inbound token table (the checks of https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication): how each case's Authorization header is made,
/// and the failure it must produce (null: accepted).
internal static class TokenCases
{
    private static readonly byte[] SharedSecret = "a shared secret an attacker could know!!"u8.ToArray();

    public static readonly IReadOnlyDictionary<string, (Func<TokenContext, string?> Header, BotAuthFailure? Expected)> All =
        new Dictionary<string, (Func<TokenContext, string?>, BotAuthFailure?)>
        {
            ["valid RS256"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey, c.Claims)), null),
            ["valid RS512"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey, c.Claims, "RS512")), null),
            ["expired 4 minutes ago, inside the 5-minute skew"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey,
                c.Claims with { NotBefore = c.Now.AddHours(-1), Expires = c.Now.AddMinutes(-4) })), null),
            ["serviceurl claim differing only in case and trailing slash"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey,
                c.Claims with { ServiceUrl = c.ServiceUrl.ToUpperInvariant().TrimEnd('/') })), null),

            ["no Authorization header"] = (_ => null, BotAuthFailure.MissingHeader),
            ["Basic scheme"] = (_ => "Basic dXNlcjpwYXNzd29yZA==", BotAuthFailure.WrongScheme),
            ["Bearer without a JWT"] = (c => c.Bearer("not-a-jwt"), BotAuthFailure.MalformedToken),
            ["wrong issuer"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey,
                c.Claims with { Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/" })), BotAuthFailure.InvalidIssuer),
            ["wrong audience"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey,
                c.Claims with { Audience = "another-bots-app-id" })), BotAuthFailure.InvalidAudience),
            ["expired 6 minutes ago"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey,
                c.Claims with { NotBefore = c.Now.AddHours(-1), Expires = c.Now.AddMinutes(-6) })), BotAuthFailure.Expired),
            ["not valid for another 6 minutes"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey,
                c.Claims with { NotBefore = c.Now.AddMinutes(6), Expires = c.Now.AddHours(1) })), BotAuthFailure.NotYetValid),
            ["bad signature (published kid, other key)"] = (c => c.Bearer(TestBotTokens.Create(c.World.ForgedTeamsKey, c.Claims)), BotAuthFailure.InvalidSignature),
            ["alg none"] = (c => c.Bearer(TestBotTokens.CreateUnsigned(c.World.TeamsKey.KeyId, c.Claims)), BotAuthFailure.InvalidAlgorithm),
            ["HS256 with a shared secret"] = (c => c.Bearer(TestBotTokens.CreateHmac(SharedSecret, c.World.TeamsKey.KeyId, c.Claims)), BotAuthFailure.InvalidAlgorithm),
            ["unknown kid"] = (c => c.Bearer(TestBotTokens.Create(c.World.UnpublishedKey, c.Claims)), BotAuthFailure.UnknownSigningKey),
            ["key endorsed for another channel only"] = (c => c.Bearer(TestBotTokens.Create(c.World.WebchatOnlyKey, c.Claims)), BotAuthFailure.EndorsementMissing),
            ["key without endorsements"] = (c => c.Bearer(TestBotTokens.Create(c.World.UnendorsedKey, c.Claims)), BotAuthFailure.EndorsementMissing),
            ["serviceurl claim for another service"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey,
                c.Claims with { ServiceUrl = "https://smba.trafficmanager.net/amer/" })), BotAuthFailure.ServiceUrlMismatch),
            ["no serviceurl claim"] = (c => c.Bearer(TestBotTokens.Create(c.World.TeamsKey, c.Claims with { ServiceUrl = null })), BotAuthFailure.ServiceUrlMismatch),
        };

    public static TheoryData<string> Names => [.. All.Keys];

    public static TheoryData<string, string> NamesByActivityType
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in All.Keys)
                foreach (var type in new[] { ActivityTypes.Message, ActivityTypes.Invoke, "someFutureActivityType" })
                    data.Add(name, type);
            return data;
        }
    }
}
