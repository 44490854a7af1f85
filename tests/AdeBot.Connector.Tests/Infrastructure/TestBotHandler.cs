using System.Collections.Concurrent;
using System.Text.Json;

namespace AdeBot.Connector.Tests.Infrastructure;

/// The host side of the contract, as a small bot: what it does is chosen by the activity it gets.
internal sealed class TestBotHandler(ConnectorClientFactory connectors) : IBotActivityHandler
{
    public const string EchoInvoke = "test/echo";

    private readonly ConcurrentQueue<TurnContext> _turns = new();
    private readonly ConcurrentQueue<ConnectorResult> _replies = new();

    public IReadOnlyList<TurnContext> Turns => [.. _turns];

    public IReadOnlyList<ConnectorResult> Replies => [.. _replies];

    public bool Saw(string activityId) => _turns.Any(turn => turn.Activity.Id == activityId);

    public async Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        _turns.Enqueue(turn);
        var activity = turn.Activity;

        if (activity.IsType(ActivityTypes.Invoke))
        {
            return activity.Name switch
            {
                EchoInvoke => InvokeResponse.Json(new { echoed = activity.Value }),
                "adaptiveCard/action" => AdaptiveCardInvokeResponse.Message("done").ToInvokeResponse(),
                _ => null,
            };
        }

        switch (activity.Text)
        {
            case "throw":
                throw new InvalidOperationException("internal detail that must not reach the channel");
            case "reply":
                _replies.Enqueue(await turn.ReplyAsync("pong", cancellationToken));
                break;
            case "later":
                // As a durable inbox does: keep the activity, answer the channel, resume the turn afterwards.
                var stored = JsonSerializer.Serialize(activity, ConnectorJson.Options);
                var wasLocal = turn.IsLocalAnonymous;
                _ = Task.Run(async () =>
                {
                    var resumed = connectors.ResumeTurn(JsonSerializer.Deserialize<Activity>(stored, ConnectorJson.Options)!, wasLocal);
                    _replies.Enqueue(await resumed.ReplyAsync("done later", CancellationToken.None));
                }, CancellationToken.None);
                break;
            case "busy":
                throw new ActivityNotAcceptedException(TimeSpan.FromSeconds(7), new IOException("disk full"));
        }
        return null;
    }
}
