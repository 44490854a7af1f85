using AdeBot.Domain.Conversation;

namespace AdeBot.Conversations.Intents;

/// "And Tampere?", "the second one", "why?", "how do I fix it?", "is it fixed now?": about the
/// subject the conversation is on (ConversationMemory) or the one the follow-up names.
public sealed class FollowUpIntentHandler(FollowUpAnswers answers) : IIntentHandler
{
    public IReadOnlyCollection<IntentKind> Kinds { get; } = [IntentKind.FollowUp];

    public Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken) =>
        answers.AnswerAsync(turn, intent, cancellationToken);
}
