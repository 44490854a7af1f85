using AdeBot.Domain.Audit;
using AdeBot.Hosting;
using Microsoft.Extensions.Options;

namespace AdeBot.Audit;

/// Trims the audit trail to Audit:RetentionDays.
public sealed partial class AuditRetention(IAuditTrail trail, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetention> logger)
    : HourlyTrim(time)
{
    public async Task<int> TrimAsync(CancellationToken cancellationToken)
    {
        var trimmed = await trail.TrimAsync(Time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
        if (trimmed > 0) Log.Trimmed(logger, trimmed, options.Value.RetentionDays);
        return trimmed;
    }

    protected override Task TrimOnceAsync(CancellationToken cancellationToken) => TrimAsync(cancellationToken);

    protected override void LogTrimFailed(Exception exception) => Log.TrimFailed(logger, exception);

    private static partial class Log
    {
        [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Audit: {Count} entries older than {RetentionDays} days trimmed")]
        public static partial void Trimmed(ILogger logger, int count, int retentionDays);

        [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Audit: trimming old entries failed; it is tried again in an hour")]
        public static partial void TrimFailed(ILogger logger, Exception exception);
    }
}
