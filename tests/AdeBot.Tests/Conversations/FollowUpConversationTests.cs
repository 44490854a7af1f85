using AdeBot.Testing;
using System.Globalization;
using System.Net;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using AdeBot.Inventory;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// Follow-ups through POST /api/messages, turn after turn in one conversation against the sample
/// tenant: after a health answer, a token's details and a device diagnosis; when a follow-up fits
/// several tokens; and with nothing to follow.
public sealed class FollowUpConversationTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    private const string Oulu = "Contoso ABM – Oulu";

    public static TheoryData<string, string, string> HealthQuestionThenAnotherToken => new()
    {
        { "en-US", "are my ADE tokens healthy?", "and Oulu?" },
        { "en-US", "status", "what about Contoso ABM Oulu?" },
        { "fi-FI", "ovatko ADE-tunnukset kunnossa?", "entä Oulu?" },
        { "uk-UA", "чи справні мої маркери ADE?", "а Oulu?" },
    };

    [Theory]
    [MemberData(nameof(HealthQuestionThenAnotherToken))]
    public async Task After_the_health_answer_and_a_token_gets_that_tokens_card_alone(string locale, string question, string followUp)
    {
        var chat = new TeamsChat(host, locale: locale);
        await chat.SayAsync(question);

        var replies = await chat.SayAsync(followUp);

        Assert.True(replies[0].IsTyping);
        var card = IsCard(Assert.Single(replies.Skip(1)));
        Assert.Contains(Oulu, TextBlocks(card));
        Assert.Single(Executes(card, CardVerbs.CheckAgain), b => (string?)b["data"]?["view"] == "details");
    }

    [Theory]
    [InlineData("en-US", "and Oulu?", "how do I fix it?")]
    [InlineData("fi-FI", "entä Oulu?", "miten korjaan sen?")]
    [InlineData("uk-UA", "а Oulu?", "як це виправити?")]
    public async Task How_do_I_fix_it_after_a_token_gets_the_steps_of_its_problem(string locale, string token, string howToFix)
    {
        var chat = new TeamsChat(host, locale: locale);
        var culture = SupportedCultures.Resolve(locale);
        await chat.SayAsync("status");
        await chat.SayAsync(token);

        var replies = await chat.SayAsync(howToFix);

        var oulu = await SampleTokenAsync(Oulu);
        var remedy = host.Get<RemediationCatalog>().For(oulu, oulu.Problems[0], culture);
        var card = IsCard(Assert.Single(replies, r => r.HasCard));
        Assert.Equal(remedy.Title, TextBlocks(card)[0]);
        Assert.Contains(remedy.Cause, TextBlocks(card));
        Assert.DoesNotContain(TextBlocks(card), t => t.Contains("Kyiv", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en-US", "the second one", "why?")]
    [InlineData("fi-FI", "toinen", "miksi?")]
    [InlineData("uk-UA", "другий", "чому?")]
    public async Task The_second_one_counts_the_failing_tokens_as_the_health_answer_showed_them_and_why_explains_it(string locale, string second, string why)
    {
        var chat = new TeamsChat(host, locale: locale);
        var culture = SupportedCultures.Resolve(locale);
        var (_, tokenCards) = IsHealthAnswer(await chat.SayAsync("status"), HealthHeading(culture));

        var chosen = IsCard(Assert.Single((await chat.SayAsync(second)).Skip(1)));
        var explained = IsText(Assert.Single(await chat.SayAsync(why), r => !r.IsTyping));

        var failing = await FailingSampleTokensAsync();
        var expected = host.Get<RemediationCatalog>().DisplayName(failing[1], culture);
        Assert.Contains(expected, TextBlocks(chosen));
        Assert.Contains(expected, AllText(tokenCards[0]));
        Assert.StartsWith($"{expected}: {host.Get<RemediationCatalog>().Summarize(failing[1].Problems[0], failing[1], culture)}", explained, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "details Oulu", "is it fixed now?", "Not yet.")]
    [InlineData("fi-FI", "tiedot Oulu", "onko se nyt korjattu?", "Ei vielä.")]
    [InlineData("uk-UA", "деталі Oulu", "чи це вже виправлено?", "Ще ні.")]
    public async Task Is_it_fixed_now_after_a_token_detail_reads_it_again_and_says_not_yet_with_its_card(string locale, string details, string isFixed, string notYet)
    {
        var chat = new TeamsChat(host, locale: locale);
        await chat.SayAsync(details);

        var replies = await chat.SayAsync(isFixed);

        var texts = replies.Where(r => !r.IsTyping && !r.HasCard).Select(r => r.Text!).ToList();
        Assert.StartsWith(notYet, Assert.Single(texts), StringComparison.Ordinal);
        Assert.Contains(Oulu, Assert.Single(texts));
        Assert.Contains(Oulu, TextBlocks(IsCard(Assert.Single(replies, r => r.HasCard))));
    }

    [Theory]
    [InlineData("en-US", "how do I fix it?", "what should I do?")]
    [InlineData("fi-FI", "miten korjaan sen?", "mitä minun pitäisi tehdä?")]
    [InlineData("uk-UA", "як це виправити?", "що робити?")]
    public async Task After_a_device_diagnosis_how_to_fix_gets_the_devices_remedy_and_is_it_fixed_reads_it_again(string locale, string howToFix, string whatToDo)
    {
        var chat = new TeamsChat(host, locale: locale);
        var culture = SupportedCultures.Resolve(locale);
        var serial = SampleDevices.SerialFor[DeviceVerdict.NoProfile];
        await chat.SayAsync(serial);

        var fix = IsCard(Assert.Single(await chat.SayAsync(howToFix), r => r.HasCard));
        var sameFix = IsCard(Assert.Single(await chat.SayAsync(whatToDo), r => r.HasCard));
        var isFixed = await chat.SayAsync(culture.TwoLetterISOLanguageName switch { "fi" => "onko se jo kunnossa?", "uk" => "чи він тепер в порядку?", _ => "is it ok now?" });

        var title = host.Get<RemediationCatalog>().Describe(RemediationTopic.DeviceNoProfile, culture).Title;
        Assert.Equal(title, TextBlocks(fix)[0]);
        Assert.Equal(TextBlocks(fix), TextBlocks(sameFix));
        Assert.Contains(serial, IsText(Assert.Single(isFixed, r => !r.IsTyping && !r.HasCard)));
        Assert.Contains(DeviceTitle(culture, serial), TextBlocks(IsCard(Assert.Single(isFixed, r => r.HasCard))));
    }

    [Fact]
    public async Task And_a_serial_after_a_token_answer_diagnoses_that_device()
    {
        var chat = new TeamsChat(host);
        await chat.SayAsync("details Oulu");

        var replies = await chat.SayAsync($"and {SampleDevices.SerialFor[DeviceVerdict.EnrollmentFailed]}?");

        Assert.Contains($"Device {SampleDevices.SerialFor[DeviceVerdict.EnrollmentFailed]}", TextBlocks(IsCard(replies[1])));
    }

    [Theory]
    [InlineData("en-US", "the school one")]
    [InlineData("en-US", "what about the school one?")]
    [InlineData("fi-FI", "entä Schools?")]
    [InlineData("uk-UA", "а Schools?")]
    public async Task A_follow_up_that_fits_two_tokens_asks_which_with_a_button_each_and_the_click_answers_about_that_one(string locale, string followUp)
    {
        var chat = new TeamsChat(host, locale: locale);
        await chat.SayAsync("status");

        var question = IsCard(Assert.Single(await chat.SayAsync(followUp), r => r.HasCard));
        var buttons = Executes(question, CardVerbs.Choose);
        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(buttons.Single(b => ((string)b["title"]!).Contains("VPP", StringComparison.Ordinal))));

        Assert.Equal(2, buttons.Count);
        Assert.Contains(buttons, b => (string?)b["title"] == "Contoso Schools ASM – Espoo (ASM)");
        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Contains("Contoso Schools", TextBlocks(IsCard(Assert.Single(answer.Posted, r => r.HasCard))));
    }

    [Fact]
    public async Task How_to_fix_one_of_two_asks_which_and_the_submit_fallback_of_the_click_gets_the_steps()
    {
        var chat = new TeamsChat(host);
        await chat.SayAsync("status");

        var question = IsCard(Assert.Single(await chat.SayAsync("how do I fix the VPP token?"), r => r.HasCard));
        var schools = Executes(question, CardVerbs.Choose).Single(b => ((string)b["title"]!).StartsWith("Contoso Schools", StringComparison.Ordinal));
        var replies = await chat.SendAsync(chat.Submit(schools["data"]!));

        var token = await SampleTokenAsync("Contoso Schools");
        var remedy = host.Get<RemediationCatalog>().For(token, token.Problems[0], CultureInfo.GetCultureInfo("en-US"));
        Assert.Equal(remedy.Title, TextBlocks(IsCard(Assert.Single(replies, r => r.HasCard)))[0]);
    }

    [Fact]
    public async Task After_which_one_the_second_one_answers_what_was_asked_about_the_second_candidate()
    {
        var chat = new TeamsChat(host);
        await chat.SayAsync("status");
        var question = IsCard(Assert.Single(await chat.SayAsync("why the school one?"), r => r.HasCard));

        var reply = IsText(Assert.Single(await chat.SayAsync("the second one"), r => !r.IsTyping));

        var second = (string)Executes(question, CardVerbs.Choose)[1]["title"]!;
        Assert.StartsWith(second.Split(" (")[0], reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "how do I fix it?")]
    [InlineData("en-US", "why?")]
    [InlineData("en-US", "the second one")]
    [InlineData("fi-FI", "miten korjaan sen?")]
    [InlineData("uk-UA", "як це виправити?")]
    public async Task A_follow_up_as_the_first_message_says_what_to_ask_first(string locale, string followUp)
    {
        var chat = new TeamsChat(host, locale: locale);
        var culture = SupportedCultures.Resolve(locale);

        var reply = IsText(Assert.Single(await chat.SayAsync(followUp)));

        Assert.Equal(FollowUpReplies.NoContext(culture), reply);
        Assert.NotEqual(ChatReplies.UnknownReply(culture), reply);
    }

    [Fact]
    public async Task And_a_token_that_is_not_there_says_so_without_the_list()
    {
        var chat = new TeamsChat(host);
        await chat.SayAsync("status");

        var reply = IsText(Assert.Single(await chat.SayAsync("and Tailspin?"), r => !r.IsTyping));

        Assert.Equal(ChatReplies.NoTokenNamed("Tailspin", CultureInfo.GetCultureInfo("en-US")), reply);
    }

    [Fact]
    public async Task Each_thread_of_a_channel_follows_up_on_its_own_answers()
    {
        var channel = new TeamsChat(host, ChatScope.Channel);
        var other = channel.InThread("1700000000042");
        await channel.SendAsync(channel.MessageMentioningBot("status"));

        var inSameThread = await channel.SendAsync(channel.MessageMentioningBot("the second one"));
        var inOtherThread = await other.SendAsync(other.MessageMentioningBot("the second one"));

        IsCard(Assert.Single(inSameThread, r => r.HasCard));
        Assert.Equal(FollowUpReplies.NoContext(CultureInfo.GetCultureInfo("en-US")), IsText(Assert.Single(inOtherThread)));
    }

    private static string HealthHeading(CultureInfo culture) => culture.TwoLetterISOLanguageName switch
    {
        "fi" => "Apple-yhteyksien kunto",
        "uk" => "Стан маркерів Apple",
        _ => "Apple token health",
    };

    private static string DeviceTitle(CultureInfo culture, string serial) => culture.TwoLetterISOLanguageName switch
    {
        "fi" => $"Laite {serial}",
        "uk" => $"Пристрій {serial}",
        _ => $"Device {serial}",
    };

    private async Task<TenantHealth> SampleHealthAsync()
    {
        var reading = await host.Get<ITokenInventory>().ReadAsync(SampleTenant.TenantId, TestTimeout.Token);
        return host.Get<HealthEvaluator>().Evaluate(reading.Snapshot!);
    }

    private async Task<IReadOnlyList<TokenHealth>> FailingSampleTokensAsync() =>
        [.. (await SampleHealthAsync()).Tokens.Where(t => t.Status != HealthStatus.Healthy)];

    private async Task<TokenHealth> SampleTokenAsync(string name) => (await SampleHealthAsync()).Tokens.Single(t => t.Name == name);
}
