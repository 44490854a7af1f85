using System.Text.Json.Nodes;
using AdeBot.Testing.Connector;

namespace AdeBot.Tests.Infrastructure;

/// One activity the bot posted to the fake connector, read back from the wire as JSON.
public sealed class PostedActivity(RecordedConnectorRequest request)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public RecordedConnectorRequest Request { get; } = request;

    public JsonObject Json { get; } = JsonNode.Parse(request.Body)?.AsObject()
        ?? throw new InvalidOperationException($"{request.Method} {request.RawTarget} had no JSON body.");

    public string? Type => (string?)Json["type"];

    public string? Text => (string?)Json["text"];

    public string? Summary => (string?)Json["summary"];

    public bool IsTyping => Type == "typing";

    public JsonArray Attachments => Json["attachments"]?.AsArray() ?? [];

    public bool HasCard => Attachments.Count > 0;

    /// The adaptive card this activity carries; fails when it carries anything else.
    public JsonObject Card => Attachments is [JsonObject { } attachment] && (string?)attachment["contentType"] == AdaptiveCardContentType
        ? attachment["content"]!.AsObject()
        : throw new InvalidOperationException($"Expected exactly one adaptive card, got: {Request.Body}");

    /// Teams measures a message in UTF-16: two bytes per char of the JSON text.
    public int Utf16Bytes => Request.Body.Length * sizeof(char);

    public override string ToString() => Request.Body;
}

/// Reading cards the way a test asserts on them: every text on the card, its buttons, and the
/// blocks of one token.
public static class CardReading
{
    /// Every string value anywhere in the card (texts, fact titles and values, button titles, URLs).
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    public static string AllText(JsonNode? card) => string.Join("\n", Strings(card));

    /// The `text` of every TextBlock, in document order; the first is the card's heading.
    public static IReadOnlyList<string> TextBlocks(JsonNode? card) => [.. Objects(card)
        .Where(o => (string?)o["type"] == "TextBlock")
        .Select(o => (string)o["text"]!)];

    /// Every action object (Action.Execute, Action.Submit, Action.OpenUrl), fallbacks included.
    public static IEnumerable<JsonObject> Actions(JsonNode? card) =>
        Objects(card).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    /// The Action.Execute buttons with this verb.
    public static IReadOnlyList<JsonObject> Executes(JsonNode? card, string verb) =>
        [.. Actions(card).Where(a => (string?)a["type"] == "Action.Execute" && (string?)a["verb"] == verb)];

    /// The container of one failing token, on whichever card it is: the one whose first item is the token's name.
    public static JsonObject TokenBlock(IEnumerable<JsonNode> cards, string tokenName) =>
        cards.SelectMany(Objects).Single(o => (string?)o["type"] == "Container"
            && o["items"] is JsonArray { Count: > 0 } items && (string?)items[0]!["text"] == tokenName);

    public static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, value) in obj)
                    foreach (var nested in Objects(value)) yield return nested;
                break;
            case JsonArray array:
                foreach (var item in array)
                    foreach (var nested in Objects(item)) yield return nested;
                break;
        }
    }
}
