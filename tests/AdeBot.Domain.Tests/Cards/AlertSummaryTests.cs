using System.Globalization;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;

namespace AdeBot.Domain.Tests.Cards;

/// The one line Teams shows in the notification of an alert.
public sealed class AlertSummaryTests
{
    private readonly CardSamples _samples = new();

    /// One problem is "the" problem; a count whose plural category is "one" (21 in Ukrainian) is many.
    [Theory]
    [InlineData("en-US", 1, "1 Apple token problem: ")]
    [InlineData("en-US", 2, "2 Apple token problems, the most urgent: ")]
    [InlineData("en-US", 21, "21 Apple token problems, the most urgent: ")]
    [InlineData("uk-UA", 1, "1 проблема з маркерами Apple: ")]
    [InlineData("uk-UA", 21, "21 проблема з маркерами Apple, найтерміновіша: ")]
    [InlineData("uk-UA", 22, "22 проблеми з маркерами Apple, найтерміновіша: ")]
    [InlineData("fi-FI", 1, "1 ongelma Apple-yhteyksissä: ")]
    [InlineData("fi-FI", 3, "3 ongelmaa Apple-yhteyksissä, kiireellisin: ")]
    public void Names_the_problem_when_there_is_one_and_the_most_urgent_of_many(string locale, int problems, string start)
    {
        var summary = _samples.Composer.AlertSummary(Raised(problems), CultureInfo.GetCultureInfo(locale));

        Assert.StartsWith(start, summary, StringComparison.Ordinal);
    }

    /// Each of `count` failing tokens raises its worst problem.
    private List<AlertFinding> Raised(int count) =>
    [
        .. _samples.Evaluate(_samples.ManyFailing(count)).Tokens.Where(t => t.Status != HealthStatus.Healthy).Select(t =>
            new AlertFinding(CardSamples.TenantId, t, t.Problems[0].Code, "test", t.Problems[0].Severity, AlertKind.Raised, t.Problems[0])),
    ];
}
