using AdeBot.Domain.Audit;
using Microsoft.Extensions.Options;

namespace AdeBot.Audit;

/// Trims the audit trail to Audit:RetentionDays: at start-up, then every hour on the injected clock.
public sealed partial class AuditRetention(IAuditTrail trail, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetention> logger)
    : BackgroundService
{
    public static readonly TimeSpan TrimInterval = TimeSpan.FromHours(1);

    public async Task<int> TrimAsync(CancellationToken cancellationToken)
    {
        var trimmed = await trail.TrimAsync(time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
        if (trimmed > 0) Log.Trimmed(logger, trimmed, options.Value.RetentionDays);
        return trimmed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TrimInterval, time);
        try
        {
            do
            {
                try
                {
                    await TrimAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.TrimFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Audit: {Count} entries older than {RetentionDays} days trimmed")]
        public static partial void Trimmed(ILogger logger, int count, int retentionDays);

        [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Audit: trimming old entries failed; it is tried again in an hour")]
        public static partial void TrimFailed(ILogger logger, Exception exception);
    }
}
