using System.Text.Json.Nodes;
using AdeBot.Connector.Tests.Infrastructure;
using AdeBot.Testing;
using AdeBot.Testing.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace AdeBot.Connector.Tests;

public sealed class HttpsConnectorFixture : IAsyncLifetime
{
    internal FakeConnectorServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FakeConnectorServer.StartHttpsAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// Outbound calls against a fake Connector over https on loopback, with a clock that never sleeps.
public sealed class ConnectorClientTests : IClassFixture<HttpsConnectorFixture>
{
    private const string ConversationId = "a:1Hx@thread;x=y";
    private const string ActivityId = "1:abc/def";
    private const string EscapedActivitiesPath = "/amer/v3/conversations/a%3A1Hx%40thread%3Bx%3Dy/activities";

    private readonly AutoAdvancingTimeProvider _clock = new();
    private readonly FakeConnectorServer _connector;
    private FakeTokenCredential _credential;

    public ConnectorClientTests(HttpsConnectorFixture fixture)
    {
        _connector = fixture.Server;
        _connector.Reset();
        _credential = new FakeTokenCredential(_clock);
    }

    private ServiceProvider Services(TimeProvider? clock = null, params (string Key, string? Value)[] extra)
    {
        var settings = ConnectorServices.AuthenticatedSettings();
        foreach (var (key, value) in extra) settings[key] = value;
        return ConnectorServices.Build(settings, services =>
        {
            services.AddSingleton(clock ?? _clock);
            services.AddKeyedSingleton<Azure.Core.TokenCredential>(BotConnectorServiceKeys.Credential, _credential);
            services.AddHttpClient(BotConnectorServiceKeys.HttpClientName).ConfigurePrimaryHttpMessageHandler((handler, _) => _connector.TrustCertificateIn(handler));
        });
    }

    private ConversationReference Reference(string? serviceUrl = null) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = serviceUrl ?? _connector.ServiceUrl("amer/"),
        ConversationId = ConversationId,
        TenantId = "tenant-1",
    };

