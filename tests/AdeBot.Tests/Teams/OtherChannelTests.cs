using System.Text.Json.Nodes;
using AdeBot.Domain.Alerts;
using AdeBot.Testing;
using AdeBot.Tests.Infrastructure;

namespace AdeBot.Tests.Teams;

/// The real app with authentication on, the way the Bot Connector reaches it.
public sealed class AuthenticatedBotHost() : AdeBotHost(authenticated: true);

/// F-1: the Bot Connector signs Web Chat and Direct Line activities too, and their clients write
/// channelData as they like. Outside local mode only Teams is served, and only Teams names a tenant.
public sealed class OtherChannelTests(AuthenticatedBotHost host) : IClassFixture<AuthenticatedBotHost>
{
    private const string Victim = "22222222-2222-2222-2222-222222222222";

    public static TheoryData<string, string> Channels => new()
    {
        { "webchat", "message" },
        { "directline", "message" },
        { "webchat", "installationUpdate" },
        { "webchat", "conversationUpdate" },
    };

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task An_authenticated_activity_from_another_channel_naming_a_tenant_in_channelData_is_acknowledged_but_not_answered_or_stored(
        string channelId, string type)
    {
        var chat = new TeamsChat(host, tenantId: Victim);
        var activity = type switch
        {
            "message" => chat.Message("are my ADE tokens healthy?"),
            "installationUpdate" => chat.InstallationUpdate("add"),
            _ => chat.BotMembershipUpdate(added: true),
        };
        activity["channelId"] = channelId;
        activity["conversation"]!.AsObject().Remove("tenantId");

        await chat.PostAcceptedAsync(activity);
        // One turn at a time: a Teams conversation's answer comes after anything queued before it.
        await new TeamsChat(host).SettleAsync();

        Assert.Empty(chat.RepliesTo(activity));
        Assert.Empty(chat.ProactiveMessages());
        Assert.Null(await host.Get<ISubscriptionStore>().GetAsync(chat.Key, TestTimeout.Token));
        Assert.Contains(host.Logs.WithEventId(4104), entry => entry.Message.Contains(channelId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invoke_from_another_channel_gets_200_and_no_card()
    {
        var chat = new TeamsChat(host, tenantId: Victim);
        var invoke = chat.CardActionInvoke(JsonNode.Parse("""{ "action": { "type": "Action.Execute", "verb": "checkAgain", "data": { "verb": "checkAgain" } } }"""));
        invoke["channelId"] = "webchat";

        using var response = await host.PostActivityAsync(invoke);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(TestTimeout.Token));
        Assert.Empty(chat.RepliesTo(invoke));
    }

    [Fact]
    public async Task Teams_is_still_served_with_a_token()
    {
        var chat = new TeamsChat(host);

        var replies = await chat.SayAsync("help");

        Assert.NotEmpty(replies);
        Assert.All(host.Connector.Requests, request => Assert.StartsWith("Bearer ", request.Authorization, StringComparison.Ordinal));
    }
}
