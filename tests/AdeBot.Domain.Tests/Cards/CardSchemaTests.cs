using System.Text.Json;
using AdeBot.Domain.Cards.Model;

namespace AdeBot.Domain.Tests.Cards;

/// Every card the composer can make, in every language, against the official Adaptive Card 1.5
/// schema with Teams' `msteams` allowed.
public sealed class CardSchemaTests
{
    private readonly CardSamples _samples = new();

    public static TheoryData<string> Locales => [.. CardSamples.Cultures.Select(c => c.Name)];

    [SchemaTheory]
    [MemberData(nameof(Locales))]
    public void Every_card_conforms_to_the_schema(string locale)
    {
        var schema = AdaptiveCardSchema.Load();
        var cards = _samples.EveryCard(System.Globalization.CultureInfo.GetCultureInfo(locale)).ToList();

        Assert.True(cards.Count > 40, $"only {cards.Count} cards");
        Assert.All(cards, named =>
        {
            var errors = schema.Validate(AdaptiveCardJson.ToElement(named.Card));
            Assert.True(errors.Count == 0, $"{named.Name}: {string.Join(Environment.NewLine, errors)}");
        });
    }

    [SchemaTheory]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""", "has no property colour")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","color":"Good"}]}""", "matches none")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Carousel"}]}""", "is not one of")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"FactSet"}]}""", "requires facts")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[],"msteams":{"width":"Half"}}""", "msteams")]
    [InlineData("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"ActionSet","actions":[{"type":"Action.Execute","title":"x","fallback":{"type":"Action.Submit","dta":{}}}]}]}""", "has no property dta")]
    public void The_validator_rejects_what_the_schema_forbids(string json, string expected)
    {
        var errors = AdaptiveCardSchema.Load().Validate(JsonDocument.Parse(json).RootElement);

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
