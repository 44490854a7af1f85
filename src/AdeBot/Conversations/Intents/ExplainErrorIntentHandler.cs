using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Remediation;

namespace AdeBot.Conversations.Intents;

/// "What does error 3 mean?": the remediation of a sync error code or a named topic. Needs no Graph read.
public sealed class ExplainErrorIntentHandler(CardComposer composer) : IIntentHandler
{
    public IReadOnlyCollection<IntentKind> Kinds { get; } = [IntentKind.ExplainError];

    public Task HandleAsync(ChatTurn turn, RecognizedIntent intent, CancellationToken cancellationToken)
    {
        var context = new CardContext(turn.Culture);
        var card = intent switch
        {
            { ErrorCode: > 0 and var code } => composer.ComposeExplanation(code, context),
            { Topic: { } topic } => composer.ComposeExplanation(topic, context),
            _ => composer.ComposeExplanation(RemediationTopic.AlertExplanation, context),
        };
        return turn.ShowAsync(card, cancellationToken);
    }
}
