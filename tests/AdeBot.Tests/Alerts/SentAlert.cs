using System.Text.Json;
using AdeBot.Connector;
using AdeBot.Domain.Cards;
using AdeBot.Testing.Connector;

namespace AdeBot.Tests.Alerts;

/// One message as the fake connector received it, read back from the wire.
internal sealed record SentAlert(string ConversationId, Activity Activity)
{
    public string? Summary => Activity.Summary;

    public JsonElement Card => Activity.Attachments is [{ Content: { } content }] ? content : throw new InvalidOperationException("Expected exactly one card.");

    /// The card's heading (its first text block).
    public string Title => Texts[0];

    /// Every text of the card's text blocks, in order.
    public IReadOnlyList<string> Texts => [.. TextsOf(Card)];

    public string AllText => string.Join("\n", Texts);

    /// The data of every Action.Execute button, read as the bot reads a click.
    public IReadOnlyList<CardActionData> Buttons => [.. ObjectsOf(Card)
        .Where(o => o.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute" && o.TryGetProperty("data", out _))
        .Select(o => CardActionData.TryRead(o.GetProperty("data")))
        .OfType<CardActionData>()];

    public static SentAlert From(RecordedConnectorRequest request)
    {
        // /amer/v3/conversations/{escaped id}/activities
        var segments = request.RawTarget.Split('/');
        var conversationsAt = Array.IndexOf(segments, "conversations");
        var conversationId = Uri.UnescapeDataString(segments[conversationsAt + 1]);
        var activity = JsonSerializer.Deserialize<Activity>(request.Body, ConnectorJson.Options)
            ?? throw new InvalidOperationException("The request had no activity.");
        return new SentAlert(conversationId, activity);
    }

    public static IReadOnlyList<SentAlert> All(FakeConnectorServer server) => [.. server.Requests.Select(From)];

    private static IEnumerable<string> TextsOf(JsonElement card) =>
        ObjectsOf(card)
            .Where(o => o.TryGetProperty("type", out var type) && type.GetString() == "TextBlock" && o.TryGetProperty("text", out _))
            .Select(o => o.GetProperty("text").GetString()!);

    /// Every JSON object in the card, depth first in document order.
    private static IEnumerable<JsonElement> ObjectsOf(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            yield return element;
            foreach (var property in element.EnumerateObject())
            {
                foreach (var nested in ObjectsOf(property.Value)) yield return nested;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in ObjectsOf(item)) yield return nested;
            }
        }
    }
}
