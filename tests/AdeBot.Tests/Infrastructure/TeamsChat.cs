using AdeBot.Testing;
using System.Net;
using System.Text.Json.Nodes;
using AdeBot.Domain.Alerts;
using AdeBot.Inventory;

namespace AdeBot.Tests.Infrastructure;

public enum ChatScope { Personal, GroupChat, Channel }

/// One Teams conversation with the bot under test: builds the activities Teams would post into it
/// (as raw JSON, the way they arrive on the wire) and reads back what the bot posted in reply.
/// Every chat has a fresh conversation id, so tests sharing a host never see each other's replies.
public sealed class TeamsChat
{
    public const string DefaultUser = "5b000000-0000-0000-0000-0000000000a1";

    private readonly AdeBotHost _host;
    private readonly string? _userAadObjectId;

    public TeamsChat(AdeBotHost host, ChatScope scope = ChatScope.Personal, string tenantId = SampleTenant.TenantId,
        string locale = "en-US", string? userAadObjectId = DefaultUser)
    {
        _host = host;
        _userAadObjectId = userAadObjectId;
        Scope = scope;
        TenantId = tenantId;
        Locale = locale;
        var unique = Guid.NewGuid().ToString("N");
        StoredConversationId = scope switch
        {
            ChatScope.Personal => $"a:1{unique}",
            ChatScope.GroupChat => $"19:{unique}@thread.v2",
            _ => $"19:{unique}@thread.tacv2",
        };
        // A channel thread: Teams appends the root message id, so the id holds ':', '@', ';' and '='.
        ConversationId = scope == ChatScope.Channel ? $"{StoredConversationId};messageid=1700000000001" : StoredConversationId;
    }

    /// The same conversation as seen by another host (the one that replaced `before` after a restart).
    public TeamsChat(AdeBotHost host, TeamsChat before)
    {
        _host = host;
        _userAadObjectId = before._userAadObjectId;
        Scope = before.Scope;
        TenantId = before.TenantId;
        Locale = before.Locale;
        StoredConversationId = before.StoredConversationId;
        ConversationId = before.ConversationId;
    }

    private TeamsChat(TeamsChat channel, string rootMessageId)
    {
        _host = channel._host;
        _userAadObjectId = channel._userAadObjectId;
        Scope = channel.Scope;
        TenantId = channel.TenantId;
        Locale = channel.Locale;
        StoredConversationId = channel.StoredConversationId;
        ConversationId = $"{channel.StoredConversationId};messageid={rootMessageId}";
    }

    /// Another thread of this channel: Teams sends its messages with that thread's root id.
    public TeamsChat InThread(string rootMessageId) =>
        Scope == ChatScope.Channel ? new TeamsChat(this, rootMessageId) : throw new InvalidOperationException("Only a channel has threads.");

    public ChatScope Scope { get; }
    public string TenantId { get; }
    public string Locale { get; }
    /// The id Teams sends in `conversation.id`: in a channel, the thread's.
    public string ConversationId { get; }

    /// The id the bot keeps the conversation under: a channel's own, whichever thread wrote.
    public string StoredConversationId { get; }

    public ConversationKey Key => new(TenantId, StoredConversationId);

    public string UserId => $"29:1user-{_userAadObjectId ?? "anonymous"}";

