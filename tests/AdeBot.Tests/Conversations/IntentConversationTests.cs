using AdeBot.Testing;
using System.Globalization;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// The bot with nothing configured: answers come from the built-in sample tenant.
public sealed class SampleBotHost() : AdeBotHost();

/// Every intent in every language through POST /api/messages, answered at the fake connector.
/// The reply language comes from the activity's `locale`, as Teams sends the client's language.
public sealed class IntentConversationTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    public static TheoryData<string, string, string, string> HealthQuestions => new()
    {
        // locale, question, the summary card's heading, Learn locale segment
        { "en-US", "are my ADE tokens healthy?", "Apple token health", "/en-us/" },
        { "fi-FI", "onko DEP-tunnukset kunnossa?", "Apple-yhteyksien kunto", "/fi-fi/" },
        { "uk-UA", "чи все гаразд з маркерами ADE?", "Стан маркерів Apple", "/uk-ua/" },
        { "en-GB", "how are my DEP tokens doing", "Apple token health", "/en-us/" },
        { "fi-FI", "tarkista tunnukset", "Apple-yhteyksien kunto", "/fi-fi/" },
        { "uk-UA", "перевір маркери", "Стан маркерів Apple", "/uk-ua/" },
    };

    [Theory]
    [MemberData(nameof(HealthQuestions))]
    public async Task A_health_question_gets_typing_then_a_summary_card_then_the_failing_tokens_in_its_language(
        string locale, string question, string heading, string learnSegment)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync(question);

        var (_, tokenCards) = IsHealthAnswer(replies, heading);
        var tokens = string.Join("\n", tokenCards.Select(AllText));
        Assert.All(FailingSampleTokens, name => Assert.Contains(name, tokens));
        Assert.DoesNotContain(HealthySampleToken, tokens);
        LinksAreLocalized(tokenCards, learnSegment);
        // Each failing token has its own "Details" button that names it.
        Assert.All(FailingSampleTokens, name => Assert.Single(Executes(TokenBlock(tokenCards, name), CardVerbs.Details)));
    }

    public static TheoryData<string, string, string, string[], string[]> ExpiringQuestions => new()
    {
        // locale, question, heading, tokens listed, tokens not listed (the sample's expire in -12, 3, 20, 25 and 240 days)
        { "en-US", "what expires in the next 14 days", "Tokens expired or expiring within 14 days", ["Contoso ABM – Kyiv", "Contoso ABM – Oulu"], ["Contoso ABM – Tampere", HealthySampleToken] },
        { "fi-FI", "mitkä vanhenevat 30 päivän sisällä", "Vanhentuneet ja 30 päivän sisällä vanhenevat tunnukset", ["Contoso ABM – Kyiv", "Contoso ABM – Oulu", "Contoso ABM – Tampere"], [HealthySampleToken] },
        { "uk-UA", "що спливає за 10 днів", "Маркери, термін дії яких минув або спливає протягом 10 днів", ["Contoso ABM – Kyiv", "Contoso ABM – Oulu"], ["Contoso ABM – Tampere", HealthySampleToken] },
        // "How many days are left?" has no window: every token, each with the days it has left.
        { "en-US", "how many days are left on my ADE tokens?", "Expiry dates of all tokens", ["Contoso ABM – Kyiv", "Contoso ABM – Oulu", "Contoso ABM – Tampere", HealthySampleToken, "(in 240 days)", "(12 days ago)"], [] },
        { "fi-FI", "montako päivää ADE-tunnuksella on jäljellä?", "Kaikkien tunnusten vanhenemispäivät", ["Contoso ABM – Kyiv", "Contoso ABM – Oulu", "Contoso ABM – Tampere", HealthySampleToken, "(240 päivän kuluttua)", "(12 päivää sitten)"], [] },
        { "uk-UA", "скільки днів залишилось до кінця терміну дії маркера?", "Терміни дії всіх маркерів", ["Contoso ABM – Kyiv", "Contoso ABM – Oulu", "Contoso ABM – Tampere", HealthySampleToken, "(через 240 днів)", "(12 днів тому)"], [] },
    };

    [Theory]
    [MemberData(nameof(ExpiringQuestions))]
    public async Task What_expires_within_N_days_lists_exactly_the_tokens_in_that_window(
        string locale, string question, string heading, string[] listed, string[] notListed)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync(question);

        Assert.Equal(2, replies.Count);
        Assert.True(replies[0].IsTyping);
        var card = IsCard(replies[1]);
        Assert.Contains(heading, TextBlocks(card));
        var text = AllText(card);
        Assert.All(listed, name => Assert.Contains(name, text));
        Assert.All(notListed, name => Assert.DoesNotContain(name, text));
    }

    public static TheoryData<string, string, string> DetailQuestions => new()
    {
        { "en-US", "details for Oulu", "/en-us/" },
        { "fi-FI", "näytä tunnuksen Oulu tiedot", "/fi-fi/" },
        { "uk-UA", "деталі про маркер Oulu", "/uk-ua/" },
    };

    [Theory]
    [MemberData(nameof(DetailQuestions))]
    public async Task Asking_for_a_token_by_name_shows_its_details_card(string locale, string question, string learnSegment)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync(question);

        Assert.Equal(2, replies.Count);
        Assert.True(replies[0].IsTyping);
        var card = IsCard(replies[1]);
        Assert.Contains("Contoso ABM – Oulu", TextBlocks(card));
        Assert.Contains("0b8f6c1e-0004-4a52-9d7e-5a3b1e000004", Strings(card));
        LinksAreLocalized([card], learnSegment);
    }

    [Theory]
    [InlineData("en-US", "details for Litware")]
    [InlineData("fi-FI", "näytä tunnuksen Litware tiedot")]
    [InlineData("uk-UA", "деталі про маркер Litware")]
    public async Task Asking_for_a_token_that_does_not_exist_says_so_without_a_card(string locale, string question)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync(question);

        Assert.Equal(2, replies.Count);
        Assert.True(replies[0].IsTyping);
        Assert.Equal(ChatReplies.NoTokenNamed("Litware", Culture(locale)), IsText(replies[1]));
    }

    [Theory]
    [InlineData("en-US", "details")]
    [InlineData("en-US", "show details")]
    [InlineData("fi-FI", "tiedot")]
    [InlineData("uk-UA", "деталі")]
    public async Task Details_without_a_name_asks_which_token_and_names_those_that_need_attention(string locale, string command)
    {
        var chat = new TeamsChat(host, locale: locale);
        var reading = await host.Get<ITokenInventory>().ReadAsync(chat.TenantId, TestTimeout.Token);
        var health = host.Get<HealthEvaluator>().Evaluate(reading.Snapshot!);

        var replies = await chat.SayAsync(command);

        Assert.Equal(2, replies.Count);
        Assert.True(replies[0].IsTyping);
        var text = IsText(replies[1]);
        Assert.Equal(ChatReplies.WhichToken(health.Tokens, Culture(locale)), text);
        Assert.All(FailingSampleTokens, name => Assert.Contains(name, text, StringComparison.Ordinal));
        Assert.DoesNotContain(HealthySampleToken, text, StringComparison.Ordinal);
        if (locale != "en-US") Assert.NotEqual(ChatReplies.WhichToken(health.Tokens, Culture("en-US")), text);
    }

    [Theory]
    [InlineData("en-US", "what does error 3 mean", "Sync error code 3")]
    [InlineData("fi-FI", "mitä tarkoittaa virhe 3", "Synkronoinnin virhekoodi 3")]
    [InlineData("uk-UA", "що означає помилка 3", "Код помилки синхронізації 3")]
    public async Task Asking_what_an_error_code_means_gets_an_explanation_card_without_reading_Graph(string locale, string question, string heading)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync(question);

        var card = IsCard(Assert.Single(replies));
        Assert.Equal(heading, TextBlocks(card)[0]);
    }

    [Theory]
    [InlineData("en-US", "what does terms not accepted mean", "/en-us/")]
    [InlineData("fi-FI", "mitä tarkoittaa ehtoja ei hyväksytty", "/fi-fi/")]
    [InlineData("uk-UA", "що робити, якщо не прийнято умови", "/uk-ua/")]
    public async Task Asking_about_a_topic_gets_its_remediation_card(string locale, string question, string learnSegment)
    {
        var chat = new TeamsChat(host, locale: locale);
        var expected = host.Get<RemediationCatalog>().Describe(RemediationTopic.TermsNotAccepted, Culture(locale));

        var replies = await chat.SayAsync(question);

        var card = IsCard(Assert.Single(replies));
        Assert.Equal(expected.Title, TextBlocks(card)[0]);
        Assert.Contains(expected.Cause, TextBlocks(card));
        LinksAreLocalized([card], learnSegment);
    }

    [Theory]
    [InlineData("en-US", "unsubscribe", "subscribe")]
    [InlineData("fi-FI", "peru tilaus", "tilaa ilmoitukset")]
    [InlineData("uk-UA", "відписатися", "підписатися")]
    public async Task Unsubscribe_and_subscribe_turn_the_conversations_alerts_off_and_on(string locale, string unsubscribe, string subscribe)
    {
        var chat = new TeamsChat(host, locale: locale);
        var store = host.Get<ISubscriptionStore>();

        var off = await chat.SayAsync(unsubscribe);
        var afterOff = await store.GetAsync(chat.Key, TestTimeout.Token);
        var on = await chat.SayAsync(subscribe);
        var afterOn = await store.GetAsync(chat.Key, TestTimeout.Token);

        Assert.Equal(ChatReplies.Unsubscribed(Culture(locale)), IsText(Assert.Single(off)));
        Assert.False(afterOff!.Active);
        Assert.Equal(ChatReplies.Subscribed(Culture(locale)), IsText(Assert.Single(on)));
        Assert.True(afterOn!.Active);
    }

    [Theory]
    [InlineData("en-US", "help", "What you can ask")]
    [InlineData("fi-FI", "apua", "Mitä voit kysyä")]
    [InlineData("uk-UA", "допомога", "Що можна запитати")]
    [InlineData("en-US", "what can you do?", "What you can ask")]
    public async Task Help_gets_the_help_card(string locale, string question, string heading)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync(question);

        var card = IsCard(Assert.Single(replies));
        Assert.Equal(heading, TextBlocks(card)[0]);
    }

    public enum ShortReply { Greeting, Thanks, Unknown }

    [Theory]
    [InlineData("en-US", "hi", ShortReply.Greeting)]
    [InlineData("fi-FI", "moi", ShortReply.Greeting)]
    [InlineData("uk-UA", "привіт", ShortReply.Greeting)]
    [InlineData("en-US", "thank you", ShortReply.Thanks)]
    [InlineData("fi-FI", "kiitos", ShortReply.Thanks)]
    [InlineData("uk-UA", "дякую", ShortReply.Thanks)]
    [InlineData("en-US", "what's the weather", ShortReply.Unknown)]
    [InlineData("en-US", "my token of appreciation", ShortReply.Unknown)]
    [InlineData("en-US", "what's the status of my pizza order", ShortReply.Unknown)]
    [InlineData("fi-FI", "kerro vitsi", ShortReply.Unknown)]
    [InlineData("fi-FI", "kuka voitti jääkiekko-ottelun", ShortReply.Unknown)]
    [InlineData("uk-UA", "яка сьогодні погода", ShortReply.Unknown)]
    [InlineData("uk-UA", "розкажи анекдот", ShortReply.Unknown)]
    public async Task Greetings_thanks_and_chatter_get_one_short_text_and_never_a_card(string locale, string text, ShortReply kind)
    {
        var chat = new TeamsChat(host, locale: locale);
        Func<CultureInfo, string> expected = kind switch
        {
            ShortReply.Greeting => ChatReplies.Greeting,
            ShortReply.Thanks => ChatReplies.Thanks,
            _ => ChatReplies.UnknownReply,
        };

        var replies = await chat.SayAsync(text);

        var reply = IsText(Assert.Single(replies));
        Assert.Equal(expected(Culture(locale)), reply);
        if (!locale.StartsWith("en", StringComparison.Ordinal)) Assert.NotEqual(expected(Culture("en-US")), reply);
    }

    [Theory]
    [InlineData("en-US", "suomeksi", "fi", "Apple-yhteyksien kunto", "/fi-fi/")]
    [InlineData("en-US", "in Ukrainian", "uk", "Стан маркерів Apple", "/uk-ua/")]
    [InlineData("fi-FI", "englanniksi", "en", "Apple token health", "/en-us/")]
    [InlineData("uk-UA", "по-фінськи", "fi", "Apple-yhteyksien kunto", "/fi-fi/")]
    public async Task A_language_choice_is_remembered_for_the_conversation_whatever_the_client_locale(
        string clientLocale, string choice, string language, string heading, string learnSegment)
    {
        var chat = new TeamsChat(host, locale: clientLocale);

        var changed = await chat.SayAsync(choice);
        var answer = await chat.SayAsync("are my ADE tokens healthy?");
        var stored = await host.Get<ISubscriptionStore>().GetAsync(chat.Key, TestTimeout.Token);

        Assert.Equal(ChatReplies.LanguageChanged(Culture(language)), IsText(Assert.Single(changed)));
        var (_, tokenCards) = IsHealthAnswer(answer, heading);
        LinksAreLocalized(tokenCards, learnSegment);
        Assert.Equal(language, CultureInfo.GetCultureInfo(stored!.LocaleOverride!).TwoLetterISOLanguageName);
        Assert.Equal(clientLocale, stored.Conversation.Locale);
    }

    [Fact]
    public async Task A_language_named_inside_a_question_answers_in_it_and_sticks()
    {
        var chat = new TeamsChat(host, locale: "en-US");

        var first = await chat.SayAsync("are my tokens healthy in Finnish");
        var later = await chat.SayAsync("help");

        IsHealthAnswer(first, "Apple-yhteyksien kunto");
        Assert.Equal("Mitä voit kysyä", TextBlocks(IsCard(Assert.Single(later)))[0]);
    }

    [Theory]
    [InlineData("en-US", "are my ADE tokens healthy?", "Apple token health")]
    [InlineData("fi-FI", "onko DEP-tunnukset kunnossa?", "Apple-yhteyksien kunto")]
    [InlineData("uk-UA", "чи все гаразд з маркерами ADE?", "Стан маркерів Apple")]
    public async Task A_channel_message_that_mentions_the_bot_is_answered_in_that_channel_thread(string locale, string question, string heading)
    {
        var chat = new TeamsChat(host, ChatScope.Channel, locale: locale);
        var message = chat.MessageMentioningBot(question);
        // ':' '@' ';' '=' escaped in each id segment, and the serviceUrl's /amer/ prefix kept.
        var expectedPath = "/amer/v3/conversations/"
            + chat.ConversationId.Replace(":", "%3A").Replace("@", "%40").Replace(";", "%3B").Replace("=", "%3D")
            + "/activities/" + ((string)message["id"]!).Replace(":", "%3A");

        await chat.PostAcceptedAsync(message);
        await chat.SettleAsync();

        // Every request about this conversation that answers the message, wherever it was sent.
        var uniquePart = chat.ConversationId[3..35];
        List<PostedActivity> replies = [.. host.Connector.Requests
            .Where(r => r.RawTarget.Contains(uniquePart, StringComparison.Ordinal))
            .Select(r => new PostedActivity(r))
            .Where(r => (string?)r.Json["replyToId"] == (string?)message["id"])];
        Assert.All(replies, r => Assert.Equal(expectedPath, r.Request.RawTarget));
        Assert.All(replies, r => Assert.Equal(chat.ConversationId, (string?)r.Json["conversation"]?["id"]));
        Assert.All(replies, r => Assert.Equal("POST", r.Request.Method));
        IsHealthAnswer(replies, heading);
    }

    private static CultureInfo Culture(string locale) => SupportedCultures.Resolve(locale);
}
