using System.Text.Json.Serialization;

namespace AdeBot.Domain.Cards.Model;

/// The top-level card. Teams renders Universal Actions only from version 1.5 and supports nothing
/// newer, so the version is fixed rather than configurable.
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body)
{
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string CardVersion = "1.5";

    [JsonPropertyOrder(-3)]
    public string Type => "AdaptiveCard";

    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)]
    public string Schema => SchemaUrl;

    [JsonPropertyOrder(-1)]
    public string Version => CardVersion;

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// Teams only (not in the 1.5 schema): full width reads better for tables of facts.
    public TeamsCardProperties? Msteams { get; init; } = TeamsCardProperties.FullWidth;
}

public sealed record TeamsCardProperties(string Width)
{
    public static TeamsCardProperties FullWidth { get; } = new("Full");
}