    /// The common envelope of every activity Teams posts into this conversation, with a fresh id.
    public JsonObject Activity(string type, string? locale = null)
    {
        var conversation = new JsonObject
        {
            ["id"] = ConversationId,
            ["conversationType"] = Scope switch { ChatScope.Personal => "personal", ChatScope.GroupChat => "groupChat", _ => "channel" },
            ["tenantId"] = TenantId,
        };
        if (Scope != ChatScope.Personal) conversation["isGroup"] = true;

        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        if (Scope == ChatScope.Channel)
        {
            channelData["teamsTeamId"] = "19:team-general@thread.tacv2";
            channelData["teamsChannelId"] = "19:channel-tokens@thread.tacv2";
            channelData["team"] = new JsonObject { ["id"] = "19:team-general@thread.tacv2" };
            channelData["channel"] = new JsonObject { ["id"] = "19:channel-tokens@thread.tacv2" };
        }

        var from = new JsonObject { ["id"] = UserId, ["name"] = "Alex Admin" };
        if (_userAadObjectId is not null) from["aadObjectId"] = _userAadObjectId;

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = $"f:{Guid.NewGuid():N}",
            ["timestamp"] = TimeProvider.System.GetUtcNow().ToString("O"),
            ["serviceUrl"] = _host.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = from,
            ["conversation"] = conversation,
            ["recipient"] = new JsonObject { ["id"] = AdeBotHost.BotId, ["name"] = AdeBotHost.BotName },
            ["locale"] = locale ?? Locale,
            ["channelData"] = channelData,
        };
    }

    public JsonObject Message(string text, string? locale = null)
    {
        var message = Activity("message", locale);
        message["text"] = text;
        message["textFormat"] = "plain";
        return message;
    }

    /// A channel post that @mentions the bot, with the mention entity Teams adds.
    public JsonObject MessageMentioningBot(string text, string? locale = null)
    {
        const string mention = $"<at>{AdeBotHost.BotName}</at>";
        var message = Message($"{mention} {text}", locale);
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = AdeBotHost.BotId, ["name"] = AdeBotHost.BotName },
            ["text"] = mention,
        });
        return message;
    }

    /// What Teams posts when an Action.Submit button is clicked: a message whose value is the button's data.
    public JsonObject Submit(JsonNode data, string? locale = null)
    {
        var message = Activity("message", locale);
        message["value"] = data.DeepClone();
        return message;
    }

    /// What Teams posts when an Action.Execute button is clicked.
    public JsonObject CardActionInvoke(JsonNode? value, string? locale = null)
    {
        var invoke = Activity("invoke", locale);
        invoke["name"] = "adaptiveCard/action";
        invoke["value"] = value?.DeepClone();
        return invoke;
    }

    /// The invoke value of an Action.Execute button (verb and data as the card declares them).
    public static JsonObject ExecuteValue(JsonObject executeAction) => new()
    {
        ["action"] = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = executeAction["verb"]?.DeepClone(),
            ["data"] = executeAction["data"]?.DeepClone(),
        },
        ["trigger"] = "manual",
    };

    public JsonObject InstallationUpdate(string action)
    {
        var update = Activity("installationUpdate");
        update["action"] = action;
        return update;
    }

    /// The conversationUpdate Teams sends alongside an install (the bot among membersAdded) or an uninstall.
    public JsonObject BotMembershipUpdate(bool added)
    {
        var update = Activity("conversationUpdate");
        update[added ? "membersAdded" : "membersRemoved"] = new JsonArray(new JsonObject { ["id"] = AdeBotHost.BotId });
        return update;
    }

    /// Posts a non-invoke activity, checks the endpoint's answer (200, empty body), waits until the
    /// turn has been handled and returns everything the bot posted in reply to it, in order.
    public async Task<IReadOnlyList<PostedActivity>> SendAsync(JsonObject activity)
    {
        await PostAcceptedAsync(activity);
        await SettleAsync();
        return RepliesTo(activity);
    }

    public Task<IReadOnlyList<PostedActivity>> SayAsync(string text, string? locale = null) => SendAsync(Message(text, locale));

    /// Posts an activity that must be acknowledged with 200 and an empty body, without waiting for its turn.
    public async Task PostAcceptedAsync(JsonObject activity)
    {
        using var response = await _host.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync(TestTimeout.Token));
    }

    /// Posts an invoke; its answer comes back in the HTTP response.
    public async Task<InvokeAnswer> InvokeAsync(JsonNode? value, string? locale = null)
    {
        var invoke = CardActionInvoke(value, locale);
        using var response = await _host.PostActivityAsync(invoke);
        var body = await response.Content.ReadAsStringAsync(TestTimeout.Token);
        return new InvokeAnswer(response.StatusCode, body.Length == 0 ? null : JsonNode.Parse(body)?.AsObject(), RepliesTo(invoke));
    }

    /// Waits until every turn posted so far has been handled: with one background turn at a time, a
    /// message posted now is answered only after all of them.
    public async Task SettleAsync()
    {
        var barrier = Message("thanks");
        await PostAcceptedAsync(barrier);
        await WaitForAsync(() => RepliesTo(barrier).Count > 0, "the reply to a follow-up message");
    }

    /// What the bot posted in reply to `activity`: replies address the activity's id in the URL.
    public IReadOnlyList<PostedActivity> RepliesTo(JsonObject activity) =>
        [.. _host.Connector.Requests.Where(r => r.RawTarget == ActivityPath((string)activity["id"]!)).Select(r => new PostedActivity(r))];

    /// What the bot posted into this conversation without replying to an activity (alerts): in a
    /// channel, new posts in the channel itself, not in a thread.
    public IReadOnlyList<PostedActivity> ProactiveMessages() =>
        [.. _host.Connector.Requests.Where(r => r.RawTarget == PathOf(StoredConversationId)).Select(r => new PostedActivity(r))];

    /// Where the bot's posts in this conversation (or this thread of a channel) go.
    public string ConversationPath => PathOf(ConversationId);

    private static string PathOf(string conversationId) => $"/amer/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";

    private string ActivityPath(string activityId) => $"{ConversationPath}/{Uri.EscapeDataString(activityId)}";

    public static Task WaitForAsync(Func<bool> done, string what) => WaitForAsync(() => Task.FromResult(done()), what);

    public static async Task WaitForAsync(Func<Task<bool>> done, string what)
    {
        var guard = TestTimeout.Token;
        while (!await done())
        {
            if (guard.IsCancellationRequested) throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        }
    }
}

/// The HTTP answer to an invoke, and anything the bot posted to the connector while handling it.
public sealed record InvokeAnswer(HttpStatusCode HttpStatus, JsonObject? Body, IReadOnlyList<PostedActivity> Posted)
{
    public int? StatusCode => (int?)Body?["statusCode"];

    public string? Type => (string?)Body?["type"];

    public JsonNode? Value => Body?["value"];

    public JsonObject Card => Type == PostedActivity.AdaptiveCardContentType && Value is JsonObject card
        ? card
        : throw new InvalidOperationException($"Expected a card in the invoke response, got: {Body?.ToJsonString()}");

    /// The text of an `application/vnd.microsoft.activity.message` answer.
    public string? Message => Type == "application/vnd.microsoft.activity.message" ? (string?)Value : null;
}
