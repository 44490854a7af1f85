namespace AdeBot.Domain.Cards;

/// The `verb` of every Action.Execute AdeBot puts on a card, also carried as `data.verb` in the
/// Action.Submit fallback so both paths dispatch the same way.
public static class CardVerbs
{
    public const string CheckAgain = "checkAgain";
    public const string Details = "details";     // data.tokenId, data.tokenKind
    public const string ShowMore = "showMore";   // data.skip
    public const string Snooze = "snooze";       // data.findingKeys (AlertFinding.FindingKey of each finding shown), data.days
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string AlertScope = "alertScope"; // data.scope: "all" or "criticalOnly"
    public const string Help = "help";
}
