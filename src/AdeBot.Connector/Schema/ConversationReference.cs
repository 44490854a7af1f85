namespace AdeBot.Connector;

/// What the bot keeps about a conversation so it can write to it later (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
/// Only build one from an activity that passed inbound authentication (or a local one in local
/// mode): its <see cref="ServiceUrl"/> is trusted for proactive sends on that basis.
public sealed record ConversationReference
{
    public required string ChannelId { get; init; }
    public required string ServiceUrl { get; init; }
    public required string ConversationId { get; init; }
    public string? TenantId { get; init; }
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? ActivityId { get; init; }
    public ChannelAccount? Bot { get; init; }
    public ChannelAccount? User { get; init; }
    public string? TeamId { get; init; }
    public string? TeamsChannelId { get; init; }
    public string? Locale { get; init; }

    /// Addresses an outgoing activity (e.g. a proactive message) to this conversation, from the bot
    /// to the stored user; fields the activity already has are kept.
    public Activity ApplyTo(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationType, IsGroup = IsGroup, TenantId = TenantId };
        return ActivityExtensions.Address(activity, ChannelId, conversation, Bot, User, Locale);
    }

    public static ConversationReference FromActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var channelData = TeamsChannelData.From(activity);
        return new ConversationReference
        {
            ChannelId = Required(activity.ChannelId, "channelId"),
            ServiceUrl = Required(activity.ServiceUrl, "serviceUrl"),
            ConversationId = Required(activity.Conversation?.Id, "conversation.id"),
            TenantId = TenantOf(activity, channelData),
            ConversationType = activity.Conversation?.ConversationType,
            IsGroup = activity.Conversation?.IsGroup,
            ActivityId = activity.Id,
            Bot = activity.Recipient is { } bot ? bot with { AdditionalProperties = null } : null,
            User = activity.From is { } user ? user with { AdditionalProperties = null } : null,
            TeamId = channelData?.Team?.Id,
            TeamsChannelId = channelData?.Channel?.Id,
            Locale = activity.Locale,
        };

        string Required(string? value, string field) =>
            string.IsNullOrWhiteSpace(value)
                ? throw new ArgumentException($"The activity has no {field}; it cannot be referenced later.", nameof(activity))
                : value;
    }

    /// The Entra tenant a Teams activity comes from, or null when it names none or is not from Teams.
    public static string? TenantOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return TenantOf(activity, TeamsChannelData.From(activity));
    }

    // Only Teams vouches for the tenant. On Web Chat and Direct Line the client writes channelData
    // (tenant included) and the Bot Connector signs the activity all the same, so a tenant read there
    // would be whatever the sender wanted.
    private static string? TenantOf(Activity activity, TeamsChannelData? channelData) =>
        Channels.IsTeams(activity)
            ? NullIfEmpty(activity.Conversation?.TenantId) ?? NullIfEmpty(channelData?.Tenant?.Id)
            : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
