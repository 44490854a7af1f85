using AdeBot.Connector;

namespace AdeBot.Teams;

/// Where a turn's replies go: the Bot Connector for Teams, or a list for the `ask` command.
public interface IReplySink
{
    /// False when the reply could not be delivered (the failure is logged by whoever tried).
    Task<bool> SendAsync(Activity reply, CancellationToken cancellationToken);
}
