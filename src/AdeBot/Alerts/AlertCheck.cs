using AdeBot.Access;
using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Teams;
using AdeBot.Domain.Tokens;
using AdeBot.Telemetry;
using Microsoft.Extensions.Options;

namespace AdeBot.Alerts;

/// What one check did. `TenantsSkipped` could not be read; `SendsFailed` and refused sends are
/// planned again at the next check.
public sealed record AlertCheckResult(int Tenants, int TenantsSkipped, int AlertsSent, int SendsFailed, int SubscriptionsRemoved);

/// One alert check of every tenant with an active subscription: tenants → reading → plan → send →
/// commit. One inventory read per tenant per check, one message per conversation per check covering
/// all its new findings, and the ledger updated only once that message is delivered, so a failed
/// send is planned again and a restart neither repeats nor skips an alert. AlertsWorker runs it on
/// a schedule; anything else (tests, another instance) may run it on demand.
public sealed class AlertCheck(
    ISubscriptionStore subscriptions,
    IAlertLedger ledger,
    ITokenInventory inventory,
    HealthEvaluator evaluator,
    AlertPlanner planner,
    CardComposer composer,
    ProactiveSender sender,
    AccessPolicy access,
    AdeBotMetrics metrics,
    IOptions<AlertServiceOptions> serviceOptions,
    TimeProvider time,
    ILogger<AlertCheck> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneCheckAtATime = new(1, 1);

    /// Runs one check now. A check already running in this process (the schedule, or another caller) finishes first.
    public async Task<AlertCheckResult> RunAsync(CancellationToken cancellationToken)
    {
        await _oneCheckAtATime.WaitAsync(cancellationToken);
        var checkId = ReferenceIds.New();
        using var span = AdeBotTelemetry.Source.StartActivity(AdeBotTelemetry.Spans.AlertCheck);
        span?.SetTag("adebot.alert.check.id", checkId);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["AlertCheckId"] = checkId });
        var started = time.GetTimestamp();
        try
        {
            var tenants = await subscriptions.ListActiveByTenantAsync(cancellationToken);
            AlertsLog.CheckStarted(logger, tenants.Count, tenants.Sum(t => t.Subscriptions.Count));
            var tally = new Tally();
            // Tenants side by side, each tenant's conversations in order: the pacer and Graph's
            // throttling are per tenant, so a slow tenant only holds its own place.
            await Parallel.ForEachAsync(tenants,
                new ParallelOptions { MaxDegreeOfParallelism = serviceOptions.Value.MaxConcurrentTenants, CancellationToken = cancellationToken },
                (tenant, token) => new ValueTask(CheckTenantObservedAsync(tenant, tally, token)));

            AlertsLog.CheckFinished(logger, tally.Sent, tally.Failed, tally.Removed, tally.TenantsSkipped, tenants.Count);
            metrics.AlertCheckCompleted(time.GetElapsedTime(started));
            span?.SetTag("adebot.alert.sent", tally.Sent);
            span?.SetTag("adebot.alert.failed", tally.Failed);
            return new AlertCheckResult(tenants.Count, tally.TenantsSkipped, tally.Sent, tally.Failed, tally.Removed);
        }
        finally
        {
            _oneCheckAtATime.Release();
        }
    }

    private async Task CheckTenantObservedAsync(TenantSubscriptions tenant, Tally tally, CancellationToken cancellationToken)
    {
        var tenantHash = AdeBotTelemetry.Hash(tenant.TenantId);
        using var tenantSpan = AdeBotTelemetry.Source.StartActivity(AdeBotTelemetry.Spans.AlertTenant);
        tenantSpan?.SetTag(AdeBotTelemetry.Tags.TenantHash, tenantHash);
        tenantSpan?.SetTag("adebot.alert.subscriptions", tenant.Subscriptions.Count);
        using var tenantScope = logger.BeginScope(new Dictionary<string, object?> { ["TenantHash"] = tenantHash });
        try
        {
            await CheckTenantAsync(tenant, tally, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            tally.SkipTenant();
            tenantSpan?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "tenant failed");
            AlertsLog.TenantFailed(logger, tenant.TenantId, ex);
        }
    }

    private async Task CheckTenantAsync(TenantSubscriptions tenant, Tally tally, CancellationToken cancellationToken)
    {
        // The access rules can change after a conversation subscribed (Access:AllowedTenantIds edited,
        // credentials removed): alerts follow the rules in force now, like answers do.
        if (!access.IsTenantAllowed(tenant.TenantId))
        {
            tally.SkipTenant();
            AlertsLog.TenantNoLongerAllowed(logger, tenant.TenantId);
            return;
        }

        var reading = await inventory.ReadAsync(tenant.TenantId, cancellationToken);
        // A last-good snapshot served while Graph fails cannot show a renewal or a recovered sync,
        // so nothing is planned from it; the next successful read catches up.
        if (!reading.Succeeded || reading.Snapshot is null)
        {
            tally.SkipTenant();
            AlertsLog.TenantSkipped(logger, tenant.TenantId, reading.Failure?.Kind);
            return;
        }

        var health = evaluator.Evaluate(reading.Snapshot);
        foreach (var subscription in tenant.Subscriptions)
        {
            try
            {
                await CheckSubscriptionAsync(health, subscription, tally, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                tally.Fail();
                metrics.AlertFailed("error");
                AlertsLog.SubscriptionFailed(logger, subscription.Key, ex);
            }
        }
    }

    private async Task CheckSubscriptionAsync(TenantHealth health, ConversationSubscription subscription, Tally tally, CancellationToken cancellationToken)
    {
        var key = subscription.Key;
        if (access.RequiresAdminGroup
            && !(await access.CheckAsync(key.TenantId, subscription.Conversation.UserAadObjectId, cancellationToken)).Allowed)
        {
            // The person the conversation was set up by is no longer an admin (or cannot be checked):
            // nothing is sent or committed, so alerts resume if access comes back.
            AlertsLog.SubscriberNoLongerAllowed(logger, key);
            return;
        }

        var groupMode = access.GroupModeFor(subscription.Conversation.ConversationType);
        if (groupMode == GroupConversationMode.Deny)
        {
            // Nothing is committed either: the findings are sent if the setting changes back.
            AlertsLog.GroupConversationDenied(logger, key);
            return;
        }

        var plan = planner.Plan(health, subscription, await ledger.ReadAsync(key, cancellationToken));
        if (!plan.HasMessage)
        {
            // Steps passed in silence (snoozed, or less urgent after a renewal) and forgotten tokens.
            if (plan.Changes.Count > 0) await CommitAsync(key, plan.Changes, cancellationToken);
            return;
        }

        var conversation = subscription.Conversation;
        metrics.AlertPlanned();
        var result = await sender.SendAsync(conversation, ComposeAlert(health, plan.Findings, subscription, groupMode), cancellationToken);
        switch (result.Outcome)
        {
            case ProactiveOutcome.Sent:
                tally.Send();
                metrics.AlertSent();
                AlertsLog.AlertSent(logger, plan.Findings.Count, conversation.ConversationType, key);
                await CommitAsync(key, plan.Changes, cancellationToken);
                break;
            case ProactiveOutcome.ConversationGone:
                // As on uninstall: the store drops the conversation and its ledger, and a later
                // install starts afresh. Keeping an inactive row would only hold a dead reference.
                await subscriptions.RemoveAsync(key, cancellationToken);
                tally.Remove();
                metrics.SubscriptionRemoved();
                AlertsLog.SubscriptionRemoved(logger, key, result.Connector?.Status, result.Connector?.HttpStatusCode, result.Connector?.ErrorCode);
                break;
            case ProactiveOutcome.Refused:
                tally.Fail();
                metrics.AlertFailed("refused");
                break;
            default:
                tally.Fail();
                metrics.AlertFailed("notDelivered");
                AlertsLog.AlertNotDelivered(logger, key, result.Connector?.Status, result.Connector?.HttpStatusCode, result.Connector?.ErrorCode);
                break;
        }
    }

    private async Task CommitAsync(ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        if (!await ledger.CommitAsync(key, changes, cancellationToken)) AlertsLog.NotCommitted(logger, key);
    }

    /// One card with every finding, in the conversation's language; in a channel or group chat under
    /// Access:GroupConversations=summaryOnly, the counts of the whole tenant instead.
    private Activity ComposeAlert(TenantHealth health, IReadOnlyList<AlertFinding> findings, ConversationSubscription subscription, GroupConversationMode groupMode)
    {
        var culture = SupportedCultures.Resolve(subscription.EffectiveLocale);
        if (groupMode == GroupConversationMode.SummaryOnly)
            return OutgoingActivities.Alert(subscription.Conversation, composer.ComposeGroupSummary(health, new CardContext(culture)),
                CardComposer.GroupSummaryText(health, culture), culture.Name);
        var card = composer.ComposeAlert(findings, new CardContext(culture));
        return OutgoingActivities.Alert(subscription.Conversation, card, composer.AlertSummary(findings, culture), culture.Name);
    }

    public void Dispose() => _oneCheckAtATime.Dispose();

    /// Counted from several tenants' checks at once.
    private sealed class Tally
    {
        private int _tenantsSkipped;
        private int _sent;
        private int _failed;
        private int _removed;

        public int TenantsSkipped => Volatile.Read(ref _tenantsSkipped);
        public int Sent => Volatile.Read(ref _sent);
        public int Failed => Volatile.Read(ref _failed);
        public int Removed => Volatile.Read(ref _removed);

        public void SkipTenant() => Interlocked.Increment(ref _tenantsSkipped);
        public void Send() => Interlocked.Increment(ref _sent);
        public void Fail() => Interlocked.Increment(ref _failed);
        public void Remove() => Interlocked.Increment(ref _removed);
    }
}
