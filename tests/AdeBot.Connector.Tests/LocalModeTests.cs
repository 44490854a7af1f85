using System.Net;
using System.Text.Json;
using AdeBot.Connector.Tests.Infrastructure;
using AdeBot.Testing.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdeBot.Connector.Tests;

public sealed class LocalModeTests
{
    private static Dictionary<string, string?> LocalSettings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Bot:AllowUnauthenticatedLocalRequests"] = "true" };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    [Fact]
    public async Task An_anonymous_loopback_request_is_accepted_and_answered_without_a_token()
    {
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        var credential = new FakeTokenCredential(TimeProvider.System);
        await using var bot = await BotTestHost.StartAsync(LocalSettings(), connector, credential);
        var activity = Activities.Message(connector.ServiceUrl("local/"), "reply");

        using var response = await bot.PostAsync(activity, authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turn = Assert.Single(bot.Handler.Turns);
        Assert.True(turn.IsLocalAnonymous);
        Assert.Null(turn.Identity);
        var request = Assert.Single(await connector.WaitForRequestsAsync(1));
        Assert.Null(request.Authorization);
        Assert.StartsWith("/local/v3/conversations/", request.RawTarget, StringComparison.Ordinal);
        Assert.Equal(0, credential.TokensIssued);
        var accepted = Assert.Single(bot.Logs.WithEventId(3007));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, accepted.Level);
    }

    public static TheoryData<string> ProxyHeaders =>
    [
        "X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Original-For",
        "Via", "CF-Connecting-IP", "True-Client-IP", "X-Client-IP", "X-Envoy-External-Address",
    ];

