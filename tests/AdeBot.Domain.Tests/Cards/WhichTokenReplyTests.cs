using System.Globalization;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Tests.Cards;

/// "details" without a name: the reply asks which token and names the ones to choose from.
public sealed class WhichTokenReplyTests
{
    private readonly CardSamples _samples = new();

    public static TheoryData<string> Locales => [.. CardSamples.Cultures.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Locales))]
    public void Names_the_tokens_that_need_attention_worst_first_with_an_example_that_finds_the_worst(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var tokens = _samples.Evaluate(_samples.Mixed()).Tokens;
        List<TokenHealth> failing = [.. tokens.Where(t => t.Status != HealthStatus.Healthy)];

        var reply = ChatReplies.WhichToken(tokens, culture);

        Assert.EndsWith(ChatText.Format("Reply_WhichToken_Failing", culture, string.Join(", ", failing.Select(t => _samples.Catalog.DisplayName(t, culture)))), reply, StringComparison.Ordinal);
        Assert.All(tokens.Where(t => t.Status == HealthStatus.Healthy), t => Assert.DoesNotContain(t.Name, reply, StringComparison.Ordinal));
        Assert.Contains(ChatText.Example("DetailsWord", culture), reply, StringComparison.Ordinal);

        // What the example tells the user to type is understood, and finds the worst token.
        Assert.NotEqual(TokenKind.Apns, failing[0].Kind);
        var example = ChatText.Format("Example_DetailsOf", culture, failing[0].Name);
        Assert.Contains(ChatText.Format("Quoted", culture, example), reply, StringComparison.Ordinal);
        var intent = new IntentRecognizer().Recognize(example);
        Assert.Equal(IntentKind.TokenDetails, intent.Kind);
        Assert.Equal([failing[0]], TokenNames.Find(intent.TokenName, tokens));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void When_no_token_needs_attention_names_every_token(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var tokens = _samples.Evaluate(_samples.Healthy()).Tokens;

        var reply = ChatReplies.WhichToken(tokens, culture);

        Assert.EndsWith(ChatText.Format("Reply_WhichToken_All", culture, string.Join(", ", tokens.Select(t => _samples.Catalog.DisplayName(t, culture)))), reply, StringComparison.Ordinal);
        // The push certificate's name is all service words, so the example names the ADE token.
        Assert.Contains(ChatText.Format("Example_DetailsOf", culture, "Northwind ABM"), reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_at_most_ten_names_and_counts_the_rest()
    {
        var culture = CultureInfo.GetCultureInfo("en-US");
        List<TokenHealth> failing = [.. _samples.Evaluate(_samples.ManyFailing(60)).Tokens.Where(t => t.Status != HealthStatus.Healthy)];

        var reply = ChatReplies.WhichToken(failing, culture);

        Assert.Equal(ChatReplies.MaxNamesListed, failing.Count(t => reply.Contains(t.Name, StringComparison.Ordinal)));
        Assert.EndsWith("… and 50 more.", reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", 11, "… and 1 more.")]
    [InlineData("fi-FI", 11, "… ja 1 muu.")]
    [InlineData("fi-FI", 12, "… ja 2 muuta.")]
    [InlineData("uk-UA", 31, "… і ще 21.")]
    public void Counts_the_rest_in_the_plural_form_of_the_number(string locale, int failingCount, string ending)
    {
        List<TokenHealth> failing = [.. _samples.Evaluate(_samples.ManyFailing(failingCount)).Tokens.Where(t => t.Status != HealthStatus.Healthy)];

        Assert.Equal(failingCount, failing.Count);
        Assert.EndsWith(ending, ChatReplies.WhichToken(failing, CultureInfo.GetCultureInfo(locale)), StringComparison.Ordinal);
    }

}
