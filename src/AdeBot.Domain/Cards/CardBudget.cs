using AdeBot.Domain.Cards.Model;

namespace AdeBot.Domain.Cards;

/// Teams measures a message in UTF-16 (two bytes per char) and rejects it near 100 KB; Microsoft
/// recommends staying under 80 KB. A card under 60 KB leaves the activity envelope (ids, service
/// URL, summary, the attachment wrapper) ample room under the 80 KB line.
public static class CardBudget
{
    public const int MaxCardUtf16Bytes = 60_000;

    public static int Utf16Bytes(string json) => json.Length * sizeof(char);

    public static int Utf16Bytes(AdaptiveCard card) => Utf16Bytes(AdaptiveCardJson.Serialize(card));

    public static bool CardFits(AdaptiveCard card) => Utf16Bytes(card) <= MaxCardUtf16Bytes;
}
