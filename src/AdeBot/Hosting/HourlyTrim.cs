namespace AdeBot.Hosting;

/// Keeps a table small: trims once at start-up, then every hour on the injected clock. A failed
/// trim is logged and tried again at the next tick; the rows it leaves are never used anyway.
public abstract class HourlyTrim(TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan TrimInterval = TimeSpan.FromHours(1);

    protected TimeProvider Time { get; } = time;

    /// One trim; logs what it removed.
    protected abstract Task TrimOnceAsync(CancellationToken cancellationToken);

    protected abstract void LogTrimFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TrimInterval, Time);
        try
        {
            do
            {
                try
                {
                    await TrimOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogTrimFailed(ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
