using AdeBot.Domain.Cards.Model;

namespace AdeBot.Conversations.CardActions;

/// What a card button click produced. The invoke path answers with it in the HTTP response; the
/// Action.Submit fallback posts it.
public abstract record CardActionOutcome
{
    private CardActionOutcome()
    {
    }

    /// A card that replaces the clicked one (invoke) or is posted (submit).
    public sealed record Replace(AdaptiveCard Card) : CardActionOutcome;

    /// A short text: the invoke's message, or a posted text on the submit path.
    public sealed record Answer(string Text) : CardActionOutcome;

    /// The answer already went out as messages, so the submit path sends nothing more;
    /// `Summary` only answers the invoke.
    public sealed record AlreadyPosted(string Summary) : CardActionOutcome;
}
