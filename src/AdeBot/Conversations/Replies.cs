using AdeBot.Connector;
using AdeBot.Domain.Cards.Model;

namespace AdeBot.Conversations;

/// Builds the outgoing activities of a turn. Cards always travel alone in their activity: Teams
/// splits text + attachment messages, and the split message can no longer be updated.
public static class Replies
{
    public static Activity Text(Activity inbound, string text) =>
        inbound.CreateReply(text) with { TextFormat = TextFormats.Markdown };

    public static Activity Card(Activity inbound, AdaptiveCard card, string? summary = null) =>
        inbound.CreateReply() with
        {
            Attachments = [Attachment.AdaptiveCard(AdaptiveCardJson.ToElement(card))],
            Summary = summary,
        };

    public static Activity Typing(Activity inbound) => inbound.CreateReply() with { Type = ActivityTypes.Typing, ReplyToId = null };
}
