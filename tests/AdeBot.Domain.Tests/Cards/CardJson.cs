using System.Text.Json;
using AdeBot.Domain.Cards.Model;

namespace AdeBot.Domain.Tests.Cards;

/// Reads sent cards back the way a client sees them: as JSON.
internal static class CardJson
{
    public static JsonElement Of(AdaptiveCard card) => AdaptiveCardJson.ToElement(card);

    /// Every object with a `type` in the card, depth first, in document order.
    public static IEnumerable<JsonElement> Typed(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out _)) yield return element;
            foreach (var property in element.EnumerateObject())
            {
                foreach (var inner in Typed(property.Value)) yield return inner;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in Typed(item)) yield return inner;
            }
        }
    }

    public static IEnumerable<JsonElement> OfType(AdaptiveCard card, string type) =>
        Typed(Of(card)).Where(e => e.GetProperty("type").GetString() == type);

    /// Action.Execute buttons (not their fallbacks, which are Action.Submit).
    public static IEnumerable<JsonElement> Executes(AdaptiveCard card, string verb) =>
        OfType(card, "Action.Execute").Where(a => a.GetProperty("verb").GetString() == verb);

    public static IEnumerable<string> Texts(AdaptiveCard card) =>
        OfType(card, "TextBlock").Select(t => t.GetProperty("text").GetString()!);
}
