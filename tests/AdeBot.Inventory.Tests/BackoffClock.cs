namespace AdeBot.Inventory.Tests;

/// A clock for the backoff tests: a one-shot timer due within `firesWithin` moves the clock on by
/// its due time and fires at once, and is recorded; longer timers (the per-request timeout) never
/// fire. So a test sees exactly how long the code chose to wait, without waiting.
public sealed class BackoffClock(TimeSpan firesWithin) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Waits
    {
        get { lock (_gate) return [.. _waits]; }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new Timer(this, callback, state, dueTime);

    private bool Elapse(TimeSpan due)
    {
        if (due == Timeout.InfiniteTimeSpan || due > firesWithin) return false;
        lock (_gate)
        {
            _waits.Add(due);
            _now += due;
        }
        return true;
    }

    private sealed class Timer : ITimer
    {
        private readonly BackoffClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _disposed;

        public Timer(BackoffClock clock, TimerCallback callback, object? state, TimeSpan due)
        {
            (_clock, _callback, _state) = (clock, callback, state);
            Change(due, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (Volatile.Read(ref _disposed) == 0 && _clock.Elapse(dueTime))
                ThreadPool.UnsafeQueueUserWorkItem(_ => { if (Volatile.Read(ref _disposed) == 0) _callback(_state); }, null);
            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref _disposed, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
