namespace AdeBot.Connector;

/// Implemented by the host and resolved per request. Return the invoke result for invoke activities
/// (null → 501); the return value of any other activity is ignored and the channel gets 200.
/// Answer within a few seconds: queue longer work on <see cref="IBackgroundTurnQueue"/>.
public interface IBotActivityHandler
{
    Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken);
}
