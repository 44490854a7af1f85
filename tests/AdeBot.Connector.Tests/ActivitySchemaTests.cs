using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdeBot.Connector.Tests;

public sealed class ActivitySchemaTests
{
    private const string TeamsChannelMessage = """
        {
          "type": "message",
          "id": "1:1AbC",
          "timestamp": "2026-11-22T09:15:27.5441926Z",
          "localTimestamp": "2026-11-22T11:15:27.544+02:00",
          "localTimezone": "Europe/Helsinki",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1user", "name": "Ada Admin", "aadObjectId": "aad-1", "futureAccountField": 7 },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "tenant-conv", "id": "19:c@thread.tacv2;messageid=1" },
          "recipient": { "id": "28:bot-app", "name": "AdeBot" },
          "textFormat": "plain",
          "locale": "uk-UA",
          "text": "<at>AdeBot</at> status <at>Bea</at>",
          "entities": [
            { "type": "mention", "mentioned": { "id": "28:bot-app", "name": "AdeBot" }, "text": "<at>AdeBot</at>" },
            { "type": "mention", "mentioned": { "id": "29:2bea", "name": "Bea" }, "text": "<at>Bea</at>" },
            { "type": "clientInfo", "locale": "uk-UA", "country": "UA", "platform": "Web", "timezone": "Europe/Kyiv" },
            { "type": "someFutureEntity", "nested": { "deep": [1, 2, { "x": null }] } }
          ],
          "channelData": {
            "tenant": { "id": "tenant-cd" },
            "team": { "id": "19:team@thread.tacv2", "name": "IT", "aadGroupId": "group-1" },
            "channel": { "id": "19:c@thread.tacv2", "name": "General" },
            "eventType": "someFutureEvent",
            "unknownTeamsField": { "a": [true, false] }
          },
          "value": { "verb": "status", "data": { "ids": [1, 2, 3] } },
          "someFutureActivityField": { "kept": "as is" }
        }
        """;

    [Fact]
    public void Unknown_fields_entities_channel_data_and_value_survive_a_round_trip()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, ConnectorJson.Options)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, ConnectorJson.Options))!.AsObject();
        var original = JsonNode.Parse(TeamsChannelMessage)!.AsObject();

        // The same instant may be written as +00:00 instead of Z; everything else comes back as it came.
        Assert.Equal(DateTimeOffset.Parse((string)original["timestamp"]!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse((string)written["timestamp"]!, CultureInfo.InvariantCulture));
        original.Remove("timestamp");
        written.Remove("timestamp");
        Assert.True(JsonNode.DeepEquals(original, written), written.ToJsonString());
    }

    [Fact]
    public void Text_is_written_unescaped_so_it_does_not_grow_on_the_wire()
    {
        var activity = new Activity { Text = "Привіт, hyvää päivää <at>Bea</at> & co" };

        Assert.Equal("""{"text":"Привіт, hyvää päivää <at>Bea</at> & co"}""", JsonSerializer.Serialize(activity, ConnectorJson.Options));
    }

    [Fact]
    public void Writing_uses_camel_case_and_leaves_out_nulls()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = "hi", Conversation = new ConversationAccount { Id = "a:1" } };

        Assert.Equal("""{"type":"message","conversation":{"id":"a:1"},"text":"hi"}""", JsonSerializer.Serialize(activity, ConnectorJson.Options));
    }

    [Fact]
    public void Timestamps_and_known_fields_are_read()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, ConnectorJson.Options)!;

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 9, 15, 27, TimeSpan.Zero).AddTicks(5441926), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), activity.LocalTimestamp?.Offset);
        Assert.Equal("aad-1", activity.From?.AadObjectId);
        Assert.Equal(true, activity.Conversation?.IsGroup);
        Assert.Equal(4, activity.Entities?.Count);
        Assert.Equal("status", activity.Value?.GetProperty("verb").GetString());
    }

    [Theory]
    [InlineData("<at>AdeBot</at> status", "status")]
    [InlineData("status <at>AdeBot</at>", "status")]
    [InlineData("<at>AdeBot</at> status <at>Bea</at>", "status <at>Bea</at>")]
    [InlineData("  help  ", "help")]
    [InlineData(null, "")]
    public void The_bots_own_mention_is_removed_and_others_kept(string? text, string expected)
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, ConnectorJson.Options)! with { Text = text };

        Assert.Equal(expected, activity.RemoveRecipientMention());
    }

    [Fact]
    public void Without_mention_entities_the_text_is_only_trimmed()
    {
        var activity = new Activity { Text = " <at>AdeBot</at> status ", Recipient = new ChannelAccount { Id = "28:bot-app" } };

        Assert.Equal("<at>AdeBot</at> status", activity.RemoveRecipientMention());
    }

    [Fact]
    public void A_malformed_mention_entity_is_ignored_rather_than_failing_the_turn()
    {
        var activity = new Activity
        {
            Text = "<at>AdeBot</at> status",
            Recipient = new ChannelAccount { Id = "28:bot-app" },
            Entities = [JsonSerializer.Deserialize<Entity>("""{"type":"mention","mentioned":{"id":42},"text":"<at>AdeBot</at>"}""", ConnectorJson.Options)!],
        };

        Assert.Equal("<at>AdeBot</at> status", activity.RemoveRecipientMention());
    }

    [Fact]
    public void A_reply_goes_back_into_the_conversation_from_the_bot_to_the_sender()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsChannelMessage, ConnectorJson.Options)!;

        var reply = activity.CreateReply("OK");

        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("OK", reply.Text);
        Assert.Equal(TextFormats.Plain, reply.TextFormat);
        Assert.Equal("1:1AbC", reply.ReplyToId);
        Assert.Equal("19:c@thread.tacv2;messageid=1", reply.Conversation?.Id);
        Assert.Equal("28:bot-app", reply.From?.Id);
        Assert.Equal("29:1user", reply.Recipient?.Id);
        Assert.Equal("uk-UA", reply.Locale);
        Assert.Null(reply.Id);
        Assert.Null(reply.ServiceUrl);
    }

    [Fact]
    public void A_mention_entity_is_written_in_the_teams_shape()
    {
        var entity = Entity.Mention(new ChannelAccount { Id = "29:2bea", Name = "Bea" }, "<at>Bea</at>");

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"type":"mention","mentioned":{"id":"29:2bea","name":"Bea"},"text":"<at>Bea</at>"}"""),
            JsonNode.Parse(JsonSerializer.Serialize(entity, ConnectorJson.Options))));
    }
}
