using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdeBot.Connector.Tests.Infrastructure;

namespace AdeBot.Connector.Tests;

public sealed class MessagesEndpointTests(ConnectorWorld world) : IClassFixture<ConnectorWorld>
{
    private BotTestHost Bot => world.Bot;

    [Fact]
    public async Task A_message_is_handled_and_answered_200_with_an_empty_body()
    {
        var activity = Activities.Message(world.ServiceUrl, "hello");

        using var response = await Bot.PostAsync(activity, world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var turn = Assert.Single(Bot.Handler.Turns, t => t.Activity.Id == activity.Id);
        Assert.False(turn.IsLocalAnonymous);
        Assert.NotNull(turn.Identity);
        Assert.Equal("hello", turn.Activity.Text);
        Assert.Equal(new Uri(world.ServiceUrl), turn.Connector.ServiceUrl);
    }

    [Fact]
    public async Task An_invoke_returns_the_handlers_status_and_json_body()
    {
        var activity = Activities.Invoke(world.ServiceUrl, TestBotHandler.EchoInvoke, new { verb = "refresh", count = 3 });

        using var response = await Bot.PostAsync(activity, world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"echoed":{"verb":"refresh","count":3}}"""), body));
    }

    [Fact]
    public async Task An_adaptive_card_action_gets_the_universal_action_response_shape()
    {
        var activity = Activities.Invoke(world.ServiceUrl, "adaptiveCard/action", new { action = new { type = "Action.Execute", verb = "status" } });

        using var response = await Bot.PostAsync(activity, world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"done"}"""), body));
    }

    [Fact]
    public async Task An_invoke_nobody_handles_is_answered_501()
    {
        using var response = await Bot.PostAsync(Activities.Invoke(world.ServiceUrl, "composeExtension/query"), world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task A_handler_failure_is_answered_500_with_no_details_and_logged()
    {
        using var response = await Bot.PostAsync(Activities.Message(world.ServiceUrl, "throw"), world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var logged = Assert.Single(Bot.Logs.WithEventId(3005));
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"id":"1","text":"no type here","serviceUrl":"https://smba.trafficmanager.net/amer/"}""")]
    [InlineData("""{"type":"","text":"empty type"}""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{"type":"message","timestamp":"yesterday"}""")]
    public async Task A_malformed_activity_is_answered_400_without_reaching_the_handler(string body)
    {
        var before = Bot.Handler.Turns.Count;

        using var response = await Bot.PostAsync(body, world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, Bot.Handler.Turns.Count);
    }

    [Theory]
    [InlineData("message", null)]
    [InlineData("message", """{}""")]
    [InlineData("message", """{"id":"  "}""")]
    [InlineData("invoke", null)]
    [InlineData("conversationUpdate", """{"id":""}""")]
    public async Task An_activity_without_a_conversation_is_answered_400_without_reaching_the_handler(string type, string? conversation)
    {
        var activity = JsonSerializer.SerializeToNode(Activities.Message(world.ServiceUrl, "reply"), ConnectorJson.Options)!.AsObject();
        activity["type"] = type;
        activity.Remove("conversation");
        if (conversation is not null) activity["conversation"] = JsonNode.Parse(conversation);
        var before = Bot.Handler.Turns.Count;

        using var response = await Bot.PostAsync(activity.ToJsonString(), world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, Bot.Handler.Turns.Count);
        Assert.Contains(Bot.Logs.WithEventId(3004), entry => entry.Message.Contains("no conversation", StringComparison.Ordinal));
        Assert.Empty(Bot.Logs.WithEventId(3005));
    }

    [Fact]
    public async Task A_body_over_256_KB_is_answered_413()
    {
        var activity = Activities.Message(world.ServiceUrl, new string('x', 262_144));

        using var response = await Bot.PostAsync(activity, world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(Bot.Handler.Saw(activity.Id!));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_answered_413_without_a_content_length_to_trust()
    {
        var activity = Activities.Message(world.ServiceUrl, new string('x', 300_000));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(activity, ConnectorJson.Options);
        var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new("application/json");

        using var response = await Bot.SendAsync(content, world.ValidAuthorization(), request => request.Headers.TransferEncodingChunked = true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.False(Bot.Handler.Saw(activity.Id!));
    }

    [Fact]
    public async Task A_body_of_exactly_256_KB_is_accepted()
    {
        var activity = Activities.Message(world.ServiceUrl, "");
        var baseSize = JsonSerializer.SerializeToUtf8Bytes(activity, ConnectorJson.Options).Length;
        activity = activity with { Text = new string('x', 262_144 - baseSize) };
        Assert.Equal(262_144, JsonSerializer.SerializeToUtf8Bytes(activity, ConnectorJson.Options).Length);

        using var response = await Bot.PostAsync(activity, world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Bot.Handler.Saw(activity.Id!));
    }

    [Fact]
    public async Task A_reply_reaches_the_connector_at_the_escaped_url_with_body_and_bearer_token()
    {
        var activity = Activities.Message(world.ServiceUrl, "reply", id: "1:msg@x") with
        {
            Conversation = new ConversationAccount { Id = "19:abc@thread.tacv2;messageid=42", ConversationType = "channel" },
        };
        var before = world.Connector.Requests.Count;

        using var response = await Bot.PostAsync(activity, world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = (await world.Connector.WaitForRequestsAsync(before + 1))[before];
        Assert.Equal("POST", request.Method);
        Assert.Equal("/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D42/activities/1%3Amsg%40x", request.RawTarget);
        Assert.Matches("^Bearer test-token-[0-9]+$", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("pong", (string?)body["text"]);
        Assert.Equal("1:msg@x", (string?)body["replyToId"]);
        Assert.Equal("29:user-1", (string?)body["recipient"]!["id"]);
        Assert.Equal("28:" + ConnectorServices.AppId, (string?)body["from"]!["id"]);
        Assert.Equal("19:abc@thread.tacv2;messageid=42", (string?)body["conversation"]!["id"]);
        Assert.Null(body["id"]);
        Assert.Null(body["serviceUrl"]);
        Assert.Contains(Bot.Handler.Replies, reply => reply.IsSuccess);
    }

    [Fact]
    public async Task A_turn_resumed_from_the_stored_activity_replies_after_the_answer()
    {
        var before = world.Connector.Requests.Count;

        using var response = await Bot.PostAsync(Activities.Message(world.ServiceUrl, "later"), world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = await world.Connector.WaitForRequestsAsync(before + 1);
        var reply = Assert.Single(requests.Skip(before), request => request.Body.Contains("done later", StringComparison.Ordinal));
        // Resumed from an authenticated turn, so the reply carries the bot's token.
        Assert.StartsWith("Bearer ", reply.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_activity_the_handler_cannot_take_gets_503_with_retry_after_and_no_detail()
    {
        using var response = await Bot.PostAsync(Activities.Message(world.ServiceUrl, "busy"), world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var logged = Assert.Single(Bot.Logs.WithEventId(3030));
        Assert.IsType<IOException>(logged.Exception);
    }

    [Fact]
    public async Task A_get_is_not_a_message()
    {
        using var response = await Bot.Http.GetAsync("api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
