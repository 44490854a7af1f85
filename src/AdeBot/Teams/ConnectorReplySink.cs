using AdeBot.Connector;

namespace AdeBot.Teams;

/// A turn's replies posted through the Bot Connector, as replies to the inbound activity.
internal sealed class ConnectorReplySink(TurnContext turn, ILogger logger) : IReplySink
{
    public async Task<bool> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        var result = await turn.ReplyAsync(reply, cancellationToken);
        if (!result.IsSuccess) TeamsActivityHandler.Log.ReplyFailed(logger, result.Status, result.HttpStatusCode, result.ErrorCode);
        return result.IsSuccess;
    }
}
