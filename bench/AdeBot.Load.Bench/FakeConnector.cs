using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdeBot.Load.Bench;

/// A Bot Connector on loopback that answers every post with 200 and counts, per conversation,
/// the replies to an activity (answers, welcomes) and the posts into the conversation (alerts).
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _replies = new();
    private readonly ConcurrentDictionary<string, int> _proactive = new();
    private int _answered;
    private long _lastProactiveAt;

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    /// Called with the conversation id of every reply as it arrives (the load test's latency clock).
    public Action<string, string?>? OnReply { get; set; }

    public static async Task<FakeConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var connector = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext http) =>
            connector.Record(connector._replies, conversationId, activityId, http));
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext http) =>
            connector.Record(connector._proactive, conversationId, null, http));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    public int RepliesTo(string conversationId) => _replies.GetValueOrDefault(conversationId);

    public int ProactiveTo(string conversationId) => _proactive.GetValueOrDefault(conversationId);

    public int TotalReplies => _replies.Values.Sum();

    public int TotalProactive => _proactive.Values.Sum();

    /// Conversations with at least one post into them.
    public int ConversationsAlerted => _proactive.Count;

    /// Stopwatch timestamp of the latest post into a conversation; 0 before the first.
    public long LastProactiveAt => Interlocked.Read(ref _lastProactiveAt);

    private async Task<IResult> Record(ConcurrentDictionary<string, int> counts, string conversationId, string? activityId, HttpContext http)
    {
        // The type decides: a typing indicator is not an answer.
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (!body.Contains("\"type\":\"typing\"", StringComparison.Ordinal))
        {
            counts.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
            if (activityId is null) Interlocked.Exchange(ref _lastProactiveAt, System.Diagnostics.Stopwatch.GetTimestamp());
            OnReply?.Invoke(conversationId, activityId);
        }
        return Results.Json(new { id = $"activity-{Interlocked.Increment(ref _answered)}" });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
