using AdeBot.Domain.Alerts;
using Microsoft.Extensions.Options;

namespace AdeBot.Alerts;

/// The schedule of the alert checks: the first after FirstCheckDelay, then one every
/// CheckInterval plus jitter, measured from the end of the previous one. The check itself is AlertCheck.
public sealed class AlertsWorker(
    AlertCheck check,
    IOptions<AlertOptions> alertOptions,
    IOptions<AlertServiceOptions> serviceOptions,
    TimeProvider time,
    ILogger<AlertsWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var service = serviceOptions.Value;
        if (!service.Enabled)
        {
            AlertsLog.Disabled(logger);
            return;
        }

        var alerts = alertOptions.Value;
        var regular = alerts.NextCheckDelay(Random.Shared);
        var delay = service.FirstCheckDelay < regular ? service.FirstCheckDelay : regular;
        AlertsLog.Scheduled(logger, delay, alerts.CheckInterval, alerts.EffectiveCheckJitter);
        try
        {
            while (true)
            {
                await Task.Delay(delay, time, stoppingToken);
                try
                {
                    await check.RunDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Never fatal: a failing store or a bug in one check must not stop the alerts for good.
                    AlertsLog.CheckFailed(logger, ex);
                }

                // Measured from the end of a check, so a slow check never overlaps the next one.
                delay = alerts.NextCheckDelay(Random.Shared);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
