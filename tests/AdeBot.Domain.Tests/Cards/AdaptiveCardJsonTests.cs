using System.Text.Json;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;

namespace AdeBot.Domain.Tests.Cards;

public sealed class AdaptiveCardJsonTests
{
    /// Every element, action and property of the model, including the ones no composed card uses yet.
    private static AdaptiveCard Everything() => new(
    [
        new TextBlock("Маркер “Contoso” <b>") { Size = TextSize.ExtraLarge, Weight = TextWeight.Lighter, Color = TextColor.Attention, IsSubtle = true, Style = TextBlockStyle.Heading, Spacing = Spacing.ExtraLarge, Separator = true },
        new Container([new FactSet([new Fact("a", "b")])]) { Style = ContainerStyle.Emphasis, Bleed = true },
        new ActionSet(
        [
            new OpenUrlAction("Open", new Uri("https://learn.microsoft.com/fi-fi/intune/")) { Tooltip = "tip" },
            CardParts.Execute("Snooze", new CardActionData(CardVerbs.Snooze) { FindingKeys = ["k1", "k2"], Days = 7 }),
            new SubmitAction("Submit", new CardActionData(CardVerbs.Help)),
        ]),
    ]);

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
        Assert.Contains("""{"type":"Action.Submit","data":{"verb":"snooze","findingKeys":["k1","k2"],"days":7},"title":"Snooze"}""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    /// The approved file is parsed by the adaptivecards library in tests/node, like every card snapshot,
    /// so the model cannot write an element or a property value that a Teams client rejects.
    [Fact]
    public void The_whole_model_matches_its_snapshot() =>
        Snapshot.Match("whole-model", JsonSerializer.Serialize(Everything(), CardSnapshotTests.Indented) + "\n");
}
