namespace AdeBot.Access;

/// Lets one caller at a time through at most once a period. The limiters forget old senders with
/// a full scan; under a flood of distinct senders, scanning on every call would cost O(senders) each.
internal sealed class PruneSchedule(TimeSpan period)
{
    private long _nextTicks;

    public bool TryStart(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextTicks);
        return now.UtcTicks >= due && Interlocked.CompareExchange(ref _nextTicks, (now + period).UtcTicks, due) == due;
    }
}
