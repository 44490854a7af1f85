using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdeBot.Connector;

/// Work that may outlast the channel's ~10 s budget (https://learn.microsoft.com/azure/bot-service/bot-builder-howto-long-operations-guidance): the endpoint answers, the work
/// runs afterwards in its own DI scope, and a failure is logged instead of lost.
public interface IBackgroundTurnQueue
{
    /// False when the queue is full (Bot:BackgroundQueueCapacity); the work is then not run.
    bool TryEnqueue(string workName, Func<IServiceProvider, CancellationToken, Task> work);
}

internal sealed record BackgroundWork(string Name, Func<IServiceProvider, CancellationToken, Task> Run);

internal sealed class BackgroundTurnQueue(IOptions<BotOptions> options, ILogger<BackgroundTurnQueue> logger) : IBackgroundTurnQueue
{
    private readonly Channel<BackgroundWork> _channel = Channel.CreateBounded<BackgroundWork>(
        new BoundedChannelOptions(options.Value.BackgroundQueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<BackgroundWork> Reader => _channel.Reader;

    public bool TryEnqueue(string workName, Func<IServiceProvider, CancellationToken, Task> work)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workName);
        ArgumentNullException.ThrowIfNull(work);
        if (_channel.Writer.TryWrite(new BackgroundWork(workName, work))) return true;
        Log.BackgroundQueueFull(logger, workName);
        return false;
    }
}

internal sealed class BackgroundTurnWorker(
    BackgroundTurnQueue queue,
    IServiceScopeFactory scopes,
    IOptions<BotOptions> options,
    ILogger<BackgroundTurnWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.BackgroundConcurrency).Select(_ => RunLoopAsync(stoppingToken)));

    private async Task RunLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunOneAsync(work, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; queued work that has not started is dropped with the process.
        }
    }

    private async Task RunOneAsync(BackgroundWork work, CancellationToken stoppingToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                await work.Run(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && stoppingToken.IsCancellationRequested))
            {
                Log.BackgroundWorkFailed(logger, work.Name, ex);
            }
        }
    }
}
