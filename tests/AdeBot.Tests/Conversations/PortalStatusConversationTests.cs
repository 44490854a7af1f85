using System.Text.Json.Nodes;
using AdeBot.Inventory;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// A tenant of two ADE tokens whose connector status is recorded: "Contoso ABM Main" is healthy by
/// AdeBot's rules and unhealthy in Intune's tenant status; "Contoso ABM Old" is expired, which the
/// portal rates the same.
public sealed class PortalWorseBotHost() : ReplayBotHost(PortalReplays.Tenant(PortalReplays.Rows(200, """
    { "value": [
      { "connectorName": "appleDepLastSyncDateTime", "connectorInstanceId": "0b8f6c1e-00aa-4a52-9d7e-5a3b1e0000aa", "status": "unhealthy" },
      { "connectorName": "appleDepExpirationDateTime", "connectorInstanceId": "0b8f6c1e-00bb-4a52-9d7e-5a3b1e0000bb", "status": "unhealthy" },
      { "connectorName": "applePushNotificationServiceExpirationDateTime", "status": "healthy" }
    ] }
    """)));

/// The same tenant, whose connector status answers 403.
public sealed class PortalForbiddenBotHost() : ReplayBotHost(PortalReplays.Tenant(PortalReplays.Rows(403,
    """{ "error": { "code": "Forbidden", "message": "Application is not authorized to perform this operation." } }""")));

public static class PortalReplays
{
    private const string Graph = "https://graph.microsoft.com";

    public static RecordedResponse Rows(int status, string body) =>
        new("GET", Graph + "/beta/deviceManagement/connectorStatus", status, new Dictionary<string, string> { ["request-id"] = "req-portal-403" }, JsonNode.Parse(body));

    public static GraphRecording Tenant(RecordedResponse connectorStatus)
    {
        var now = TimeProvider.System.GetUtcNow();
        JsonObject Ade(string id, string name, DateTimeOffset expires) => new()
        {
            ["id"] = id, ["tokenName"] = name, ["appleIdentifier"] = "it-apple@contoso.example", ["tokenType"] = "dep",
            ["tokenExpirationDateTime"] = expires.ToString("O"), ["lastSuccessfulSyncDateTime"] = (now - TimeSpan.FromHours(2)).ToString("O"),
            ["lastSyncTriggeredDateTime"] = (now - TimeSpan.FromHours(2)).ToString("O"), ["lastSyncErrorCode"] = 0, ["syncedDeviceCount"] = 10,
        };
        return new GraphRecording(
        [
            new("GET", Graph + "/beta/deviceManagement/depOnboardingSettings", 200, Body: new JsonObject
            {
                ["value"] = new JsonArray(
                    Ade("0b8f6c1e-00aa-4a52-9d7e-5a3b1e0000aa", "Contoso ABM Main", now + TimeSpan.FromDays(200)),
                    Ade("0b8f6c1e-00bb-4a52-9d7e-5a3b1e0000bb", "Contoso ABM Old", now - TimeSpan.FromDays(3))),
            }),
            new("GET", Graph + "/v1.0/deviceManagement/applePushNotificationCertificate", 200, Body: new JsonObject
            {
                ["id"] = "apns-1", ["appleIdentifier"] = "mdm-push@contoso.example", ["expirationDateTime"] = (now + TimeSpan.FromDays(300)).ToString("O"),
            }),
            new("GET", Graph + "/v1.0/deviceAppManagement/vppTokens", 200, Body: new JsonObject { ["value"] = new JsonArray() }),
            connectorStatus,
        ]);
    }
}

public sealed class PortalStatusConversationTests(PortalWorseBotHost host) : IClassFixture<PortalWorseBotHost>
{
    [Theory]
    [InlineData("en-US", "are my ADE tokens healthy?", "Apple token health", "Intune's tenant status shows this connector as unhealthy")]
    [InlineData("fi-FI", "onko DEP-tunnukset kunnossa?", "Apple-yhteyksien kunto", "Intunen vuokraajan tila: tämä liitin on epäkunnossa")]
    [InlineData("uk-UA", "чи все гаразд з маркерами ADE?", "Стан маркерів Apple", "Стан клієнта Intune показує цей з'єднувач як несправний")]
    public async Task A_token_the_portal_rates_worse_is_not_called_healthy_and_the_card_says_why(string locale, string question, string heading, string portalLine)
    {
        var chat = new TeamsChat(host, locale: locale);

        var (_, tokenCards) = IsHealthAnswer(await chat.SayAsync(question), heading);

        var texts = tokenCards.SelectMany(TextBlocks).ToList();
        Assert.Contains("Contoso ABM Main", texts);
        // Said once: for the token the portal rates worse, not for the expired one it rates the same.
        Assert.Single(texts, t => t == portalLine);
    }
}

public sealed class PortalForbiddenConversationTests(PortalForbiddenBotHost host) : IClassFixture<PortalForbiddenBotHost>
{
    [Fact]
    public async Task A_403_on_the_connector_status_is_silent_in_chat_and_logged_once_per_read()
    {
        var chat = new TeamsChat(host);

        var (_, tokenCards) = IsHealthAnswer(await chat.SayAsync("are my ADE tokens healthy?"), "Apple token health");

        var text = string.Join("\n", tokenCards.Select(AllText));
        Assert.DoesNotContain("Contoso ABM Main", text);
        Assert.DoesNotContain("tenant status", text);
        Assert.DoesNotContain("not authorized", text);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 2014 && e.Text.Contains("req-portal-403", StringComparison.Ordinal));
    }
}
