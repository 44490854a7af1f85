using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Tokens;

namespace AdeBot.Teams;

/// The one mapping between the connector's ConversationReference and the conversation AdeBot
/// stores: from an inbound activity when a conversation is remembered, and back when an alert is
/// posted into it with no activity to reply to.
public static class ConversationReferences
{
    private const string ChannelThreadMarker = ";messageid=";
    private const string PersonalType = "personal";

    /// The tenant that answers an activity carrying none (emulators, Agents Playground): the
    /// sample's or the replay's, which answer for any tenant. Real Graph never guesses a tenant.
    public static string? TenantForActivitiesWithoutOne(ITokenInventory inventory) =>
        inventory.DefaultSource == SnapshotSource.Graph ? null : inventory.WatchedTenantIds.FirstOrDefault();

    /// The id a conversation is stored and counted under: a channel's id without the `;messageid=`
    /// Teams appends in a thread, so one channel is one subscription, one alert ledger, one inbox
    /// lane and one audit conversation however many threads it has. Replies still answer the
    /// activity's own (threaded) id; only keys use this.
    public static string KeyIdOf(string conversationId) =>
        conversationId.IndexOf(ChannelThreadMarker, StringComparison.OrdinalIgnoreCase) is var thread and > 0
            ? conversationId[..thread]
            : conversationId;

    /// <see cref="KeyIdOf(string)"/> of an activity's conversation, null when it names none.
    public static string? KeyIdOf(Activity activity) =>
        activity.Conversation?.Id is { } id ? KeyIdOf(id) : null;

    /// What is stored of an inbound activity's conversation, or null when it names no
    /// conversation, or no tenant and `tenantWhenMissing` is null.
    public static StoredConversation? ToStored(InboundTurn turn, string? tenantWhenMissing)
    {
        ConversationReference reference;
        try
        {
            reference = ConversationReference.FromActivity(turn.Activity);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var tenantId = reference.TenantId ?? tenantWhenMissing;
        if (tenantId is null) return null;
        return new StoredConversation(
            tenantId,
            KeyIdOf(reference.ConversationId),
            reference.ConversationType ?? PersonalType,
            reference.ChannelId,
            reference.ServiceUrl,
            reference.Bot?.Id ?? "",
            reference.Bot?.Name,
            reference.User?.Id,
            reference.User?.AadObjectId,
            reference.TeamId,
            reference.TeamsChannelId,
            reference.Locale,
            turn.IsLocal);
    }

    /// The connector's view of a stored conversation, for a proactive send
    /// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
    /// The stored id is the channel's own (see <see cref="KeyIdOf(string)"/>), so an alert is a new
    /// post in the channel, not a reply buried in somebody's old thread. The user
    /// is the recipient only in a personal chat; in a group chat or channel the message is for everyone.
    public static ConversationReference ToConnector(StoredConversation conversation)
    {
        var isPersonal = IsPersonal(conversation);
        return new ConversationReference
        {
            ChannelId = conversation.ChannelId,
            ServiceUrl = conversation.ServiceUrl,
            ConversationId = KeyIdOf(conversation.ConversationId),
            TenantId = conversation.TenantId,
            ConversationType = conversation.ConversationType,
            IsGroup = isPersonal ? null : true,
            Bot = new ChannelAccount { Id = conversation.BotId, Name = conversation.BotName },
            User = isPersonal && conversation.UserId is not null
                ? new ChannelAccount { Id = conversation.UserId, AadObjectId = conversation.UserAadObjectId }
                : null,
            TeamId = conversation.TeamId,
            TeamsChannelId = conversation.TeamChannelId,
            Locale = conversation.Locale,
        };
    }

    /// A 1:1 chat with one user (Teams' conversationType `personal`).
    public static bool IsPersonal(StoredConversation conversation) =>
        string.Equals(conversation.ConversationType, PersonalType, StringComparison.OrdinalIgnoreCase);
}
