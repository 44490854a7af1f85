using System.Text.Json;
using AdeBot.Domain.Health;

namespace AdeBot.Domain.Alerts;

/// Decides what one conversation is told after a check, from the tenant's health and what the
/// conversation was already told (its ledger). Pure: the same inputs at the same time give the
/// same plan, so a plan that was not sent is simply planned again at the next check.
///
/// Rules:
/// - A finding is a token's problem on one track (AlertTracks), alerted on when its step is news:
///   - expiry: the most urgent threshold crossed (`days:30` ... `days:1`), then `expired:0`, then
///     `expired:7`, `expired:14`, ... while it stays expired. Several thresholds crossed since the
///     last check give one alert for the most urgent. Timing comes from the expiry date itself;
///     an expiring token further out than every threshold is not alerted on yet.
///   - sync staleness and never-synced: `stale:warning` then `stale:critical` (likewise `neverSynced:`).
///   - sync error: `errorCode:N`, alerted again when the code changes; VPP state: `state:<state>`;
///     VPP sync failed, APNs not configured and later codes: once.
/// - On an ordered track (expiry, stale, never synced) a step less urgent than the recorded one
///   (renewed, but still within the thresholds) is recorded in silence, so the thresholds count
///   again from there.
/// - When a recorded finding's problem is gone but its token is still there, the conversation is
///   told once (Cleared: renewed, sync recovered, resolved) and the finding is forgotten, so a
///   recurrence alerts again. A token gone from the inventory is forgotten in silence.
/// - Problems of Healthy severity are never alerted on.
/// - CriticalOnly: only Critical findings are raised, and only findings recorded as Critical are
///   reported cleared.
/// - Snooze (per conversation and finding, AlertOptions.SnoozeDays, never forever): while snoozed,
///   a step that comes due is recorded without a message. A step more severe than any recorded for
///   the finding (Warning → Critical) breaks through: it is sent and ends the snooze. A clear is
///   always sent and ends the snooze with the finding.
public sealed class AlertPlanner(AlertOptions options, TimeProvider time)
{
    private readonly int[] _thresholdsMostUrgentFirst = [.. options.EffectiveExpiryThresholdDays.Order()];