    [Theory]
    [MemberData(nameof(ProxyHeaders))]
    public async Task A_request_carrying_any_proxy_header_does_not_count_as_local(string header)
    {
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        await using var bot = await BotTestHost.StartAsync(LocalSettings(), connector);

        using var response = await bot.PostAsync(JsonSerializer.Serialize(Activities.Message(connector.ServiceUrl("local/"), "reply"), ConnectorJson.Options),
            authorization: null, request => request.Headers.TryAddWithoutValidation(header, "203.0.113.7"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Handler.Turns);
        Assert.Empty(connector.Requests);
        Assert.Contains(bot.Logs.WithEventId(3000), entry => entry.Message.Contains(header, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bot.example.net")]
    [InlineData("abc123.ngrok-free.app:443")]
    [InlineData("192.0.2.2:3978")]
    [InlineData("localhost.example.net")]
    public async Task A_request_whose_Host_is_not_a_loopback_name_does_not_count_as_local(string host)
    {
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        await using var bot = await BotTestHost.StartAsync(LocalSettings(), connector);

        using var response = await bot.PostAsync(JsonSerializer.Serialize(Activities.Message(connector.ServiceUrl("local/"), "reply"), ConnectorJson.Options),
            authorization: null, request => request.Headers.Host = host);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Handler.Turns);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("LOCALHOST:3978")]
    [InlineData("127.0.0.1:3978")]
    [InlineData("[::1]:3978")]
    public void A_loopback_Host_header_counts_as_local(string host) =>
        Assert.True(BotMessageProcessor.IsLoopbackHost(new Microsoft.AspNetCore.Http.HostString(host).Host));

    [Theory]
    [InlineData("http://192.0.2.2:9100/evil/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("https://bots.example.net/")]
    public async Task A_local_turn_is_answered_only_on_a_loopback_serviceUrl(string serviceUrl)
    {
        await using var bot = await BotTestHost.StartAsync(LocalSettings());

        using var response = await bot.PostAsync(Activities.Message(serviceUrl, "reply"), authorization: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Handler.Turns);
        Assert.Contains(bot.Logs.WithEventId(3006), entry => entry.Message.Contains("only be answered on loopback", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, bool> ListenAddresses => new()
    {
        // setting, value, starts
        { "urls", "http://localhost:3978", true },
        { "urls", "http://127.0.0.1:3978;http://[::1]:3978", true },
        { "urls", "http://0.0.0.0:3978", false },
        { "urls", "http://*:3978", false },
        { "urls", "http://+:3978", false },
        { "urls", "http://[::]:3978", false },
        { "urls", "http://localhost:3978;http://192.0.2.10:3978", false },
        { "urls", "http://bot.example.net:3978", false },
        { "http_ports", "3978", false },
        { "https_ports", "443", false },
        { "Kestrel:Endpoints:Http:Url", "http://127.0.0.1:5000", true },
        { "Kestrel:Endpoints:Http:Url", "http://0.0.0.0:5000", false },
    };

    [Theory]
    [MemberData(nameof(ListenAddresses))]
    public void Local_mode_refuses_to_start_unless_every_listen_address_is_loopback(string setting, string value, bool starts)
    {
        using var services = ConnectorServices.Build(LocalSettings((setting, value)));

        var failure = Record.Exception(() => services.GetRequiredService<IOptions<BotOptions>>().Value);

        if (starts)
        {
            Assert.Null(failure);
        }
        else
        {
            var validation = Assert.IsType<OptionsValidationException>(failure);
            Assert.Contains("Bot:AllowUnauthenticatedLocalRequests needs every listen address on loopback", validation.Message, StringComparison.Ordinal);
            Assert.Contains(setting.Split(':')[0], validation.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Listen_addresses_are_not_checked_without_local_mode()
    {
        var settings = ConnectorServices.AuthenticatedSettings();
        settings["urls"] = "http://0.0.0.0:3978";
        using var services = ConnectorServices.Build(settings);

        Assert.NotNull(services.GetRequiredService<IOptions<BotOptions>>().Value);
    }

    [Fact]
    public async Task A_present_Authorization_header_is_still_validated_in_local_mode()
    {
        await using var bot = await BotTestHost.StartAsync(LocalSettings());

        using var response = await bot.PostAsync(Activities.Message("http://127.0.0.1:3978/", "hi"), "Bearer not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Handler.Turns);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_present_but_empty_Authorization_header_is_a_bad_token_even_in_local_mode(string header)
    {
        await using var connector = await FakeConnectorServer.StartHttpAsync();
        await using var bot = await BotTestHost.StartAsync(LocalSettings(), connector);

        using var response = await bot.PostAsync(Activities.Message(connector.ServiceUrl("local/"), "reply"), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Handler.Turns);
        Assert.Contains(bot.Logs.WithEventId(3000), entry => entry.Message.Contains(nameof(BotAuthFailure.EmptyHeader), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forwarded_request_does_not_count_as_local()
    {
        await using var bot = await BotTestHost.StartAsync(LocalSettings());

        using var response = await bot.PostAsync(
            """{"type":"message","text":"hi","serviceUrl":"http://127.0.0.1:3978/","conversation":{"id":"c"}}""",
            authorization: null,
            request => request.Headers.Add("X-Forwarded-For", "203.0.113.7"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Handler.Turns);
    }

    [Fact]
    public async Task Local_mode_warns_at_start()
    {
        await using var bot = await BotTestHost.StartAsync(LocalSettings());

        var warning = Assert.Single(bot.Logs.WithEventId(3008));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
    }

    [Fact]
    public async Task Local_mode_refuses_to_start_outside_development()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotTestHost.StartAsync(LocalSettings(), environmentName: "Production"));

        Assert.Contains("AllowUnauthenticatedLocalRequests is refused outside the Development environment", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_starts_outside_development_only_when_forced_and_still_warns()
    {
        await using var bot = await BotTestHost.StartAsync(
            LocalSettings(("Bot:ForceUnauthenticatedOutsideDevelopment", "true")), environmentName: "Production");

        Assert.Single(bot.Logs.WithEventId(3008));
    }

    [Fact]
    public async Task Without_local_mode_a_missing_app_id_stops_the_start_instead_of_disabling_auth()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotTestHost.StartAsync(new Dictionary<string, string?>()));

        Assert.Contains("Bot:AppId is required", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_local_mode_an_anonymous_loopback_request_is_refused()
    {
        await using var bot = await BotTestHost.StartAsync(ConnectorServices.AuthenticatedSettings());

        using var response = await bot.PostAsync(Activities.Message("http://127.0.0.1:3978/", "hi"), authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Empty(bot.Handler.Turns);
    }

    [Fact]
    public async Task A_serviceUrl_outside_the_allow_list_is_refused_before_the_handler_runs()
    {
        await using var bot = await BotTestHost.StartAsync(LocalSettings(("Bot:AllowedServiceUrlHosts:0", "smba.trafficmanager.net")));

        using var response = await bot.PostAsync(Activities.Message("https://bots.example.net/amer/", "hi"), authorization: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Handler.Turns);
        Assert.Single(bot.Logs.WithEventId(3006));
    }
}
