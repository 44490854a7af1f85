using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.GuidedFix;

/// Where a guided fix lives: the conversation AdeBot keeps (a channel's own id) and the thread it
/// was started in (the activity's `conversation.id`, `;messageid=` included), so two threads of one
/// channel walk their own fixes. In a personal or group chat the thread is the conversation.
public readonly record struct GuidedFixKey(ConversationKey Conversation, string Thread)
{
    public override string ToString() => $"{Conversation}/{Thread}";
}

/// What a guided fix is about: one problem of one token (or certificate), or one device's verdict.
/// `Topic` names the remediation whose steps are walked; `Label` is what the cards call it (the
/// token's name as Graph has it, or the serial number).
public sealed record GuidedFixSubject(RemediationTopic Topic, string Label)
{
    public TokenKind? TokenKind { get; init; }
    public string? TokenId { get; init; }
    public ProblemCode? Problem { get; init; }
    public string? Serial { get; init; }

    public bool IsDevice => Serial is not null;

    /// The alert finding this fix would clear, for a token's problem; null for a device.
    public FindingId? FindingIn(string tenantId) =>
        TokenKind is { } kind && TokenId is { } id && Problem is { } code ? new FindingId(tenantId, kind, id, AlertTracks.Of(code)) : null;

    public static GuidedFixSubject ForToken(TokenHealth token, Problem problem, RemediationTopic topic) =>
        new(topic, token.Name) { TokenKind = token.Kind, TokenId = token.Id, Problem = problem.Code };

    public static GuidedFixSubject ForDevice(string serial, RemediationTopic topic) => new(topic, serial) { Serial = serial };
}

/// Where a walk is: on a step, on the "I'm stuck" card, or past the last step waiting for Graph to
/// show the fix ("Check again").
public enum GuidedFixStage
{
    Step,
    Stuck,
    Verifying,
}

/// The stored state of one guided fix. `Step` is the 0-based step shown (or returned to from the
/// stuck card); `StuckCount` how many times "I'm stuck" was clicked on this step, which picks the
/// next likely cause. `Watching`: the alert ledger holds the finding, so the next alert check that
/// sees it fixed says so once.
public sealed record GuidedFixState(
    GuidedFixKey Key,
    GuidedFixSubject Subject,
    GuidedFixStage Stage,
    int Step,
    int StuckCount,
    bool Watching,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt)
{
    public static GuidedFixState Start(GuidedFixKey key, GuidedFixSubject subject, DateTimeOffset now) =>
        new(key, subject, GuidedFixStage.Step, 0, 0, false, now, now);

    /// Idle for longer than `idle` (measured from the last click): forgotten, like the conversation's memory.
    public bool IsExpired(DateTimeOffset now, TimeSpan idle) => now - UpdatedAt > idle;

    /// "Done" on step `clickedStep` of `stepCount`: the next step, or verification after the last.
    /// A click on an older card (another step than the stored one) continues from the stored step,
    /// so a double click or a card scrolled back to never skips a step.
    public GuidedFixState Done(int? clickedStep, int stepCount, DateTimeOffset now)
    {
        if (Stage == GuidedFixStage.Verifying) return this with { UpdatedAt = now };
        if (clickedStep is { } clicked && clicked != Step) return this with { Stage = GuidedFixStage.Step, UpdatedAt = now };
        var next = Step + 1;
        return next >= stepCount
            ? this with { Stage = GuidedFixStage.Verifying, Step = Math.Max(0, stepCount - 1), StuckCount = 0, UpdatedAt = now }
            : this with { Stage = GuidedFixStage.Step, Step = next, StuckCount = 0, UpdatedAt = now };
    }

    public GuidedFixState Stuck(DateTimeOffset now) => this with { Stage = GuidedFixStage.Stuck, StuckCount = StuckCount + 1, UpdatedAt = now };

    public GuidedFixState BackToStep(DateTimeOffset now) => this with { Stage = GuidedFixStage.Step, UpdatedAt = now };

    public GuidedFixState Verifying(bool watching, DateTimeOffset now) => this with { Stage = GuidedFixStage.Verifying, Watching = watching, UpdatedAt = now };
}

/// The guided fixes in progress, one per thread.
public interface IGuidedFixStore
{
    Task<GuidedFixState?> GetAsync(GuidedFixKey key, CancellationToken cancellationToken);

    /// Inserts or replaces the thread's fix: starting another fix in a thread ends the one before.
    Task SaveAsync(GuidedFixState state, CancellationToken cancellationToken);

    Task RemoveAsync(GuidedFixKey key, CancellationToken cancellationToken);

    /// Drops fixes nobody clicked since `idleSince`; returns how many.
    Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken);
}
