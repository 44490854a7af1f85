using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdeBot.Connector;

/// The parts of Teams' channelData (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/conversation-messages) the protocol layer reads. Everything else stays
/// in <see cref="AdditionalProperties"/>.
public sealed record TeamsChannelData
{
    public TeamsTenantInfo? Tenant { get; init; }
    public TeamsTeamInfo? Team { get; init; }
    public TeamsChannelInfo? Channel { get; init; }
    public string? EventType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; init; }

    /// Null when the activity has no channelData object (other channels, or malformed data).
    public static TeamsChannelData? From(Activity activity)
    {
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } raw) return null;
        try
        {
            return raw.Deserialize<TeamsChannelData>(ConnectorJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record TeamsTenantInfo(string? Id);

public sealed record TeamsTeamInfo(string? Id, string? Name = null, string? AadGroupId = null);

public sealed record TeamsChannelInfo(string? Id, string? Name = null, string? Type = null);
