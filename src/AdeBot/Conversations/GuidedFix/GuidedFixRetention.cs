using AdeBot.Domain.Conversation;
using AdeBot.Domain.GuidedFix;
using AdeBot.Hosting;
using Microsoft.Extensions.Options;

namespace AdeBot.Conversations.GuidedFix;

/// Deletes guided fixes idle for longer than `Conversations:ContextMinutes`. A fix past its time is
/// never continued anyway (GuidedFixActions checks on every click); this only keeps the table small.
public sealed partial class GuidedFixRetention(IGuidedFixStore store, IOptions<ConversationOptions> conversations, TimeProvider time, ILogger<GuidedFixRetention> logger)
    : HourlyTrim(time)
{
    protected override async Task TrimOnceAsync(CancellationToken cancellationToken)
    {
        var trimmed = await store.RemoveIdleAsync(Time.GetUtcNow() - conversations.Value.ContextIdle, cancellationToken);
        if (trimmed > 0) Log.Trimmed(logger, trimmed);
    }

    protected override void LogTrimFailed(Exception exception) => Log.TrimFailed(logger, exception);

    private static partial class Log
    {
        [LoggerMessage(EventId = 4506, Level = LogLevel.Debug, Message = "{Count} idle guided fixes trimmed")]
        public static partial void Trimmed(ILogger logger, int count);

        [LoggerMessage(EventId = 4507, Level = LogLevel.Warning, Message = "Trimming idle guided fixes failed; it is tried again in an hour")]
        public static partial void TrimFailed(ILogger logger, Exception exception);
    }
}
