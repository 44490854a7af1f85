namespace AdeBot.Testing.Connector;

/// A clock that never makes a test wait: a one-shot timer due in d moves the clock forward by d and
/// fires straight away. Every requested delay is recorded, so a test can assert how long code chose to wait.
public sealed class AutoAdvancingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = start;

    public AutoAdvancingTimeProvider() : this(TestClock.Start) { }

    public IReadOnlyList<TimeSpan> Delays
    {
        get { lock (_gate) return [.. _delays]; }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now;
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
            throw new NotSupportedException("Only one-shot timers advance this clock.");
        var timer = new OneShotTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Elapse(TimeSpan delay)
    {
        lock (_gate)
        {
            _delays.Add(delay);
            _now += delay;
        }
    }

    private sealed class OneShotTimer(AutoAdvancingTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || Volatile.Read(ref _disposed) == 1) return true;
            clock.Elapse(dueTime);
            // Fired from the pool, never inside CreateTimer, as a real timer would be.
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                if (Volatile.Read(ref _disposed) == 0) callback(state);
            }, null);
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
