namespace AdeBot.Connector;

/// Thrown by an <see cref="IBotActivityHandler"/> that cannot take an activity now (its store is
/// unavailable). The channel gets 503 with Retry-After and delivers the activity again, instead of
/// a 200 for work that would never be done.
public sealed class ActivityNotAcceptedException(TimeSpan retryAfter, Exception? innerException = null)
    : Exception("The activity could not be accepted now.", innerException)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
