using System.Net;
using System.Net.Http.Headers;
using AdeBot.Testing;
using AdeBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AdeBot.Tests.Telemetry;

/// Telemetry:PrometheusEndpoint=true with a key. The host runs on loopback; a request that carries
/// the test's `X-Test-Remote-Address` header is made to come from that address instead.
public sealed class PrometheusBotHost() : AdeBotHost(
    new Dictionary<string, string?> { ["Telemetry:PrometheusEndpoint"] = "true", ["Telemetry:PrometheusKey"] = MetricsEndpointTests.Key },
    services => services.AddSingleton<IStartupFilter, RemoteAddressFilter>())
{
    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(MetricsEndpointTests.RemoteHeader, out var address))
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}

public sealed class MetricsEndpointTests(PrometheusBotHost host) : IClassFixture<PrometheusBotHost>
{
    public const string Key = "scrape-key-0123456789abcdef";
    public const string RemoteHeader = "X-Test-Remote-Address";

    [Fact]
    public async Task After_some_turns_a_loopback_scrape_shows_the_turn_counter_the_duration_histogram_and_the_graph_requests()
    {
        var chat = new TeamsChat(host, tenantId: Guid.NewGuid().ToString());
        await chat.SayAsync("are my ADE tokens healthy?");
        await chat.SayAsync("are my ADE tokens healthy?");

        // A turn is counted when it ends, just after its last reply went out: scrape until both are.
        var turns = new System.Text.RegularExpressions.Regex(@"adebot_turns_total\{[^}]*adebot_intent=""Health""[^}]*\} [2-9]");
        var text = await TeamsChatScrapeAsync(null, null, HttpStatusCode.OK);
        for (var attempt = 0; attempt < 200 && !turns.IsMatch(text); attempt++)
        {
            await Task.Delay(50, TestTimeout.Token);
            text = await TeamsChatScrapeAsync(null, null, HttpStatusCode.OK);
        }

        Assert.Matches(turns, text);
        Assert.Contains("adebot_turn_duration_seconds_bucket", text);
        Assert.Contains("adebot_graph_requests_total", text);
        Assert.Contains("adebot_inbox_depth", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task A_remote_caller_needs_the_bearer_key()
    {
        await TeamsChatScrapeAsync("10.1.2.3", null, HttpStatusCode.Unauthorized);
        await TeamsChatScrapeAsync("10.1.2.3", "not-the-key-0123456789", HttpStatusCode.Unauthorized);
        Assert.Contains("adebot_", await TeamsChatScrapeAsync("10.1.2.3", Key, HttpStatusCode.OK));
    }

    private async Task<string> TeamsChatScrapeAsync(string? remoteAddress, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        if (remoteAddress is not null) request.Headers.Add(RemoteHeader, remoteAddress);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await host.Http.SendAsync(request, TestTimeout.Token);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestTimeout.Token);
    }
}