    private ConnectorClient Client(ServiceProvider services, string? serviceUrl = null) =>
        services.GetRequiredService<ConnectorClientFactory>().ForStoredReference(Reference(serviceUrl), wasLocal: false);

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormats.Plain };

    [Fact]
    public async Task A_reply_goes_to_the_escaped_url_under_the_path_prefix_with_json_and_the_bearer_token()
    {
        await using var services = Services();

        var result = await Client(services).ReplyToActivityAsync(ConversationId, ActivityId, Message("Hyvää päivää 👋"));

        Assert.Equal(ConnectorStatus.Ok, result.Status);
        Assert.Equal("activity-1", result.Value?.Id);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(EscapedActivitiesPath + "/1%3Aabc%2Fdef", request.RawTarget);
        Assert.Equal("Bearer test-token-1", request.Authorization);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"type":"message","textFormat":"plain","text":"Hyvää päivää 👋","replyToId":"1:abc/def"}"""),
            JsonNode.Parse(request.Body)));
        Assert.Equal(["https://api.botframework.com/.default"], Assert.Single(_credential.RequestedScopes));
    }

    [Theory]
    [InlineData("send", "POST", EscapedActivitiesPath)]
    [InlineData("update", "PUT", EscapedActivitiesPath + "/1%3Aabc%2Fdef")]
    [InlineData("delete", "DELETE", EscapedActivitiesPath + "/1%3Aabc%2Fdef")]
    [InlineData("create", "POST", "/amer/v3/conversations")]
    public async Task Each_operation_uses_its_method_and_path(string operation, string method, string path)
    {
        await using var services = Services();
        var client = Client(services);

        ConnectorResult result = operation switch
        {
            "send" => await client.SendToConversationAsync(ConversationId, Message("hi")),
            "update" => await client.UpdateActivityAsync(ConversationId, ActivityId, Message("edited")),
            "delete" => await client.DeleteActivityAsync(ConversationId, ActivityId),
            "create" => await client.CreateConversationAsync(
                ConversationParameters.ForPersonalChat(new ChannelAccount { Id = "28:bot" }, new ChannelAccount { Id = "29:user" }, "tenant-1")),
            _ => throw new ArgumentOutOfRangeException(nameof(operation)),
        };

        Assert.True(result.IsSuccess);
        var request = Assert.Single(_connector.Requests);
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.RawTarget);
        Assert.Equal("Bearer test-token-1", request.Authorization);
    }

    [Fact]
    public async Task A_personal_chat_is_created_with_the_tenant_set_both_ways()
    {
        _connector.Enqueue(new ScriptedResponse(201, """{"id":"a:new-chat","serviceUrl":"https://smba.trafficmanager.net/emea/"}"""));
        await using var services = Services();
        var user = new ChannelAccount { Id = "29:user", Name = "Ada", AadObjectId = "aad-1" };

        var result = await Client(services).CreateConversationAsync(
            ConversationParameters.ForPersonalChat(new ChannelAccount { Id = "28:bot", Name = "AdeBot" }, user, "tenant-1"));

        Assert.Equal(ConnectorStatus.Ok, result.Status);
        Assert.Equal("a:new-chat", result.Value?.Id);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"isGroup":false,"bot":{"id":"28:bot","name":"AdeBot"},"members":[{"id":"29:user"}],
                 "tenantId":"tenant-1","channelData":{"tenant":{"id":"tenant-1"}}}
                """),
            JsonNode.Parse(Assert.Single(_connector.Requests).Body)));
    }

    [Fact]
    public async Task A_proactive_message_is_addressed_from_the_stored_reference()
    {
        await using var services = Services();
        var reference = Reference() with
        {
            ConversationType = "personal",
            Bot = new ChannelAccount { Id = "28:bot", Name = "AdeBot" },
            User = new ChannelAccount { Id = "29:user", AadObjectId = "aad-1" },
            Locale = "uk-UA",
        };
        var client = services.GetRequiredService<ConnectorClientFactory>().ForStoredReference(reference, wasLocal: false);

        await client.SendToConversationAsync(reference.ConversationId, reference.ApplyTo(Message("alert")));

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"type":"message","channelId":"msteams","from":{"id":"28:bot","name":"AdeBot"},
                 "conversation":{"id":"a:1Hx@thread;x=y","conversationType":"personal","tenantId":"tenant-1"},
                 "recipient":{"id":"29:user","aadObjectId":"aad-1"},"textFormat":"plain","locale":"uk-UA","text":"alert"}
                """),
            JsonNode.Parse(Assert.Single(_connector.Requests).Body)));
    }

    [Fact]
    public async Task An_update_carries_the_activity_id_in_its_body()
    {
        await using var services = Services();

        await Client(services).UpdateActivityAsync(ConversationId, ActivityId, Message("edited"));

        Assert.Equal(ActivityId, (string?)JsonNode.Parse(Assert.Single(_connector.Requests).Body)!["id"]);
    }

    [Fact]
    public async Task A_serviceUrl_without_a_trailing_slash_keeps_its_path_prefix()
    {
        await using var services = Services();

        await Client(services, _connector.ServiceUrl("teams")).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.StartsWith("/teams/v3/conversations/", Assert.Single(_connector.Requests).RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_seconds()
    {
        _connector.Enqueue(new ScriptedResponse(429, RetryAfter: "7"));
        await using var services = Services();

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.Equal(ConnectorStatus.Ok, result.Status);
        Assert.Equal(2, _connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], _clock.Delays);
    }

    [Fact]
    public async Task A_429_with_an_http_date_waits_until_that_date()
    {
        _connector.Enqueue(new ScriptedResponse(429, RetryAfter: _clock.GetUtcNow().AddSeconds(12).ToString("r")));
        await using var services = Services();

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.Equal(ConnectorStatus.Ok, result.Status);
        Assert.Equal([TimeSpan.FromSeconds(12)], _clock.Delays);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_the_bot_waits_comes_back_throttled_with_the_delay()
    {
        _connector.Enqueue(new ScriptedResponse(429, RetryAfter: "3600"));
        await using var services = Services();

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.Equal(ConnectorStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromHours(1), result.RetryAfter);
        Assert.Single(_connector.Requests);
        Assert.Empty(_clock.Delays);
    }

    [Theory]
    [InlineData(ConnectorDelivery.Proactive, ConnectorStatus.Ok, 3, new[] { 7, 7 })]
    [InlineData(ConnectorDelivery.Interactive, ConnectorStatus.Throttled, 2, new[] { 7 })]
    [InlineData(ConnectorDelivery.Immediate, ConnectorStatus.Throttled, 1, new int[0])]
    public async Task How_long_a_send_keeps_trying_depends_on_who_waits_for_it(
        ConnectorDelivery delivery, ConnectorStatus expected, int requests, int[] waitedSeconds)
    {
        // Two 429s asking for 7 s each: an alert may wait 14 s; a person's reply (budget 10 s) takes
        // the first wait only; a typing indicator is worthless later and is never retried.
        _connector.Enqueue(new ScriptedResponse(429, RetryAfter: "7"), new ScriptedResponse(429, RetryAfter: "7"));
        await using var services = Services(extra: ("Bot:InteractiveReplyMaxWaitSeconds", "10"));

        var result = await Client(services).ReplyToActivityAsync(ConversationId, ActivityId, Message("hi"), delivery);

        Assert.Equal(expected, result.Status);
        Assert.Equal(requests, _connector.Requests.Count);
        Assert.Equal(waitedSeconds.Select(s => TimeSpan.FromSeconds(s)), _clock.Delays);
    }

    [Fact]
    public async Task An_interactive_reply_does_not_start_a_wait_longer_than_its_budget()
    {
        _connector.Enqueue(new ScriptedResponse(429, RetryAfter: "30"));
        await using var services = Services(extra: ("Bot:InteractiveReplyMaxWaitSeconds", "10"));

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"), ConnectorDelivery.Interactive);

        Assert.Equal(ConnectorStatus.Throttled, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Single(_connector.Requests);
        Assert.Empty(_clock.Delays);
    }

    [Fact]
    public async Task Retries_are_bounded()
    {
        for (var i = 0; i < 6; i++) _connector.Enqueue(new ScriptedResponse(429, RetryAfter: "1"));
        await using var services = Services();

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.Equal(ConnectorStatus.Throttled, result.Status);
        Assert.Equal(429, result.HttpStatusCode);
        Assert.Equal(4, _connector.Requests.Count);
        Assert.Equal(3, _clock.Delays.Count);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried_with_backoff(int status)
    {
        _connector.Enqueue(new ScriptedResponse(status));
        await using var services = Services();

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.Equal(ConnectorStatus.Ok, result.Status);
        Assert.Equal(2, _connector.Requests.Count);
        var delay = Assert.Single(_clock.Delays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_service_that_stays_unavailable_fails_after_the_last_attempt()
    {
        for (var i = 0; i < 4; i++) _connector.Enqueue(new ScriptedResponse(503));
        await using var services = Services();

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.Equal(ConnectorStatus.Failed, result.Status);
        Assert.Equal(503, result.HttpStatusCode);
        Assert.Equal(4, _connector.Requests.Count);
        Assert.All(_clock.Delays, delay => Assert.InRange(delay, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData(403, "BotNotInConversationRoster", ConnectorStatus.BotRemoved)]
    [InlineData(403, "ConversationBlockedByUser", ConnectorStatus.BotRemoved)]
    [InlineData(403, "InvalidBotApiHost", ConnectorStatus.Failed)]
    [InlineData(404, "ConversationNotFound", ConnectorStatus.ConversationNotFound)]
    [InlineData(404, "ActivityNotFoundInConversation", ConnectorStatus.ActivityNotFound)]
    [InlineData(400, "BadArgument", ConnectorStatus.Failed)]
    [InlineData(413, "MessageSizeTooBig", ConnectorStatus.Failed)]
    [InlineData(500, "ServiceError", ConnectorStatus.Failed)]
    public async Task Final_errors_come_back_typed_with_the_service_code_and_are_not_retried(int status, string code, ConnectorStatus expected)
    {
        _connector.Enqueue(ScriptedResponse.Error(status, code));
        await using var services = Services();

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.Equal(expected, result.Status);
        Assert.Equal(status, result.HttpStatusCode);
        Assert.Equal(code, result.ErrorCode);
        Assert.Single(_connector.Requests);
    }

    [Fact]
    public async Task The_token_is_cached_until_five_minutes_before_it_expires()
    {
        var clock = new ManualTimeProvider();
        _credential = new FakeTokenCredential(clock);
        await using var services = Services(clock);
        var client = Client(services);

        await client.SendToConversationAsync(ConversationId, Message("1"));
        clock.Advance(TimeSpan.FromMinutes(54));
        await client.SendToConversationAsync(ConversationId, Message("2"));
        clock.Advance(TimeSpan.FromMinutes(2));
        await client.SendToConversationAsync(ConversationId, Message("3"));

        Assert.Equal(["Bearer test-token-1", "Bearer test-token-1", "Bearer test-token-2"], _connector.Requests.Select(r => r.Authorization));
        Assert.Equal(2, _credential.TokensIssued);
    }

    [Fact]
    public async Task Without_a_token_nothing_is_sent_and_the_failure_is_typed()
    {
        _credential.Failure = new Azure.Identity.AuthenticationFailedException("entra unreachable");
        await using var services = Services();

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.Equal(ConnectorStatus.Failed, result.Status);
        Assert.Equal(ConnectorErrorCodes.TokenAcquisitionFailed, result.ErrorCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task The_token_is_not_sent_to_a_host_outside_the_allow_list()
    {
        await using var services = Services(extra: ("Bot:AllowedServiceUrlHosts:0", "smba.trafficmanager.net"));
        var factory = services.GetRequiredService<ConnectorClientFactory>();

        Assert.Throws<UntrustedServiceUrlException>(() => factory.ForStoredReference(Reference(), wasLocal: false));

        Assert.Empty(_connector.Requests);
        Assert.Equal(0, _credential.TokensIssued);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_so_the_token_cannot_travel_on()
    {
        await using var elsewhere = await FakeConnectorServer.StartHttpsAsync();
        _connector.Enqueue(new ScriptedResponse(307, Location: elsewhere.ServiceUrl("stolen/")));
        await using var services = Services();

        var result = await Client(services).SendToConversationAsync(ConversationId, Message("hi"));

        Assert.Equal(ConnectorStatus.Failed, result.Status);
        Assert.Equal(307, result.HttpStatusCode);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_local_reference_is_answered_without_a_token()
    {
        await using var plain = await FakeConnectorServer.StartHttpAsync();
        var settings = new Dictionary<string, string?> { ["Bot:AllowUnauthenticatedLocalRequests"] = "true" };
        await using var services = ConnectorServices.Build(settings, s =>
            s.AddKeyedSingleton<Azure.Core.TokenCredential>(BotConnectorServiceKeys.Credential, _credential));
        var client = services.GetRequiredService<ConnectorClientFactory>().ForStoredReference(Reference(plain.ServiceUrl("local/")), wasLocal: true);

        var result = await client.SendToConversationAsync(ConversationId, Message("hi"));

        Assert.True(result.IsSuccess);
        Assert.Null(Assert.Single(plain.Requests).Authorization);
        Assert.Equal(0, _credential.TokensIssued);
    }
}
