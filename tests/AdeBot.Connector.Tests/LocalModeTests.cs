using System.Net;
using AdeBot.Connector.Tests.Infrastructure;
using AdeBot.Testing.Connector;
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
