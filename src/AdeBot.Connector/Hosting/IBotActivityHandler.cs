namespace AdeBot.Connector;

/// Implemented by the host and resolved per request. Return the invoke result for invoke activities
/// (null → 501); the return value of any other activity is ignored and the channel gets 200.
/// Answer within a few seconds: record longer work durably and resume it later with
/// <see cref="ConnectorClientFactory.ResumeTurn"/>. Throw <see cref="ActivityNotAcceptedException"/>
/// when the activity cannot be taken now (503 with Retry-After).
public interface IBotActivityHandler
{
    Task<InvokeResponse?> OnActivityAsync(TurnContext turn, CancellationToken cancellationToken);
}
