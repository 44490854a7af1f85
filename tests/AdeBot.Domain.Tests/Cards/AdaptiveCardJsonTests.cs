using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;

namespace AdeBot.Domain.Tests.Cards;

public sealed class AdaptiveCardJsonTests
{
    /// Every element, action and property of the model, including the ones no composed card uses yet.
    private static AdaptiveCard Everything() => new(
    [
        new TextBlock("Маркер “Contoso” <b>") { Id = "t", Size = TextSize.ExtraLarge, Weight = TextWeight.Lighter, Color = TextColor.Attention, IsSubtle = true, Style = TextBlockStyle.Heading, MaxLines = 2, Spacing = Spacing.ExtraLarge, Separator = true, IsVisible = true },
        new Container([new FactSet([new Fact("a", "b")])]) { Style = ContainerStyle.Emphasis, Bleed = true },
        new ColumnSet([new Column([new TextBlock("x")]) { Width = "auto", Style = ContainerStyle.Good, Spacing = Spacing.None, Separator = false }]),
        new ActionSet(
        [
            new OpenUrlAction("Open", new Uri("https://learn.microsoft.com/fi-fi/intune/")) { Tooltip = "tip", Style = ActionStyle.Positive, Id = "o" },
            CardParts.Execute("Snooze", new CardActionData(CardVerbs.Snooze) { FindingKeys = ["k1", "k2"], Days = 7 }),
            new SubmitAction("Submit", new CardActionData(CardVerbs.Help)) { Style = ActionStyle.Destructive },
        ]),
    ])
    {
        FallbackText = "fallback",
        Refresh = new CardRefresh(new ExecuteAction("Refresh", CardVerbs.CheckAgain, new CardActionData(CardVerbs.CheckAgain))) { UserIds = ["29:1"] },
    };

    [Fact]
    public void Writes_the_schema_shape_compactly()
    {
        var json = AdaptiveCardJson.Serialize(new AdaptiveCard([new TextBlock("Hei ääkköset, привіт")]));

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"Hei ääkköset, привіт","wrap":true}],"msteams":{"width":"Full"}}""",
            json);
    }

    [Fact]
    public void Writes_discriminators_first_enums_in_camel_case_and_no_nulls()
    {
        var json = AdaptiveCardJson.Serialize(Everything());

        Assert.StartsWith("""{"type":"AdaptiveCard",""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"TextBlock","text":"Маркер “Contoso” <b>",""", json, StringComparison.Ordinal);
        Assert.Contains("\"size\":\"extraLarge\"", json, StringComparison.Ordinal);
        Assert.Contains("\"spacing\":\"extraLarge\"", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"Column","items":""", json, StringComparison.Ordinal);
        Assert.Contains("""{"type":"Action.Submit","data":{"verb":"snooze","findingKeys":["k1","k2"],"days":7},"title":"Snooze"}""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [SchemaFact]
    public void The_whole_model_conforms_to_the_schema()
    {
        var errors = AdaptiveCardSchema.Load().Validate(AdaptiveCardJson.ToElement(Everything()));

        Assert.Empty(errors);
    }
}
