namespace AdeBot.Domain.Cards;

/// The `verb` of every Action.Execute AdeBot puts on a card, also carried as `data.verb` in the
/// Action.Submit fallback so both paths dispatch the same way.
public static class CardVerbs
{
    /// Refreshes the card it is on: data.view (CardView; none on cards sent before views, which were
    /// summaries) and what that view needs to be composed again.
    public const string CheckAgain = "checkAgain";
    /// On cards that show no tenant data (welcome, help, explanations, alerts): the health answer,
    /// posted as new messages, as if the user had asked.
    public const string CheckNow = "checkNow";
    public const string Details = "details";     // data.tokenId, data.tokenKind
    public const string ShowMore = "showMore";   // data.skip
    public const string Snooze = "snooze";       // data.findingKeys (AlertFinding.FindingKey of each finding shown), data.days
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string AlertScope = "alertScope"; // data.scope: "all" or "criticalOnly"
    public const string Help = "help";
    /// A candidate of "which one do you mean?": data.tokenId, data.tokenKind, and data.followUp,
    /// what the follow-up asked about it (FollowUpKind). Carries all it needs, so it works after the
    /// conversation's context is forgotten.
    public const string Choose = "choose";

    // A guided fix ("Fix it with me"); the walk's state is stored per thread, so these carry only
    // what starts one and which step was on screen.
    /// On a problem: data.tokenId, data.tokenKind and data.problem (a token), or data.serial (a device).
    public const string FixStart = "fixStart";
    public const string FixDone = "fixDone";   // data.step: the 0-based step the card showed
    public const string FixStuck = "fixStuck"; // data.step
    public const string FixBack = "fixBack";
    public const string FixStop = "fixStop";
    /// Reads Graph again, bypassing the cache, to see whether the fix shows.
    public const string FixCheck = "fixCheck";
}

/// Which view of the tenant's tokens a card shows, carried by its "Check again" button so the
/// refreshed card is the same view (an invoke's answer replaces the clicked card).
public enum CardView
{
    /// The health summary, or the all-clear card.
    Summary,
    /// A card of failing tokens; data.skip is the index of its first token among the failing ones.
    Tokens,
    /// One token's details; data.tokenId, data.tokenKind.
    Details,
    /// Tokens expiring within data.days.
    Expiring,
    /// Every token with its expiry date and the days it has left.
    DaysLeft,
    /// One device's diagnosis; data.serial. Composed from a fresh device lookup, not from token health.
    Device,
}
