using AdeBot.Domain.Conversation;
using AdeBot.Domain.GuidedFix;
using Microsoft.Extensions.Options;

namespace AdeBot.Conversations.GuidedFix;

/// Deletes guided fixes idle for longer than `Conversations:ContextMinutes`: at start-up, then every
/// hour on the injected clock. A fix past its time is never continued anyway (GuidedFixActions
/// checks on every click); this only keeps the table small.
public sealed partial class GuidedFixRetention(IGuidedFixStore store, IOptions<ConversationOptions> conversations, TimeProvider time, ILogger<GuidedFixRetention> logger)
    : BackgroundService
{
    public static readonly TimeSpan TrimInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TrimInterval, time);
        try
        {
            do
            {
                try
                {
                    var trimmed = await store.RemoveIdleAsync(time.GetUtcNow() - conversations.Value.ContextIdle, stoppingToken);
                    if (trimmed > 0) Log.Trimmed(logger, trimmed);
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
        [LoggerMessage(EventId = 4506, Level = LogLevel.Debug, Message = "{Count} idle guided fixes trimmed")]
        public static partial void Trimmed(ILogger logger, int count);

        [LoggerMessage(EventId = 4507, Level = LogLevel.Warning, Message = "Trimming idle guided fixes failed; it is tried again in an hour")]
        public static partial void TrimFailed(ILogger logger, Exception exception);
    }
}
