using System.Collections.Concurrent;

namespace AdeBot.Connector.Tests.Infrastructure;

/// The host side of the contract, as a small bot: what it does is chosen by the activity it gets.
internal sealed class TestBotHandler(IBackgroundTurnQueue background) : IBotActivityHandler
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
                background.TryEnqueue("reply-later", async (_, ct) => _replies.Enqueue(await turn.ReplyAsync("done later", ct)));
                break;
            case "later-fail":
                background.TryEnqueue("failing-work", (_, _) => throw new InvalidOperationException("background failure"));
                background.TryEnqueue("reply-after-failure", async (_, ct) => _replies.Enqueue(await turn.ReplyAsync("still working", ct)));
                break;
        }
        return null;
    }
}
