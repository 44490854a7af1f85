using System.Globalization;
using System.Security.Cryptography;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Tokens;
using AdeBot.Telemetry;

namespace AdeBot.Teams;

/// Short ids that tie what a user is told to what the log says.
public static class ReferenceIds
{
    /// Short enough to read out over the phone to support, long enough not to collide in a log.
    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

    /// The running turn's id, which every log line of the turn carries in its scope; a new id outside a turn.
    public static string ForThisTurn() => TurnRecord.Current?.TurnId ?? New();
}

/// The one way AdeBot tells a user that something failed: the details go to the log under a new
/// reference id, and the user gets that id in their language, never the exception text.
public sealed partial class FailureReplies(ILogger<FailureReplies> logger)
{
    /// A turn threw: logged with the exception, answered with the reference id.
    public string ForException(Exception exception, string workName, CultureInfo culture)
    {
        TurnRecord.Current?.End(TurnOutcome.Failed);
        var reference = ReferenceIds.ForThisTurn();
        Log.TurnFailed(logger, exception, workName, reference);
        return ChatReplies.ErrorReply(reference, culture);
    }

    /// The inventory could not be read: the failures a user can act on (a missing permission,
    /// Graph throttling) get their own text; anything else gets a reference id.
    public string ForInventoryFailure(InventoryFailure? failure, CultureInfo culture)
    {
        TurnRecord.Current?.End(TurnOutcome.Unavailable);
        if (failure is not null && ChatReplies.ForInventoryFailure(failure, culture) is { } text) return text;
        var reference = ReferenceIds.ForThisTurn();
        Log.InventoryFailedForUser(logger, reference, failure?.Kind);
        return ChatReplies.ErrorReply(reference, culture);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Token inventory failed ({Kind}); the user was given reference {ReferenceId}")]
        public static partial void InventoryFailedForUser(ILogger logger, string referenceId, InventoryFailureKind? kind);

        [LoggerMessage(EventId = 4101, Level = LogLevel.Error, Message = "Handling a {WorkName} turn failed; the user was given reference {ReferenceId}")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string workName, string referenceId);
    }
}
