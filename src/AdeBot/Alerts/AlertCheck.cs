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
    ITenantLeaseStore leases,
    ITokenInventory inventory,
    HealthEvaluator evaluator,
    AlertPlanner planner,
    CardComposer composer,
    ProactiveSender sender,
    AccessPolicy access,
    AdeBotMetrics metrics,
    IOptions<AlertOptions> alertOptions,
    IOptions<AlertServiceOptions> serviceOptions,
    TimeProvider time,
    ILogger<AlertCheck> logger) : IDisposable
{
    private readonly SemaphoreSlim _oneCheckAtATime = new(1, 1);

    /// This instance, as the holder of the tenants it checks.
    private readonly string _holder = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    /// Runs one check now of every tenant no other instance is checking, due or not (tests, the
    /// command line). A check already running in this process finishes first.
    public Task<AlertCheckResult> RunAsync(CancellationToken cancellationToken) => RunAsync(onlyDue: false, cancellationToken);

    /// The scheduled check: only tenants whose interval has passed since they were last checked, by
    /// this instance or another, so with several instances each tenant is checked once per interval.
    public Task<AlertCheckResult> RunDueAsync(CancellationToken cancellationToken) => RunAsync(onlyDue: true, cancellationToken);

    private async Task<AlertCheckResult> RunAsync(bool onlyDue, CancellationToken cancellationToken)
    {
        await _oneCheckAtATime.WaitAsync(cancellationToken);
        var checkId = ReferenceIds.New();
        using var span = AdeBotTelemetry.Source.StartActivity(AdeBotTelemetry.Spans.AlertCheck);
        span?.SetTag("adebot.alert.check.id", checkId);
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["AlertCheckId"] = checkId });
        var started = time.GetTimestamp();
        try
        {
            var tenants = (await subscriptions.ListActiveByTenantAsync(cancellationToken))
                .ToDictionary(t => t.TenantId, StringComparer.OrdinalIgnoreCase);
            AlertsLog.CheckStarted(logger, tenants.Count, tenants.Values.Sum(t => t.Subscriptions.Count));
            var tally = new Tally();
            var checkedTenants = 0;
            // Tenants side by side, each tenant's conversations in order: the pacer and Graph's
            // throttling are per tenant, so a slow tenant only holds its own place. A place is
            // claimed in the database when it frees up, so instances share the tenants as they go.
            var limit = serviceOptions.Value.MaxConcurrentTenants;
            var dueBy = onlyDue ? time.GetUtcNow() : DateTimeOffset.MaxValue;
            List<Task> running = [];
            try
            {
                while (true)
                {
                    if (running.Count < limit)
                    {
                        foreach (var lease in await leases.ClaimAsync(_holder, checkId, limit - running.Count, dueBy, LeaseEnd(), cancellationToken))
                        {
                            if (tenants.TryGetValue(lease.TenantId, out var tenant))
                            {
                                checkedTenants++;
                                running.Add(CheckLeasedTenantAsync(tenant, lease, tally, cancellationToken));
                            }
                            // Subscribed after this check listed the tenants: the next check has it.
                            else await leases.ReleaseAsync(lease, nextDueAt: null, cancellationToken);
                        }
                    }
                    if (running.Count == 0) break;
                    running.Remove(await Task.WhenAny(running));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopping: the tenants in flight are given back before the stop completes.
                await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
                throw;
            }

            AlertsLog.CheckFinished(logger, tally.Sent, tally.Failed, tally.Removed, tally.TenantsSkipped, checkedTenants);
            metrics.AlertCheckCompleted(time.GetElapsedTime(started));
            span?.SetTag("adebot.alert.sent", tally.Sent);
            span?.SetTag("adebot.alert.failed", tally.Failed);
            return new AlertCheckResult(checkedTenants, tally.TenantsSkipped, tally.Sent, tally.Failed, tally.Removed);
        }
        finally
        {
            _oneCheckAtATime.Release();
        }
    }

    private DateTimeOffset LeaseEnd() => time.GetUtcNow() + TimeSpan.FromSeconds(serviceOptions.Value.TenantLeaseSeconds);

    /// Checks a claimed tenant and gives it back: not due again for an interval once checked; due at
    /// once when this instance stops mid-check, so another takes it without waiting for the lease.
    private async Task CheckLeasedTenantAsync(TenantSubscriptions tenant, TenantLease lease, Tally tally, CancellationToken cancellationToken)
    {
        var claimedAt = time.GetUtcNow();
        try
        {
            await CheckTenantObservedAsync(tenant, lease, tally, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ReleaseQuietlyAsync(lease, null);
            throw;
        }
        await ReleaseQuietlyAsync(lease, claimedAt + alertOptions.Value.CheckInterval);
    }

    private async Task ReleaseQuietlyAsync(TenantLease lease, DateTimeOffset? nextDueAt)
    {
        try
        {
            // Not the check's token: a stopping instance must still give its tenants back.
            await leases.ReleaseAsync(lease, nextDueAt, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease runs out by itself; only the takeover waits for it.
            AlertsLog.LeaseNotReleased(logger, lease.TenantId, ex);
        }
    }

    private async Task CheckTenantObservedAsync(TenantSubscriptions tenant, TenantLease lease, Tally tally, CancellationToken cancellationToken)
    {
        var tenantHash = AdeBotTelemetry.Hash(tenant.TenantId);
        using var tenantSpan = AdeBotTelemetry.Source.StartActivity(AdeBotTelemetry.Spans.AlertTenant);
        tenantSpan?.SetTag(AdeBotTelemetry.Tags.TenantHash, tenantHash);
        tenantSpan?.SetTag("adebot.alert.subscriptions", tenant.Subscriptions.Count);
        using var tenantScope = logger.BeginScope(new Dictionary<string, object?> { ["TenantHash"] = tenantHash });
        try
        {
            await CheckTenantAsync(tenant, lease, tally, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            tally.SkipTenant();
            tenantSpan?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "tenant failed");
            AlertsLog.TenantFailed(logger, tenant.TenantId, ex);
        }
    }

    private async Task CheckTenantAsync(TenantSubscriptions tenant, TenantLease lease, Tally tally, CancellationToken cancellationToken)
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
                if (!await CheckSubscriptionAsync(health, subscription, lease, tally, cancellationToken))
                {
                    // Another instance has the tenant now (this one was too slow): it checks the rest.
                    AlertsLog.LeaseLost(logger, tenant.TenantId);
                    return;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                tally.Fail();
                metrics.AlertFailed("error");
                AlertsLog.SubscriptionFailed(logger, subscription.Key, ex);
            }
        }
    }

    /// False when the tenant's lease was lost: nothing more may be sent for it.
    private async Task<bool> CheckSubscriptionAsync(TenantHealth health, ConversationSubscription subscription, TenantLease lease, Tally tally, CancellationToken cancellationToken)
    {
        var key = subscription.Key;
        if (access.RequiresAdminGroup
            && !(await access.CheckAsync(key.TenantId, subscription.Conversation.UserAadObjectId, cancellationToken)).Allowed)
        {
            // The person the conversation was set up by is no longer an admin (or cannot be checked):
            // nothing is sent or committed, so alerts resume if access comes back.
            AlertsLog.SubscriberNoLongerAllowed(logger, key);
            return true;
        }

        var groupMode = access.GroupModeFor(subscription.Conversation.ConversationType);
        if (groupMode == GroupConversationMode.Deny)
        {
            // Nothing is committed either: the findings are sent if the setting changes back.
            AlertsLog.GroupConversationDenied(logger, key);
            return true;
        }

        var plan = planner.Plan(health, subscription, await ledger.ReadAsync(key, cancellationToken));
        if (!plan.HasMessage)
        {
            // Steps passed in silence (snoozed, or less urgent after a renewal) and forgotten tokens.
            return plan.Changes.Count == 0 || await CommitAsync(lease, key, plan.Changes, cancellationToken);
        }

        var conversation = subscription.Conversation;
        metrics.AlertPlanned();
        // Right before the send: an instance that lost the tenant (its lease ran out while it was
        // slow) must not send what the new holder is about to send too. The renewal gives this send
        // a full lease to be delivered and committed in.
        if (!await leases.RenewAsync(lease, LeaseEnd(), cancellationToken)) return false;
        var result = await sender.SendAsync(conversation, ComposeAlert(health, plan.Findings, subscription, groupMode), cancellationToken);
        switch (result.Outcome)
        {
            case ProactiveOutcome.Sent:
                tally.Send();
                metrics.AlertSent();
                AlertsLog.AlertSent(logger, plan.Findings.Count, conversation.ConversationType, key);
                return await CommitAsync(lease, key, plan.Changes, cancellationToken);
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
        return true;
    }

    /// False when the lease was lost: nothing was recorded, and the tenant is another instance's now.
    private async Task<bool> CommitAsync(TenantLease lease, ConversationKey key, IReadOnlyList<LedgerChange> changes, CancellationToken cancellationToken)
    {
        switch (await leases.CommitAsync(lease, key, changes, cancellationToken))
        {
            case LeasedCommit.ConversationGone:
                AlertsLog.NotCommitted(logger, key);
                return true;
            case LeasedCommit.LeaseLost:
                return false;
            default:
                return true;
        }
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
