namespace AdeBot.Connector;

public static class ActivityExtensions
{
    /// The activity's text without the bot's own <c>&lt;at&gt;…&lt;/at&gt;</c> mentions, trimmed.
    /// Mentions of other users are left in place; the mention entities say which span is the bot.
    public static string RemoveRecipientMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        if (string.IsNullOrEmpty(botId) || activity.Entities is null) return text.Trim();

        foreach (var entity in activity.Entities)
        {
            if (entity.TryGetMention(out var mentioned, out var mentionText)
                && string.Equals(mentioned.Id, botId, StringComparison.OrdinalIgnoreCase)
                && !string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, string.Empty, StringComparison.Ordinal);
            }
        }
        return text.Trim();
    }

    /// A message addressed back into the activity's conversation, as a reply to it. The channel sets
    /// id and serviceUrl on outgoing activities, so the reply carries neither (spec A2031, A2300).
    public static Activity CreateReply(this Activity activity, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            TextFormat = text is null ? null : TextFormats.Plain,
            ReplyToId = activity.Id,
        };
        return Address(reply, activity.ChannelId, activity.Conversation, bot: activity.Recipient, user: activity.From, activity.Locale);
    }

    /// Fills in what <paramref name="activity"/> leaves unset: channel, conversation, the bot as sender,
    /// the user as recipient, and locale. What the caller did set is kept.
    internal static Activity Address(Activity activity, string? channelId, ConversationAccount? conversation,
        ChannelAccount? bot, ChannelAccount? user, string? locale) => activity with
    {
        ChannelId = activity.ChannelId ?? channelId,
        Conversation = activity.Conversation ?? (conversation is null
            ? null
            : new ConversationAccount
            {
                Id = conversation.Id,
                Name = conversation.Name,
                IsGroup = conversation.IsGroup,
                ConversationType = conversation.ConversationType,
                TenantId = conversation.TenantId,
            }),
        From = activity.From ?? (bot is null ? null : new ChannelAccount { Id = bot.Id, Name = bot.Name }),
        Recipient = activity.Recipient ?? (user is null ? null : new ChannelAccount { Id = user.Id, Name = user.Name, AadObjectId = user.AadObjectId }),
        Locale = activity.Locale ?? locale,
    };
}
