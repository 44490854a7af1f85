namespace AdeBot.Domain.Alerts;

/// A Teams conversation AdeBot can post into: the tenant and the conversation id.
public readonly record struct ConversationKey(string TenantId, string ConversationId)
{
    public override string ToString() => $"{TenantId}/{ConversationId}";
}

/// What narrows the alerts a conversation gets.
public enum AlertScope
{
    All,
    /// Only critical findings, and the clearing of what it was alerted on as critical.
    CriticalOnly,
}

/// The conversation reference stored on install and refreshed from every inbound activity: what a
/// proactive send needs when there is no inbound activity to reply to (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
/// Opaque to the domain; the protocol layer fills it and reads it back.
/// `ConversationType` is Teams' `personal`, `groupChat` or `channel`; `UserId` is the `29:` id;
/// `TeamChannelId` is the selected channel of a team install; `FromLocalMode` marks a reference
/// that arrived unauthenticated in local mode, so it is never sent a token.
public sealed record StoredConversation(
    string TenantId,
    string ConversationId,
    string ConversationType,
    string ChannelId,
    string ServiceUrl,
    string BotId,
    string? BotName = null,
    string? UserId = null,
    string? UserAadObjectId = null,
    string? TeamId = null,
    string? TeamChannelId = null,
    string? Locale = null,
    bool FromLocalMode = false)
{
    public ConversationKey Key => new(TenantId, ConversationId);
}

/// A stored conversation and its alert settings. The row outlives an unsubscribe (Active false)
/// so the conversation's language choice is remembered; it is removed on uninstall.
public sealed record ConversationSubscription(
    StoredConversation Conversation,
    bool Active,
    AlertScope Scope,
    string? LocaleOverride,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public ConversationKey Key => Conversation.Key;

    /// The language to write in: the conversation's explicit choice, else the client's locale.
    public string? EffectiveLocale => LocaleOverride ?? Conversation.Locale;
}
