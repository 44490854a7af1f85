using System.Text.Json;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Cards;

/// The `data` of every AdeBot button. The Action.Execute and its Action.Submit fallback carry the
/// same object, `verb` included, so the invoke path and the message path dispatch alike.
/// Fields by verb (see CardVerbs): details → TokenId, TokenKind; showMore → Skip;
/// snooze → FindingKeys, Days; alertScope → Scope; checkAgain → View and what it needs (tokens →
/// Skip, details → TokenId and TokenKind, expiring → Days, daysLeft → none, device → Serial); checkNow,
/// subscribe, unsubscribe, help → none; fixStart → TokenId, TokenKind and Problem, or Serial;
/// fixDone, fixStuck → Step; fixBack, fixStop, fixCheck → none; choose → TokenId, TokenKind, FollowUp.
public sealed record CardActionData(string Verb)
{
    /// The most finding keys one snooze button carries and one click may snooze. Button data comes
    /// back from the client, so a longer list is refused rather than written key by key.
    public const int MaxFindingKeys = 50;

    public CardView? View { get; init; }
    public string? TokenId { get; init; }
    public TokenKind? TokenKind { get; init; }
    public int? Skip { get; init; }
    public IReadOnlyList<string>? FindingKeys { get; init; }
    public int? Days { get; init; }
    public AlertScope? Scope { get; init; }
    public string? Serial { get; init; }
    public FollowUpKind? FollowUp { get; init; }
    public ProblemCode? Problem { get; init; }
    public int? Step { get; init; }

    /// The token a details button or a details card is about, if the tenant still has it.
    public TokenHealth? FindToken(TenantHealth health) =>
        health.Tokens.FirstOrDefault(t => t.Id == TokenId && (TokenKind is null || t.Kind == TokenKind));

    /// Reads the data of a clicked button from either path: the `value` of an `adaptiveCard/action`
    /// invoke (`{ action: { verb, data } }`) or the `value` of a message sent by Action.Submit.
    /// Returns null when the value is not one of ours, so the caller can treat it as plain text.
    public static CardActionData? TryRead(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object) return null;

        if (value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var data = action.TryGetProperty("data", out var d) ? Deserialize(d) : null;
            return (data, verb) switch
            {
                ({ } read, { Length: > 0 }) => read with { Verb = verb },
                ({ } read, _) => read,
                (null, { Length: > 0 }) => new CardActionData(verb),
                _ => null,
            };
        }

        return Deserialize(value);
    }

    private static CardActionData? Deserialize(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        try
        {
            var data = element.Deserialize<CardActionData>(AdaptiveCardJson.Options);
            return string.IsNullOrWhiteSpace(data?.Verb) ? null : data;
        }
        catch (JsonException)
        {
            // A hand-crafted or foreign payload: not a button of ours.
            return null;
        }
    }
}
