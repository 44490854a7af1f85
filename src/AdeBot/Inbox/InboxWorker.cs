using AdeBot.Domain.Inbox;
using Microsoft.Extensions.Options;

namespace AdeBot.Inbox;

/// Works off the inbox: at start-up it picks up what the last process left (pending entries run,
/// entries that were running are reported as interrupted, installs resumed), then runs
/// Inbox:Workers turns at a time from the scheduler, trims finished entries after
/// Inbox:RetentionHours, and on shutdown lets turns in flight finish for up to
/// Inbox:DrainTimeoutSeconds while the rest stays pending for the next start.
public sealed partial class InboxWorker(
    IInboxStore store,
    InboxScheduler scheduler,
    IInboxProcessor processor,
    IOptions<InboxOptions> options,
    TimeProvider time,
    ILogger<InboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan TrimInterval = TimeSpan.FromHours(1);

    private readonly CancellationTokenSource _drain = new();
    private ITimer? _drainDeadline;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        var workers = Enumerable.Range(0, options.Value.Workers).Select(_ => RunLoopAsync(stoppingToken));
        await Task.WhenAll([.. workers, TrimLoopAsync(stoppingToken)]);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // No new turn starts once stopping; the ones running get the drain time, then are cancelled.
        _drainDeadline = time.CreateTimer(_ => Cancel(_drain), null, TimeSpan.FromSeconds(options.Value.DrainTimeoutSeconds), Timeout.InfiniteTimeSpan);
        return base.StopAsync(cancellationToken);
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<InboxEntry> unfinished;
        try
        {
            unfinished = await store.ListUnfinishedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing is lost: the entries stay in the store for the next start.
            Log.RecoveryFailed(logger, ex);
            return;
        }

        var interrupted = 0;
        foreach (var entry in unfinished)
        {
            // An install is safe to run again (the store decides "new" once, so it greets once);
            // a message may have been answered already, so it is reported instead of run twice.
            if (entry is { State: InboxEntryState.Running, Kind: InboxWorkKind.Message })
            {
                interrupted++;
                await ReportInterruptedAsync(entry, cancellationToken);
                continue;
            }
            scheduler.Add(entry);
        }
        if (unfinished.Count > 0) Log.Recovered(logger, unfinished.Count - interrupted, interrupted);
    }

    private async Task ReportInterruptedAsync(InboxEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            // Recorded first: a crash while reporting must not report (or answer) it again.
            await store.CompleteAsync(entry.Id, InboxOutcome.Interrupted, cancellationToken);
            await processor.ReportInterruptedAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.EntryFailed(logger, entry.Id, entry.Kind, ex);
        }
    }

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            InboxEntry entry;
            try
            {
                entry = await scheduler.TakeAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await RunOneAsync(entry);
        }
    }

    private async Task RunOneAsync(InboxEntry entry)
    {
        var drain = _drain.Token;
        var outcome = InboxOutcome.Processed;
        try
        {
            // An install the last process left running is run again as it is (the store greets once);
            // anything pending is claimed first.
            if (entry.State == InboxEntryState.Pending && !await store.MarkRunningAsync(entry.Id, drain))
            {
                // Another instance on the same database claimed it (both picked it up at start-up).
                Log.ClaimedElsewhere(logger, entry.Id, entry.Kind);
                return;
            }
            await processor.ProcessAsync(entry, drain);
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            // Cut off by the drain deadline: left as it is, so the next start reports or resumes it.
            Log.LeftForNextStart(logger, entry.Id, entry.Kind);
            return;
        }
        catch (Exception ex)
        {
            outcome = InboxOutcome.Failed;
            Log.EntryFailed(logger, entry.Id, entry.Kind, ex);
        }
        finally
        {
            scheduler.Complete(entry);
        }

        try
        {
            await store.CompleteAsync(entry.Id, outcome, drain);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn is done; only its record is not. The next start reports it as interrupted
            // rather than answering it again.
            Log.EntryFailed(logger, entry.Id, entry.Kind, ex);
        }
    }

    private async Task TrimLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TrimInterval, time);
        do
        {
            try
            {
                var trimmed = await store.TrimAsync(time.GetUtcNow() - TimeSpan.FromHours(options.Value.RetentionHours), stoppingToken);
                if (trimmed > 0) Log.Trimmed(logger, trimmed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.TrimFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public override void Dispose()
    {
        _drainDeadline?.Dispose();
        _drain.Dispose();
        base.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4210, Level = LogLevel.Information, Message = "Inbox: {Pending} entries left by the last run are picked up, {Interrupted} interrupted turns reported")]
        public static partial void Recovered(ILogger logger, int pending, int interrupted);

        [LoggerMessage(EventId = 4211, Level = LogLevel.Error, Message = "Inbox: the entries left by the last run could not be read; they stay for the next start")]
        public static partial void RecoveryFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 4212, Level = LogLevel.Error, Message = "Inbox entry {EntryId} ({Kind}) failed")]
        public static partial void EntryFailed(ILogger logger, long entryId, InboxWorkKind kind, Exception exception);

        [LoggerMessage(EventId = 4213, Level = LogLevel.Warning, Message = "Inbox entry {EntryId} ({Kind}) did not finish before the drain deadline; the next start takes it up")]
        public static partial void LeftForNextStart(ILogger logger, long entryId, InboxWorkKind kind);

        [LoggerMessage(EventId = 4214, Level = LogLevel.Debug, Message = "Inbox: {Count} finished entries trimmed")]
        public static partial void Trimmed(ILogger logger, int count);

        [LoggerMessage(EventId = 4216, Level = LogLevel.Debug, Message = "Inbox entry {EntryId} ({Kind}) was claimed by another instance; not run here")]
        public static partial void ClaimedElsewhere(ILogger logger, long entryId, InboxWorkKind kind);

        [LoggerMessage(EventId = 4215, Level = LogLevel.Warning, Message = "Inbox: trimming finished entries failed; it is tried again later")]
        public static partial void TrimFailed(ILogger logger, Exception exception);
    }
}
