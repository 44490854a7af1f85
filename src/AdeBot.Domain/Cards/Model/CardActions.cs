using System.Text.Json.Serialization;

namespace AdeBot.Domain.Cards.Model;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
public abstract record CardAction(string Title)
{
    public string? Tooltip { get; init; }
}

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);

/// A Universal Action: arrives as an `adaptiveCard/action` invoke, and the bot may answer with a
/// replacement card. `Fallback` serves clients without Universal Actions.
public sealed record ExecuteAction(string Title, string Verb, CardActionData? Data) : CardAction(Title)
{
    public CardAction? Fallback { get; init; }
}

/// Arrives as a message activity whose `value` is `Data`.
public sealed record SubmitAction(string Title, CardActionData? Data) : CardAction(Title);
