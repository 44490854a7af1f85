using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdeBot.Domain.Cards.Model;

public static class AdaptiveCardJson
{
    /// camelCase, nulls omitted, enums as their schema strings. Non-ASCII text is written as is:
    /// escaped Cyrillic (\u0434) would take six characters instead of one and eat the size budget.
    /// The JSON goes to the Bot Connector, never into an HTML page, so HTML-safe escaping buys nothing.
    /// The host should serialize whole activities with these options too, so the measured card
    /// size stays the size that is sent.
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    /// The card as a JSON element, ready to be the `content` of an attachment in any activity model.
    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
