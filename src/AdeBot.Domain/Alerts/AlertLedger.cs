using AdeBot.Domain.Health;

namespace AdeBot.Domain.Alerts;

/// What one conversation was last told about one finding. `Step` is the threshold last recorded
/// (sent, or passed in silence during a snooze), `Urgency` orders the steps of an ordered track,
/// `Severity` is the worst severity recorded since the finding appeared, and `SnoozedUntil` is set
/// from a card's Snooze button.
public sealed record LedgerEntry(
    FindingId Finding,
    ProblemCode Code,
    string Step,
    int Urgency,
    HealthStatus Severity,
    DateTimeOffset RecordedAt,
    DateTimeOffset? SnoozedUntil = null);

/// A change to one conversation's ledger, planned by AlertPlanner and committed once the alert
/// that goes with it was sent.
public abstract record LedgerChange(FindingId Finding);

/// Remember `Step` for the finding. The snooze is kept unless `EndsSnooze` (a worse finding broke
/// through it); keeping it is what lets a snooze set while a check was running survive the commit.
public sealed record RecordStep(
    FindingId Finding,
    ProblemCode Code,
    string Step,
    int Urgency,
    HealthStatus Severity,
    DateTimeOffset At,
    bool EndsSnooze) : LedgerChange(Finding);

/// Forget the finding (and its snooze): it cleared or its token is gone, so a recurrence alerts again.
public sealed record ForgetFinding(FindingId Finding) : LedgerChange(Finding);

/// One conversation's ledger. Apply and Snooze define what a store's commit and snooze do.
public sealed record AlertLedgerState(IReadOnlyList<LedgerEntry> Entries)
{
    public static AlertLedgerState Empty { get; } = new([]);

    public LedgerEntry? Find(FindingId finding) => Entries.FirstOrDefault(e => e.Finding == finding);

    public AlertLedgerState Apply(IEnumerable<LedgerChange> changes)
    {
        var entries = Entries.ToDictionary(e => e.Finding);
        foreach (var change in changes)
        {
            switch (change)
            {
                case RecordStep step:
                    var snoozedUntil = step.EndsSnooze ? null : entries.GetValueOrDefault(step.Finding)?.SnoozedUntil;
                    entries[step.Finding] = new LedgerEntry(step.Finding, step.Code, step.Step, step.Urgency, step.Severity, step.At, snoozedUntil);
                    break;
                case ForgetFinding forget:
                    entries.Remove(forget.Finding);
                    break;
                default:
                    throw new ArgumentException($"Unknown ledger change {change.GetType().Name}.", nameof(changes));
            }
        }

        return new AlertLedgerState([.. entries.Values.OrderBy(e => e.Finding.Key, StringComparer.Ordinal)]);
    }

    /// Snoozes the findings the ledger knows; one it does not know has cleared since the card was
    /// sent and has nothing left to snooze.
    public AlertLedgerState Snooze(IEnumerable<FindingId> findings, DateTimeOffset until)
    {
        var snoozed = findings.ToHashSet();
        return new AlertLedgerState([.. Entries.Select(e => snoozed.Contains(e.Finding) ? e with { SnoozedUntil = until } : e)]);
    }
}

/// What to do for one conversation after one check: send one message with `Findings` (worst
/// first) when there are any, then commit `Changes`. Commit right away when there is nothing to
/// send; never commit when the send failed, so the next check plans the same alert again.
public sealed record AlertPlan(IReadOnlyList<AlertFinding> Findings, IReadOnlyList<LedgerChange> Changes)
{
    public bool HasMessage => Findings.Count > 0;
}