    public AlertPlan Plan(TenantHealth health, ConversationSubscription subscription, AlertLedgerState ledger)
    {
        var tenantId = subscription.Key.TenantId;
        if (!string.Equals(health.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Health of tenant {health.TenantId} cannot be planned for a conversation of tenant {tenantId}.", nameof(health));
        }

        var now = time.GetUtcNow();
        var scope = subscription.Scope;
        var current = Candidates(health, tenantId, now);
        var recorded = ledger.Entries.ToDictionary(e => e.Finding);
        List<(AlertFinding Finding, int TokenIndex, int Item)> findings = [];
        List<LedgerChange> changes = [];

        foreach (var candidate in current.Values)
        {
            var entry = recorded.GetValueOrDefault(candidate.Id);
            if (entry is not null && !IsNews(candidate, entry))
            {
                if (AlertTracks.IsOrdered(candidate.Id.Track) && candidate.Step.Urgency < entry.Urgency)
                {
                    changes.Add(Record(candidate, entry, now, endsSnooze: false));
                }

                continue;
            }

            if (!InScope(scope, candidate.Problem.Severity)) continue;

            var snoozed = entry?.SnoozedUntil > now;
            var breaksThrough = snoozed && candidate.Problem.Severity > entry!.Severity;
            if (!snoozed || breaksThrough)
            {
                findings.Add((Raised(candidate), candidate.TokenIndex, candidate.ProblemIndex));
            }

            changes.Add(Record(candidate, entry, now, endsSnooze: breaksThrough));
        }

        foreach (var entry in ledger.Entries.Where(e => !current.ContainsKey(e.Finding)))
        {
            changes.Add(new ForgetFinding(entry.Finding));
            var tokenIndex = IndexOfToken(health, entry.Finding);
            if (tokenIndex < 0 || !InScope(scope, entry.Severity)) continue;

            var reason = AlertTracks.ClearReasonOf(entry.Finding.Track);
            var cleared = new AlertFinding(
                tenantId, health.Tokens[tokenIndex], entry.Code, JsonNamingPolicy.CamelCase.ConvertName(reason.ToString()), entry.Severity, AlertKind.Cleared, null, reason);
            findings.Add((cleared, tokenIndex, (int)entry.Code));
        }

        List<AlertFinding> ordered =
        [
            .. findings
                .OrderBy(f => f.Finding.Kind)
                .ThenByDescending(f => f.Finding.Severity)
                .ThenBy(f => f.TokenIndex)
                .ThenBy(f => f.Item)
                .Select(f => f.Finding),
        ];
        return new AlertPlan(ordered, changes);
    }

    /// What the ledger must record so that the check after a guided fix tells the conversation once,
    /// through the cleared path, when `finding` is gone: the step the plan would record for it now,
    /// without its alert (the conversation is already working on it). Empty when the ledger holds
    /// the finding already, or when the conversation would not hear of it (out of scope, no problem
    /// on that track, an expiry further out than every threshold).
    public IReadOnlyList<LedgerChange> Watch(TenantHealth health, ConversationSubscription subscription, AlertLedgerState ledger, FindingId finding) =>
        ledger.Find(finding) is not null ? [] : [.. Plan(health, subscription, ledger).Changes.OfType<RecordStep>().Where(c => c.Finding == finding)];

    /// When a snooze of `days` ends, or null when `days` is not one of the offered choices.
    public DateTimeOffset? SnoozeUntil(int days) =>
        options.EffectiveSnoozeDays.Contains(days) ? time.GetUtcNow().AddDays(days) : null;

    private Dictionary<FindingId, Candidate> Candidates(TenantHealth health, string tenantId, DateTimeOffset now)
    {
        Dictionary<FindingId, Candidate> candidates = [];
        for (var tokenIndex = 0; tokenIndex < health.Tokens.Count; tokenIndex++)
        {
            var token = health.Tokens[tokenIndex];
            for (var problemIndex = 0; problemIndex < token.Problems.Count; problemIndex++)
            {
                var problem = token.Problems[problemIndex];
                if (problem.Severity == HealthStatus.Healthy) continue;

                var track = AlertTracks.Of(problem.Code);
                if (StepOf(token, problem, track, now) is not { } step) continue;

                var candidate = new Candidate(new FindingId(tenantId, token.Kind, token.Id, track), token, problem, step, tokenIndex, problemIndex);
                if (!candidates.TryGetValue(candidate.Id, out var other) || IsWorse(candidate, other))
                {
                    candidates[candidate.Id] = candidate;
                }
            }
        }

        return candidates;
    }

    private Step? StepOf(TokenHealth token, Problem problem, string track, DateTimeOffset now) => track switch
    {
        AlertTracks.Expiry => ExpiryStep(token, problem, now),
        AlertTracks.SyncStale => SeverityStep("stale", problem.Severity),
        AlertTracks.NeverSynced => SeverityStep("neverSynced", problem.Severity),
        AlertTracks.SyncError => new Step(problem.ErrorCode is { } code ? $"errorCode:{code}" : JsonNamingPolicy.CamelCase.ConvertName(problem.Code.ToString()), 0),
        AlertTracks.VppState => new Step($"state:{problem.State ?? "unknown"}", 0),
        _ => new Step(JsonNamingPolicy.CamelCase.ConvertName(problem.Code.ToString()), 0),
    };

    /// Urgency is "days past expiry": `days:7` is -7, `expired:0` is 0, `expired:14` is 14.
    private Step? ExpiryStep(TokenHealth token, Problem problem, DateTimeOffset now)
    {
        var left = token.ExpiresAt is { } expiresAt ? expiresAt - now : TimeSpan.FromDays(problem.DaysLeft ?? 0);
        if (left <= TimeSpan.Zero)
        {
            var daysPast = (int)Math.Floor(-left.TotalDays);
            var reminder = daysPast / options.ExpiredReminderDays * options.ExpiredReminderDays;
            return new Step($"expired:{reminder}", reminder);
        }

        foreach (var days in _thresholdsMostUrgentFirst)
        {
            if (left <= TimeSpan.FromDays(days)) return new Step($"days:{days}", -days);
        }

        return null;
    }

    private static Step SeverityStep(string name, HealthStatus severity) =>
        new($"{name}:{JsonNamingPolicy.CamelCase.ConvertName(severity.ToString())}", (int)severity);

    private static bool IsNews(Candidate candidate, LedgerEntry entry) =>
        AlertTracks.IsOrdered(candidate.Id.Track)
            ? candidate.Step.Urgency > entry.Urgency
            : !string.Equals(candidate.Step.Name, entry.Step, StringComparison.Ordinal);

    private static bool IsWorse(Candidate candidate, Candidate other) =>
        candidate.Problem.Severity != other.Problem.Severity
            ? candidate.Problem.Severity > other.Problem.Severity
            : candidate.Step.Urgency > other.Step.Urgency;

    private static bool InScope(AlertScope scope, HealthStatus severity) =>
        scope == AlertScope.All || severity == HealthStatus.Critical;

    private static RecordStep Record(Candidate candidate, LedgerEntry? entry, DateTimeOffset now, bool endsSnooze)
    {
        var severity = entry is null || candidate.Problem.Severity > entry.Severity ? candidate.Problem.Severity : entry.Severity;
        return new RecordStep(candidate.Id, candidate.Problem.Code, candidate.Step.Name, candidate.Step.Urgency, severity, now, endsSnooze);
    }

    private static AlertFinding Raised(Candidate candidate) => new(
        candidate.Id.TenantId, candidate.Token, candidate.Problem.Code, candidate.Step.Name,
        candidate.Problem.Severity, AlertKind.Raised, candidate.Problem);

    private static int IndexOfToken(TenantHealth health, FindingId finding)
    {
        for (var i = 0; i < health.Tokens.Count; i++)
        {
            if (health.Tokens[i].Kind == finding.TokenKind && string.Equals(health.Tokens[i].Id, finding.TokenId, StringComparison.Ordinal)) return i;
        }

        return -1;
    }

    private sealed record Step(string Name, int Urgency);

    private sealed record Candidate(FindingId Id, TokenHealth Token, Problem Problem, Step Step, int TokenIndex, int ProblemIndex);
}
