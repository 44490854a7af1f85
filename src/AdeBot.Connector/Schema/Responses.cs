using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdeBot.Connector;

public sealed record ResourceResponse
{
    public string? Id { get; init; }
}

public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TopicName { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public JsonElement? ChannelData { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// A 1:1 chat with <paramref name="user"/> (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages). Teams wants the tenant both as
    /// tenantId and in channelData.tenant.id.
    public static ConversationParameters ForPersonalChat(ChannelAccount bot, ChannelAccount user, string tenantId, Activity? activity = null)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = bot.Id, Name = bot.Name },
            Members = [new ChannelAccount { Id = user.Id }],
            TenantId = tenantId,
            ChannelData = ConnectorJson.ToElement(new { tenant = new { id = tenantId } }),
            Activity = activity,
        };
    }
}

public sealed record ConversationResourceResponse
{
    public string? Id { get; init; }
    public string? ActivityId { get; init; }
    public string? ServiceUrl { get; init; }
}

/// What the bot answers an invoke with: the HTTP status of the response to the channel and its JSON body.
public sealed record InvokeResponse(int Status, JsonElement? Body = null)
{
    public static InvokeResponse Json<T>(T body, int status = 200) => new(status, ConnectorJson.ToElement(body));
}

/// The body of an <c>adaptiveCard/action</c> invoke response (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards).
public sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonElement? Value)
{
    public const string CardType = Attachment.AdaptiveCardContentType;
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static AdaptiveCardInvokeResponse Card(JsonElement card) => new(200, CardType, card);

    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, ConnectorJson.ToElement(text));

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, ConnectorJson.ToElement(new { code, message }));

    public InvokeResponse ToInvokeResponse() => InvokeResponse.Json(this);
}

internal sealed record ErrorResponse
{
    public ErrorDetail? Error { get; init; }
}

internal sealed record ErrorDetail
{
    public string? Code { get; init; }
    public string? Message { get; init; }
}
