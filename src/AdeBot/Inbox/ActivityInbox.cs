using AdeBot.Connector;
using AdeBot.Domain.Inbox;
using AdeBot.Telemetry;
using Microsoft.Extensions.Options;

namespace AdeBot.Inbox;

/// The accept side of the inbox: an activity is in the store before the channel is answered, and
/// then handed to the scheduler. When the store cannot take it the channel gets 503 with
/// Retry-After (ActivityNotAcceptedException) and sends it again, so nothing answered 2xx is lost.
public sealed partial class ActivityInbox(
    IInboxStore store,
    InboxScheduler scheduler,
    TurnOrigins origins,
    IOptions<InboxOptions> options,
    ILogger<ActivityInbox> logger)
{
    /// `origin` follows the entry to its turn (the same turn id and trace), in memory.
    public async Task AcceptAsync(TurnOrigin origin, NewInboxEntry entry, CancellationToken cancellationToken)
    {
        InboxAcceptance acceptance;
        try
        {
            acceptance = await store.AcceptAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ActivityNotAcceptedException(TimeSpan.FromSeconds(options.Value.RetryAfterSeconds), ex);
        }

        if (acceptance.Entry is { } accepted)
        {
            origins.Remember(accepted.Id, origin);
            scheduler.Add(accepted);
        }
        else Log.AlreadyHeld(logger, entry.Kind);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4201, Level = LogLevel.Debug,
            Message = "A {Kind} was already in the inbox (a redelivery, or the same question still waiting); it is answered once")]
        public static partial void AlreadyHeld(ILogger logger, InboxWorkKind kind);
    }
}
