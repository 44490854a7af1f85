using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// What every answer of a kind must look like, whatever the question or language.
internal static partial class ConversationAssert
{
    /// Failing tokens of the built-in sample tenant (expired, expiring in 3 days, sync error 3) and a healthy one.
    public static readonly string[] FailingSampleTokens = ["Contoso ABM – Kyiv", "Contoso ABM – Oulu", "Contoso ABM – Turku"];
    public const string HealthySampleToken = "Contoso ABM – Helsinki";

    /// An activity carrying one Adaptive Card 1.5, full width in Teams.
    public static JsonObject IsCard(PostedActivity activity)
    {
        Assert.Equal("message", activity.Type);
        Assert.Null(activity.Text);
        var attachment = Assert.Single(activity.Attachments)!;
        Assert.Equal(PostedActivity.AdaptiveCardContentType, (string?)attachment["contentType"]);
        return IsCard15(activity.Card);
    }

    public static JsonObject IsCard15(JsonObject card)
    {
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("Full", (string?)card["msteams"]?["width"]);
        return card;
    }

    /// A plain text reply: no card, no attachments.
    public static string IsText(PostedActivity activity)
    {
        Assert.Equal("message", activity.Type);
        Assert.False(activity.HasCard, $"expected text only, got {activity}");
        Assert.False(string.IsNullOrWhiteSpace(activity.Text));
        return activity.Text!;
    }

    /// The health answer: typing while Graph is read, the summary card (the only one with an activity
    /// summary, which it also shows), then the failing tokens in cards of their own.
    public static (JsonObject Summary, IReadOnlyList<JsonObject> TokenCards) IsHealthAnswer(IReadOnlyList<PostedActivity> replies, string heading)
    {
        Assert.True(replies.Count >= 3, $"expected typing, a summary and token cards, got {replies.Count} activities");
        Assert.True(replies[0].IsTyping, $"the first reply should be typing, was {replies[0]}");
        var cards = replies.Skip(1).ToList();
        Assert.All(cards, c => IsCard(c));

        var summary = cards[0];
        Assert.Contains(heading, TextBlocks(summary.Card));
        Assert.False(string.IsNullOrWhiteSpace(summary.Summary));
        Assert.Contains(summary.Summary!, TextBlocks(summary.Card));
        Assert.All(cards.Skip(1), c => Assert.Null(c.Summary));
        return (summary.Card, [.. cards.Skip(1).Select(c => c.Card)]);
    }

    /// Every learn.microsoft.com link on the cards points at the language's pages (and there is one).
    public static void LinksAreLocalized(IEnumerable<JsonObject> cards, string learnSegment)
    {
        List<string> learnLinks = [.. cards.SelectMany(Strings).SelectMany(s => LearnLink().Matches(s)).Select(m => m.Value)];
        Assert.NotEmpty(learnLinks);
        Assert.All(learnLinks, link => Assert.StartsWith($"https://learn.microsoft.com{learnSegment}", link));
    }

    // Buttons carry the URL alone; remediation steps carry Markdown links, "[title](url)".
    [GeneratedRegex(@"https://learn\.microsoft\.com/[^\s\)\]]+")]
    private static partial Regex LearnLink();
}
