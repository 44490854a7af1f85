using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards.Model;

namespace AdeBot.Teams;

/// Every activity AdeBot sends, and the channelData Teams reads from it, is built here. Cards
/// always travel alone in their activity: Teams splits text + attachment messages, and the split
/// message can no longer be updated.
public static class OutgoingActivities
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

    /// A proactive alert: one card, with `summary` as the notification text. In a 1:1 chat the
    /// alert also raises an activity-feed notification (channelData.notification.alert).
    public static Activity Alert(StoredConversation conversation, AdaptiveCard card, string summary, string locale)
    {
        var channelData = new AlertChannelData(
            new TeamsTenantInfo(conversation.TenantId),
            ConversationReferences.IsPersonal(conversation) ? new AlertNotification(Alert: true) : null);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Locale = locale,
            Summary = summary,
            Attachments = [Attachment.AdaptiveCard(AdaptiveCardJson.ToElement(card))],
            ChannelData = ConnectorJson.ToElement(channelData),
        };
    }

    /// The answer to an `adaptiveCard/action` invoke: the card that replaces the clicked one.
    public static InvokeResponse InvokeCard(AdaptiveCard card) =>
        AdaptiveCardInvokeResponse.Card(AdaptiveCardJson.ToElement(card)).ToInvokeResponse();

    /// The answer to an `adaptiveCard/action` invoke that leaves the card as it is: a short text.
    public static InvokeResponse InvokeMessage(string text) =>
        AdaptiveCardInvokeResponse.Message(text).ToInvokeResponse();

    /// The answer to an `adaptiveCard/action` invoke that AdeBot does not recognise.
    public static InvokeResponse InvokeUnknownAction() =>
        AdaptiveCardInvokeResponse.Error(400, "BadRequest", "The card action is not one AdeBot knows.").ToInvokeResponse();

    private sealed record AlertChannelData(TeamsTenantInfo Tenant, AlertNotification? Notification);

    private sealed record AlertNotification(bool Alert);
}
