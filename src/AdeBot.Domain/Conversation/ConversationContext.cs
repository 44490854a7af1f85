using AdeBot.Domain.Alerts;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Conversation;

/// What an answer was about: one token (an ADE token, the APNs certificate, a VPP token: `Id` is
/// its Graph id and `TokenKind` its kind) or one device (`Id` is its normalized serial number).
public sealed record ConversationSubject(SubjectKind Kind, string Id, TokenKind? TokenKind = null)
{
    public static ConversationSubject Token(TokenKind kind, string id) => new(SubjectKind.Token, id, kind);

    public static ConversationSubject Device(string serialNumber) => new(SubjectKind.Device, serialNumber);
}

public enum SubjectKind { Token, Device }

/// The problem AdeBot last explained in a conversation: whose (`Subject`), which one (`Code`: the
/// camelCase name of a health `ProblemCode` for a token, of a `DeviceVerdict` for a device, as
/// `check --json` writes them) and the remediation topic whose steps fix it. A guided fix starts
/// from here.
public sealed record ExplainedProblem(ConversationSubject Subject, string Code, RemediationTopic Topic);

/// A question AdeBot asked and waits on: which of `Candidates` the admin means (the buttons it
/// showed), or a serial number (`WhichDevice`, no candidates). `Then` is what to answer about the
/// one chosen, so "how do I fix the school one?" answers with the fix once a button is clicked.
public sealed record PendingQuestion(PendingQuestionKind Kind, FollowUpKind Then, IReadOnlyList<ConversationSubject> Candidates);

public enum PendingQuestionKind { WhichToken, WhichDevice }

/// What a follow-up asks about its subject.
public enum FollowUpKind
{
    /// "and Tampere?", "that one", "the second one": the subject's own card (details, diagnosis).
    About,
    /// "why?": what is wrong with it and why (the card that explains its problem).
    Why,
    /// "how do I fix it?", "what should I do?": the steps of its problem's remediation.
    HowToFix,
    /// "is it fixed now?": its health read again.
    IsFixed,
}

/// What a conversation is about, so that a follow-up ("and Tampere?", "how do I fix it?") can be
/// answered without repeating the question. Kept per conversation and, in a channel, per thread
/// (`Key` holds the thread's own id); forgotten after `Conversations:ContextMinutes` without use.
/// `Subjects` are the tokens and devices of the last answer, in the order shown ("the second one");
/// `Focus` the one subject the conversation is on (the last answer was about it alone, or a
/// follow-up chose it), null after a list; `Problem` the problem last explained; `Pending` the
/// question AdeBot waits on; `TouchedAt` when the conversation last used or changed it.
public sealed record ConversationContext(
    ConversationKey Key,
    IReadOnlyList<ConversationSubject> Subjects,
    ConversationSubject? Focus,
    ExplainedProblem? Problem,
    PendingQuestion? Pending,
    DateTimeOffset TouchedAt)
{
    /// Most subjects remembered of one answer: a health answer lists pages of tokens, nobody says "the 80th one".
    public const int MaxSubjects = 50;

    public static ConversationContext Empty(ConversationKey key, DateTimeOffset now) => new(key, [], null, null, null, now);

    /// The subject "it" and "that one" mean: the focus, else the only subject of the last answer.
    public ConversationSubject? CurrentSubject() => Focus ?? (Subjects.Count == 1 ? Subjects[0] : null);

    /// After an answer about several subjects (a list): the list, no focus, nothing pending.
    public ConversationContext Listed(IEnumerable<ConversationSubject> subjects, DateTimeOffset now) =>
        this with { Subjects = [.. subjects.Distinct().Take(MaxSubjects)], Focus = null, Pending = null, TouchedAt = now };

    /// After an answer about one subject alone; its problem, when the answer explained one.
    public ConversationContext FocusedOn(ConversationSubject subject, ExplainedProblem? problem, DateTimeOffset now) => this with
    {
        Subjects = Subjects.Contains(subject) ? Subjects : [subject],
        Focus = subject,
        Problem = problem ?? (Problem?.Subject == subject ? Problem : null),
        Pending = null,
        TouchedAt = now,
    };

    public ConversationContext Asking(PendingQuestion question, DateTimeOffset now) => this with { Pending = question, TouchedAt = now };

    public bool IsExpired(DateTimeOffset now, TimeSpan idle) => now - TouchedAt >= idle;
}

/// Where conversation contexts are kept, so a restart (or another instance on a shared database)
/// still knows what a conversation is about. Expiry is the caller's rule (ConversationMemory); the
/// store only keeps, returns and drops rows.
public interface IConversationContextStore
{
    /// The stored context of a conversation (or channel thread), whatever its age; null when none.
    Task<ConversationContext?> GetAsync(ConversationKey key, CancellationToken cancellationToken);

    /// Replaces the conversation's context. The conversation is a stored one (ISubscriptionStore);
    /// its contexts go when it is removed.
    Task SaveAsync(ConversationContext context, CancellationToken cancellationToken);

    Task ForgetAsync(ConversationKey key, CancellationToken cancellationToken);

    /// Drops every context last touched before `cutoff`; returns how many.
    Task<int> TrimAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// How long a conversation's context is remembered, bound from the `Conversations` section and
/// validated at start-up by the host.
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// A day at most: a context is for one troubleshooting session, not yesterday's.
    public const int MaxContextMinutes = 24 * 60;

    /// Minutes without a message after which a conversation's follow-ups no longer refer to what was said.
    public int ContextMinutes { get; set; } = 60;

    public TimeSpan ContextIdle => TimeSpan.FromMinutes(ContextMinutes);
}

/// A conversation's context with the idle rule applied: what Recall returns is current or null.
public sealed class ConversationMemory(IConversationContextStore store, ConversationOptions options, TimeProvider time)
{
    public TimeSpan Idle => options.ContextIdle;

    public DateTimeOffset Now => time.GetUtcNow();

    /// The context, or null when there is none or it was idle for `Conversations:ContextMinutes`
    /// (an expired one is forgotten on the way).
    public async Task<ConversationContext?> RecallAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(key, cancellationToken) is not { } context) return null;
        if (!context.IsExpired(time.GetUtcNow(), options.ContextIdle)) return context;
        await store.ForgetAsync(key, cancellationToken);
        return null;
    }

    /// The current context, or an empty one to build on.
    public async Task<ConversationContext> RecallOrEmptyAsync(ConversationKey key, CancellationToken cancellationToken) =>
        await RecallAsync(key, cancellationToken) ?? ConversationContext.Empty(key, time.GetUtcNow());

    public Task RememberAsync(ConversationContext context, CancellationToken cancellationToken) => store.SaveAsync(context, cancellationToken);

    /// Changes the conversation's context with `change` (given the current or an empty one, and now) and stores it.
    public async Task<ConversationContext> UpdateAsync(ConversationKey key, Func<ConversationContext, DateTimeOffset, ConversationContext> change, CancellationToken cancellationToken)
    {
        var updated = change(await RecallOrEmptyAsync(key, cancellationToken), time.GetUtcNow());
        await store.SaveAsync(updated, cancellationToken);
        return updated;
    }

    public Task ForgetAsync(ConversationKey key, CancellationToken cancellationToken) => store.ForgetAsync(key, cancellationToken);

    /// Drops the contexts idle for longer than `Conversations:ContextMinutes`.
    public Task<int> TrimAsync(CancellationToken cancellationToken) => store.TrimAsync(time.GetUtcNow() - options.ContextIdle, cancellationToken);
}
