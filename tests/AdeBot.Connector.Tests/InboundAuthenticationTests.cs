using System.Net;
using AdeBot.Connector.Tests.Infrastructure;
using AdeBot.Testing.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace AdeBot.Connector.Tests;

public sealed class InboundAuthenticationTests(ConnectorWorld world) : IClassFixture<ConnectorWorld>
{
    [Theory]
    [MemberData(nameof(TokenCases.Names), MemberType = typeof(TokenCases))]
    public async Task Validator_accepts_only_genuine_connector_tokens(string caseName)
    {
        var (header, expected) = TokenCases.All[caseName];
        var validator = world.Bot.Services.GetRequiredService<BotTokenValidator>();
        var activity = Activities.Message(world.ServiceUrl, "hello");

        var result = await validator.ValidateAsync(header(world.Tokens), activity, CancellationToken.None);

        Assert.Equal(expected, result.Failure);
        Assert.Equal(expected is null, result.IsAuthenticated);
        if (expected is null) Assert.Equal(ConnectorServices.AppId, result.Identity!.FindFirst("aud")?.Value);
    }

    [Theory]
    [MemberData(nameof(TokenCases.NamesByActivityType), MemberType = typeof(TokenCases))]
    public async Task Endpoint_refuses_every_bad_token_whatever_the_activity_type(string caseName, string activityType)
    {
        var (header, expected) = TokenCases.All[caseName];
        var activity = Activities.Invoke(world.ServiceUrl, TestBotHandler.EchoInvoke, new { n = 1 }) with { Type = activityType };
        var authorization = header(world.Tokens);

        using var response = await world.Bot.PostAsync(activity, authorization);

        var expectedStatus = expected switch
        {
            null => HttpStatusCode.OK,
            BotAuthFailure.EndorsementMissing => HttpStatusCode.Forbidden,
            _ => HttpStatusCode.Unauthorized,
        };
        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.Equal(expected is null, world.Bot.Handler.Saw(activity.Id!));
        if (expected is not null) Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        if (authorization?.Split(' ') is [_, { Length: > 20 } token])
            Assert.DoesNotContain(world.Bot.Logs.Entries, entry => entry.Message.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusals_are_logged_with_their_reason_and_never_with_the_token()
    {
        var token = TestBotTokens.Create(world.WebchatOnlyKey, world.Tokens.Claims);

        using var response = await world.Bot.PostAsync(Activities.Message(world.ServiceUrl, "hi"), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var logged = world.Bot.Logs.WithEventId(3000);
        Assert.Contains(logged, entry => entry.Message.Contains(nameof(BotAuthFailure.EndorsementMissing), StringComparison.Ordinal));
        Assert.DoesNotContain(world.Bot.Logs.Entries, entry => entry.Message.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_rotated_in_after_the_first_fetch_is_accepted_after_one_refresh()
    {
        using var oldKey = new TestSigningKey("old-key", "msteams");
        using var newKey = new TestSigningKey("new-key", "msteams");
        using var madeUpKey = new TestSigningKey("made-up-key", "msteams");
        await using var openId = await TestOpenIdServer.StartAsync(oldKey);
        await using var services = ConnectorServices.Build(ConnectorServices.AuthenticatedSettings(openId.MetadataUrl));
        var validator = services.GetRequiredService<BotTokenValidator>();
        var serviceUrl = "https://smba.trafficmanager.net/emea/";
        var activity = Activities.Message(serviceUrl, "hi");
        var claims = new BotTokenClaims(ConnectorServices.AppId, serviceUrl, TimeProvider.System.GetUtcNow());

        var first = await validator.ValidateAsync("Bearer " + TestBotTokens.Create(oldKey, claims), activity, CancellationToken.None);
        Assert.True(first.IsAuthenticated);
        Assert.Equal(1, openId.KeySetRequests);

        openId.Publish(oldKey, newKey);
        var rotated = await validator.ValidateAsync("Bearer " + TestBotTokens.Create(newKey, claims), activity, CancellationToken.None);
        Assert.True(rotated.IsAuthenticated);
        Assert.Equal(2, openId.KeySetRequests);

        // Refreshes are throttled: a stream of made-up kids does not turn into a stream of fetches.
        var madeUp = await validator.ValidateAsync("Bearer " + TestBotTokens.Create(madeUpKey, claims), activity, CancellationToken.None);
        Assert.Equal(BotAuthFailure.UnknownSigningKey, madeUp.Failure);
        Assert.Equal(2, openId.KeySetRequests);
    }

    [Fact]
    public async Task Unreachable_metadata_is_reported_as_unavailable_not_as_a_bad_token()
    {
        using var key = new TestSigningKey("key", "msteams");
        string metadataUrl;
        await using (var gone = await TestOpenIdServer.StartAsync(key)) metadataUrl = gone.MetadataUrl;
        await using var services = ConnectorServices.Build(ConnectorServices.AuthenticatedSettings(metadataUrl));
        var validator = services.GetRequiredService<BotTokenValidator>();
        var activity = Activities.Message("https://smba.trafficmanager.net/emea/", "hi");
        var claims = new BotTokenClaims(ConnectorServices.AppId, activity.ServiceUrl, TimeProvider.System.GetUtcNow());

        var result = await validator.ValidateAsync("Bearer " + TestBotTokens.Create(key, claims), activity, CancellationToken.None);

        Assert.Equal(BotAuthFailure.MetadataUnavailable, result.Failure);
        Assert.Equal(503, result.StatusCode);
    }
}
