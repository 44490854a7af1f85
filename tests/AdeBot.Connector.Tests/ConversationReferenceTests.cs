using System.Text.Json;

namespace AdeBot.Connector.Tests;

public sealed class ConversationReferenceTests
{
    private static Activity Install(string? conversationTenant, string? channelDataJson) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = "f:1",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        From = new ChannelAccount { Id = "29:1user", Name = "Ada", AadObjectId = "aad-1" },
        Recipient = new ChannelAccount { Id = "28:bot-app", Name = "AdeBot" },
        Conversation = new ConversationAccount { Id = "19:c@thread.tacv2", ConversationType = "channel", IsGroup = true, TenantId = conversationTenant },
        ChannelData = channelDataJson is null ? null : JsonDocument.Parse(channelDataJson).RootElement,
        Locale = "fi-FI",
    };

    [Theory]
    [InlineData("tenant-conv", """{"tenant":{"id":"tenant-cd"}}""", "tenant-conv")]
    [InlineData(null, """{"tenant":{"id":"tenant-cd"}}""", "tenant-cd")]
    [InlineData("", """{"tenant":{"id":"tenant-cd"}}""", "tenant-cd")]
    [InlineData(null, null, null)]
    [InlineData(null, "\"not an object\"", null)]
    public void The_tenant_comes_from_the_conversation_or_the_channel_data(string? conversationTenant, string? channelData, string? expected)
    {
        Assert.Equal(expected, ConversationReference.FromActivity(Install(conversationTenant, channelData)).TenantId);
    }

    [Theory]
    [InlineData("webchat", null, """{"tenant":{"id":"victim-tenant"}}""")]
    [InlineData("directline", null, """{"tenant":{"id":"victim-tenant"}}""")]
    [InlineData("webchat", "victim-tenant", """{"tenant":{"id":"victim-tenant"}}""")]
    [InlineData("MSTEAMS", null, """{"tenant":{"id":"victim-tenant"}}""")]
    [InlineData(null, "victim-tenant", null)]
    public void Only_a_Teams_activity_names_a_tenant(string? channelId, string? conversationTenant, string? channelData)
    {
        var activity = Install(conversationTenant, channelData) with { ChannelId = channelId };

        Assert.Null(ConversationReference.TenantOf(activity));
    }

    [Fact]
    public void Everything_needed_for_a_proactive_send_is_kept()
    {
        var activity = Install("tenant-1", """{"team":{"id":"19:team@thread.tacv2"},"channel":{"id":"19:c@thread.tacv2"},"tenant":{"id":"tenant-1"}}""");

        var reference = ConversationReference.FromActivity(activity);

        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reference.ServiceUrl);
        Assert.Equal("19:c@thread.tacv2", reference.ConversationId);
        Assert.Equal("channel", reference.ConversationType);
        Assert.Equal(true, reference.IsGroup);
        Assert.Equal("f:1", reference.ActivityId);
        Assert.Equal("28:bot-app", reference.Bot?.Id);
        Assert.Equal("aad-1", reference.User?.AadObjectId);
        Assert.Equal("19:team@thread.tacv2", reference.TeamId);
        Assert.Equal("19:c@thread.tacv2", reference.TeamsChannelId);
        Assert.Equal("fi-FI", reference.Locale);
    }

    [Fact]
    public void A_reference_round_trips_through_json_for_storage()
    {
        var reference = ConversationReference.FromActivity(Install("tenant-1", """{"team":{"id":"t"}}"""));

        var restored = JsonSerializer.Deserialize<ConversationReference>(JsonSerializer.Serialize(reference, ConnectorJson.Options), ConnectorJson.Options);

        Assert.Equal(reference.ConversationId, restored?.ConversationId);
        Assert.Equal(reference.User, restored?.User);
        Assert.Equal(reference.Bot, restored?.Bot);
        Assert.Equal(reference with { User = null, Bot = null }, restored! with { User = null, Bot = null });
    }

    [Theory]
    [InlineData(null, "https://smba.trafficmanager.net/emea/", "a:1")]
    [InlineData("msteams", null, "a:1")]
    [InlineData("msteams", "https://smba.trafficmanager.net/emea/", null)]
    public void An_activity_without_channel_serviceUrl_or_conversation_cannot_be_referenced(string? channelId, string? serviceUrl, string? conversationId)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = channelId,
            ServiceUrl = serviceUrl,
            Conversation = conversationId is null ? null : new ConversationAccount { Id = conversationId },
        };

        Assert.Throws<ArgumentException>(() => ConversationReference.FromActivity(activity));
    }
}
