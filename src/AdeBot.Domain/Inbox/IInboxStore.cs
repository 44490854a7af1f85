namespace AdeBot.Domain.Inbox;

/// What kind of work an inbox entry is. Stored by name.
public enum InboxWorkKind
{
    Message,
    Install,
}

/// Where an entry is in its life: accepted and waiting, taken by a worker, or finished.
public enum InboxEntryState
{
    Pending,
    Running,
    Done,
}

/// How a finished entry ended. `Failed`: it threw (the user was given a reference id).
/// `Interrupted`: the process stopped while it ran; it is reported, not run again.
public enum InboxOutcome
{
    Processed,
    Failed,
    Interrupted,
}

/// An accepted activity, as the store is asked to keep it. `Payload` is opaque to the store (the
/// activity as received). `ConversationKey` orders the work: entries of one conversation run one
/// at a time, in the order they were accepted. `DedupeKey` identifies a redelivery of the same
/// activity; `CoalesceKey` a repeat of the same question while the first still waits.
public sealed record NewInboxEntry(
    string TenantId,
    string ConversationKey,
    InboxWorkKind Kind,
    string Payload,
    bool IsLocal,
    DateTimeOffset ReceivedAt,
    DateTimeOffset NotBefore,
    string? DedupeKey = null,
    string? CoalesceKey = null);

public sealed record InboxEntry(
    long Id,
    string TenantId,
    string ConversationKey,
    InboxWorkKind Kind,
    string Payload,
    bool IsLocal,
    DateTimeOffset ReceivedAt,
    DateTimeOffset NotBefore,
    InboxEntryState State);

/// What AcceptAsync did: stored a new entry, or recognised the activity as one it already holds
/// (a redelivery, or the same question still waiting), in which case nothing new is run.
public sealed record InboxAcceptance(InboxEntry? Entry)
{
    public bool IsNew => Entry is not null;
}

/// How full the inbox is: entries not yet done, and when the oldest of them was received.
public sealed record InboxDepth(int Unfinished, DateTimeOffset? OldestReceivedAt)
{
    public static InboxDepth Empty { get; } = new(0, null);

    public double OldestAgeSeconds(DateTimeOffset now) => OldestReceivedAt is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0;
}

/// The durable inbox: every activity AdeBot answered 2xx for is here before the answer, so a
/// restart, a crash or a burst never loses it.
public interface IInboxStore
{
    Task<InboxAcceptance> AcceptAsync(NewInboxEntry entry, CancellationToken cancellationToken);

    /// Every entry not yet done, oldest first: what a starting process has to finish.
    Task<IReadOnlyList<InboxEntry>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// Claims a pending entry for this process: true when it was pending and is now running; false
    /// when it is not pending any more (another instance on the same database claimed it first),
    /// and then it must not be run here.
    Task<bool> MarkRunningAsync(long id, CancellationToken cancellationToken);

    Task CompleteAsync(long id, InboxOutcome outcome, CancellationToken cancellationToken);

    /// For the inbox gauges: entries not done and the oldest one's arrival.
    Task<InboxDepth> MeasureAsync(CancellationToken cancellationToken);

    /// Removes finished entries completed before `cutoff`; returns how many.
    Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
