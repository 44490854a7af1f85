namespace AdeBot.Connector;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string Typing = "typing";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string EndOfConversation = "endOfConversation";
}

/// Channel ids (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object).
public static class Channels
{
    public const string MsTeams = "msteams";

    /// Teams, where the channel (not the client) writes the conversation's tenant and channelData.
    public static bool IsTeams(Activity activity) =>
        string.Equals(activity?.ChannelId, MsTeams, StringComparison.Ordinal);
}

public static class TextFormats
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Xml = "xml";
}
