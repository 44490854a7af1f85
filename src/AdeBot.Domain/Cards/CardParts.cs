using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Health;

namespace AdeBot.Domain.Cards;

/// The few element shapes every AdeBot card is built from, so all cards look alike.
internal static class CardParts
{
    public static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading };

    public static TextBlock Subheading(string text) => new(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder };

    public static TextBlock Text(string text) => new(text);

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Spacing = Spacing.Small };

    public static TextBlock Status(string text, HealthStatus status) =>
        new(text) { Color = ColorOf(status), Weight = TextWeight.Bolder, Spacing = Spacing.Small };

    public static TextColor ColorOf(HealthStatus status) => status switch
    {
        HealthStatus.Critical => TextColor.Attention,
        HealthStatus.Warning => TextColor.Warning,
        _ => TextColor.Good,
    };

    /// An Action.Execute with the Action.Submit fallback older clients need; both carry the same data.
    public static ExecuteAction Execute(string title, CardActionData data) =>
        new(title, data.Verb, data) { Fallback = new SubmitAction(title, data) };

    public static Container Banner(string text, ContainerStyle style) =>
        new([new TextBlock(text) { Weight = TextWeight.Bolder }]) { Style = style, Bleed = true };

    /// The largest n in [0, available] for which `build(n)` stays within the card budget. A card's
    /// size grows with n, so a binary search needs only a handful of serializations; and since
    /// nearly every card holds all it is offered, that case is tried first and costs one.
    public static int MostThatFit(int available, Func<int, AdaptiveCard> build)
    {
        if (CardBudget.CardFits(build(available))) return available;
        var (low, high) = (0, available - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (CardBudget.CardFits(build(middle))) low = middle;
            else high = middle - 1;
        }
        return low;
    }
}
