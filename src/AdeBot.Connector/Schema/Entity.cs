using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdeBot.Connector;

/// An activity entity. Only <see cref="Type"/> is modelled; every other field, of known and unknown
/// entity types alike, is kept as raw JSON so unknown entities pass through untouched.
public sealed record Entity
{
    public const string MentionType = "mention";

    public string? Type { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; init; }

    public static Entity Mention(ChannelAccount mentioned, string text) => new()
    {
        Type = MentionType,
        AdditionalProperties = new()
        {
            ["mentioned"] = ConnectorJson.ToElement(mentioned),
            ["text"] = ConnectorJson.ToElement(text),
        },
    };

    public bool TryGetMention(out ChannelAccount mentioned, out string? text)
    {
        mentioned = null!;
        text = null;
        if (!string.Equals(Type, MentionType, StringComparison.OrdinalIgnoreCase) || AdditionalProperties is null) return false;
        if (!AdditionalProperties.TryGetValue("mentioned", out var raw) || raw.ValueKind != JsonValueKind.Object) return false;

        try
        {
            mentioned = raw.Deserialize<ChannelAccount>(ConnectorJson.Options)!;
        }
        catch (JsonException)
        {
            return false;
        }
        if (AdditionalProperties.TryGetValue("text", out var rawText) && rawText.ValueKind == JsonValueKind.String)
            text = rawText.GetString();
        return true;
    }
}
