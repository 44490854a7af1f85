using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;

namespace AdeBot.Conversations.Memory;

/// Remembers what an answer was about, so the next message can follow up on it: the handlers
/// call it once their answer is posted.
public sealed class ConversationTopics(ConversationMemory memory, CardComposer composer)
{
    public static ConversationSubject SubjectOf(TokenHealth token) => ConversationSubject.Token(token.Kind, token.Id);

    /// An answer that listed tokens, in the order shown.
    public Task ListedAsync(ChatTurn turn, IEnumerable<TokenHealth> tokens, CancellationToken cancellationToken) =>
        memory.UpdateAsync(turn.Conversation.ContextKey, (context, now) => context.Listed(tokens.Select(SubjectOf), now), cancellationToken);

    /// An answer about one token alone (its details, its fix, whether it is fixed).
    public Task TokenAsync(ChatTurn turn, TokenHealth token, CancellationToken cancellationToken) =>
        memory.UpdateAsync(turn.Conversation.ContextKey, (context, now) => context.FocusedOn(SubjectOf(token), composer.ProblemOf(token), now), cancellationToken);

    /// An answer about one device.
    public Task DeviceAsync(ChatTurn turn, DeviceDiagnosis diagnosis, CancellationToken cancellationToken) =>
        memory.UpdateAsync(turn.Conversation.ContextKey,
            (context, now) => context.FocusedOn(ConversationSubject.Device(diagnosis.SerialNumber), CardComposer.ProblemOf(diagnosis), now), cancellationToken);

    /// "Which one do you mean?" was asked: the candidates are the list "the second one" counts in.
    public Task AskedAsync(ChatTurn turn, IReadOnlyList<TokenHealth> candidates, FollowUpKind then, CancellationToken cancellationToken) =>
        memory.UpdateAsync(turn.Conversation.ContextKey, (context, now) => context.Listed(candidates.Select(SubjectOf), now)
            .Asking(new PendingQuestion(PendingQuestionKind.WhichToken, then, [.. candidates.Select(SubjectOf)]), now), cancellationToken);
}
