using System.Globalization;
using AdeBot.Domain.Cards.Model;

namespace AdeBot.Domain.Cards;

/// How to compose: the reply language, whether the tenant data is a cached snapshot shown because
/// Graph failed (`IsStale`), and for a health answer how many failing tokens earlier pages showed.
public sealed record CardContext(CultureInfo Culture)
{
    public bool IsStale { get; init; }
    public int Skip { get; init; }

    /// Actions:AllowSync: ADE tokens with a sync problem offer "Sync now" (or the wait until Intune allows it).
    public bool OffersSync { get; init; }
}

/// The cards of one health answer, in the order to send them (one card per activity), and a plain
/// one-line summary for the activity's `summary`/notification text. `NextSkip` is the `skip` of the
/// "Show more" button on the last card, or null when every failing token has been shown.
public sealed record HealthAnswer(IReadOnlyList<AdaptiveCard> Cards, string Summary, int FailingTokens, int ShownTokens, int? NextSkip);
