using System.Net;
using System.Text;
using AdeBot.Connector.Tests.Infrastructure;
using AdeBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Connector.Tests;

public sealed class InboundLimitsTests(ConnectorWorld world) : IClassFixture<ConnectorWorld>
{
    private const int Limit = 262_144;

    [Fact]
    public async Task A_body_that_announces_more_than_it_sends_is_not_allocated_from_its_Content_Length()
    {
        var sent = Encoding.UTF8.GetBytes("""{"type":"message","conversation":{"id":"a:1"}}""");
        var request = new DefaultHttpContext().Request;
        request.ContentLength = Limit - 1;
        request.Body = new MemoryStream(sent);
        await BotMessageProcessor.ReadBodyAsync(request, Limit, CancellationToken.None); // warm the pool and the JIT
        request.Body = new MemoryStream(sent);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var body = await BotMessageProcessor.ReadBodyAsync(request, Limit, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(sent, body);
        Assert.True(allocated < Limit / 4, $"reading a {sent.Length}-byte body allocated {allocated} bytes");
    }

    [Theory]
    [InlineData(1_024, 1_024, true)]
    [InlineData(1_024, 1_025, false)]
    [InlineData(Limit, Limit, true)]
    [InlineData(Limit, Limit + 1, false)]
    [InlineData(Limit, 3 * Limit, false)]
    public async Task The_limit_is_enforced_on_the_bytes_read_without_Content_Length(int limit, int bodyBytes, bool accepted)
    {
        var sent = new byte[bodyBytes];
        Random.Shared.NextBytes(sent);
        var request = new DefaultHttpContext().Request;
        request.Body = new TrickleStream(sent, chunkBytes: 1_000);

        var body = await BotMessageProcessor.ReadBodyAsync(request, limit, CancellationToken.None);

        if (accepted) Assert.Equal(sent, body);
        else Assert.Null(body);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_answered_413()
    {
        var json = "{\"type\":\"message\",\"conversation\":{\"id\":\"a:1\"},\"text\":\"" + new string('x', 300_000) + "\"}";
        var content = new UnknownLengthContent(Encoding.UTF8.GetBytes(json));
        Assert.Null(content.Headers.ContentLength);

        using var response = await world.Bot.SendAsync(content, world.ValidAuthorization());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Past_the_configured_rate_requests_get_429_with_Retry_After_until_the_window_turns()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        var settings = ConnectorServices.AuthenticatedSettings(world.OpenId.MetadataUrl);
        settings["Bot:MaxRequestsPerSecond"] = "3";
        await using var bot = await BotTestHost.StartAsync(settings, world.Connector, world.Credential, time: clock);
        var activity = Activities.Message(world.ServiceUrl, "hi");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var passed = await bot.PostAsync(activity, authorization: null);
            statuses.Add(passed.StatusCode);
        }
        using var refused = await bot.PostAsync(activity, authorization: null);
        clock.Advance(TimeSpan.FromSeconds(1));
        using var nextWindow = await bot.PostAsync(activity, authorization: null);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Unauthorized, nextWindow.StatusCode);
    }

    [Fact]
    public void The_defaults_leave_room_for_an_install_burst()
    {
        var defaults = new BotOptions();

        Assert.Equal(5_000, defaults.MaxConcurrentConnections);
        Assert.Equal(3_000, defaults.MaxRequestsPerSecond);
    }

    [Fact]
    public async Task Kestrel_takes_its_connection_limits_from_the_bot_options()
    {
        var settings = ConnectorServices.AuthenticatedSettings(world.OpenId.MetadataUrl);
        settings["Bot:MaxConcurrentConnections"] = "7";
        await using var bot = await BotTestHost.StartAsync(settings, world.Connector, world.Credential);

        var kestrel = bot.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value;

        Assert.Equal(7, kestrel.Limits.MaxConcurrentConnections);
        Assert.Equal(7, kestrel.Limits.MaxConcurrentUpgradedConnections);
    }

    [Fact]
    public async Task Many_bad_tokens_write_one_line_per_reason_per_interval_and_then_a_count()
    {
        var clock = new FakeTimeProvider(TestClock.Start);
        await using var bot = await BotTestHost.StartAsync(ConnectorServices.AuthenticatedSettings(world.OpenId.MetadataUrl), world.Connector, world.Credential, time: clock);
        var activity = Activities.Message(world.ServiceUrl, "hi");

        for (var i = 0; i < 40; i++)
        {
            using var refused = await bot.PostAsync(activity, "Bearer not-a-jwt-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        var firstInterval = bot.Logs.WithEventId(3000).Count;
        clock.Advance(TimeSpan.FromSeconds(60));
        using (await bot.PostAsync(activity, "Bearer not-a-jwt-again")) { }

        Assert.Equal(1, firstInterval);
        Assert.Equal(2, bot.Logs.WithEventId(3000).Count);
        var summary = Assert.Single(bot.Logs.WithEventId(3011));
        Assert.Contains("39", summary.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(BotAuthFailure.MalformedToken), summary.Message, StringComparison.Ordinal);
    }

    private sealed class TrickleStream(byte[] data, int chunkBytes) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunkBytes)], cancellationToken);
    }

    private sealed class UnknownLengthContent(byte[] data) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(data).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
