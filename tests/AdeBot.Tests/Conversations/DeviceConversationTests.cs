using System.Net;
using System.Text.Json.Nodes;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Localization;
using AdeBot.Inventory;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// Device questions through POST /api/messages against the sample tenant's devices.
public sealed class DeviceConversationTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    private static string SerialOf(DeviceVerdict verdict) => SampleDevices.SerialFor[verdict];

    public static TheoryData<string, string, string, string> Questions => new()
    {
        // locale, question, the card's heading, its verdict line
        { "en-US", $"why isn't {SampleDevices.SerialFor[DeviceVerdict.EnrollmentFailed]} enrolling?", "Device DMPXK2ABCD18", "ADE enrollment failed" },
        { "fi-FI", $"miksi {SampleDevices.SerialFor[DeviceVerdict.NoProfile]} ei rekisteröidy?", "Laite F17ZK3NPRF01", "Ei rekisteröintiprofiilia: rekisteröinti epäonnistuu" },
        { "uk-UA", $"{SampleDevices.SerialFor[DeviceVerdict.EnrolledButNotInIntune]} немає в Intune", "Пристрій C02ZP4MNQR13", "За даними Apple зареєстровано, але в Intune немає" },
        { "en-US", SampleDevices.SerialFor[DeviceVerdict.Enrolled], "Device F17ZK0ENR0LD", "Enrolled through ADE" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task A_device_question_gets_typing_then_the_device_card_in_its_language(string locale, string question, string heading, string verdict)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync(question);

        Assert.Equal(2, replies.Count);
        Assert.True(replies[0].IsTyping);
        var card = IsCard15(IsCard(replies[1]));
        var texts = TextBlocks(card);
        Assert.Contains(heading, texts);
        Assert.Contains(verdict, texts);
        Assert.Equal($"{heading.Split(' ')[^1]}: {verdict}", replies[1].Summary);
        LinksAreLocalized([card], $"/{SupportedCultures.LearnSegment(SupportedCultures.Resolve(locale))}/");
        Assert.Single(Executes(card, CardVerbs.CheckAgain));
    }

    [Fact]
    public async Task A_serial_in_two_tokens_shows_both_and_the_blockers_first()
    {
        var chat = new TeamsChat(host);

        var card = IsCard((await chat.SayAsync($"device {SerialOf(DeviceVerdict.EnrollmentFailed)}"))[1]);

        var texts = TextBlocks(card).ToList();
        var blockers = texts.IndexOf("Fix these first");
        Assert.InRange(blockers, 0, texts.IndexOf("ADE record"));
        Assert.Contains(texts, t => t.StartsWith("Contoso ABM – Kyiv (ABM): Expired", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("This serial number is in 2 tokens.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_again_on_the_device_card_answers_the_invoke_with_the_card_refreshed_in_place()
    {
        var chat = new TeamsChat(host, locale: "fi-FI");
        var card = IsCard((await chat.SayAsync($"sarjanumero {SerialOf(DeviceVerdict.PendingReset)}"))[1]);

        var answer = await chat.InvokeAsync(TeamsChat.ExecuteValue(Assert.Single(Executes(card, CardVerbs.CheckAgain))));

        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.Type);
        var refreshed = IsCard15(answer.Card);
        Assert.Contains("Laite F17ZK5RSET01", TextBlocks(refreshed));
        Assert.Contains("Uusi profiili odottaa laitteen tyhjentämistä", TextBlocks(refreshed));
        Assert.Empty(answer.Posted);
    }

    [Fact]
    public async Task Check_again_through_the_submit_fallback_posts_the_device_card()
    {
        var chat = new TeamsChat(host, locale: "uk-UA");

        var replies = await chat.SendAsync(chat.Submit(JsonNode.Parse($$"""{"verb":"checkAgain","view":"device","serial":"{{SerialOf(DeviceVerdict.Blocked)}}"}""")!));

        Assert.Contains("Пристрій F17ZK8BLKD01", TextBlocks(IsCard(Assert.Single(replies))));
    }

    [Fact]
    public async Task A_check_again_that_names_no_serial_looks_nothing_up()
    {
        var chat = new TeamsChat(host);

        var answer = await chat.InvokeAsync(JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"checkAgain","data":{"verb":"checkAgain","view":"device","serial":"' or 1=1"}}}"""));

        Assert.Equal(ChatReplies.UnknownReply(SupportedCultures.Resolve("en-US")), answer.Message);
    }

    [Theory]
    [InlineData("en-US", "why isn't my iPad enrolling?", "Which device?")]
    [InlineData("fi-FI", "miksi laitteeni ei rekisteröidy?", "Mistä laitteesta on kyse?")]
    [InlineData("uk-UA", "чому мій пристрій не реєструється?", "Про який пристрій ідеться?")]
    public async Task A_device_question_without_a_serial_asks_for_one_and_the_next_message_answers_it(string locale, string question, string asked)
    {
        var chat = new TeamsChat(host, locale: locale);

        var which = IsText(Assert.Single(await chat.SayAsync(question)));
        var notSerial = IsText(Assert.Single(await chat.SayAsync("Anna's iPad")));
        var answer = await chat.SayAsync($"it is {SerialOf(DeviceVerdict.NotContacted).ToLowerInvariant()}");

        Assert.StartsWith(asked, which, StringComparison.Ordinal);
        Assert.Contains(SerialNumbers.Example, which);
        Assert.Equal(ChatReplies.NotASerial("Anna's iPad", SupportedCultures.Resolve(locale)), notSerial);
        Assert.Contains($" {SerialOf(DeviceVerdict.NotContacted)}", string.Join("\n", TextBlocks(IsCard(answer[1]))));
    }

    [Fact]
    public async Task Another_question_after_which_device_is_answered_as_itself()
    {
        var chat = new TeamsChat(host);

        await chat.SayAsync("my device is stuck on awaiting final configuration");
        var health = await chat.SayAsync("status");
        var unknown = IsText(Assert.Single(await chat.SayAsync("hmm")));

        IsHealthAnswer(health, "Apple token health");
        Assert.Equal(ChatReplies.UnknownReply(SupportedCultures.Resolve("en-US")), unknown);
    }

    [Theory]
    [InlineData("serial C02ZP4", "“C02ZP4” isn’t a serial number.")]
    [InlineData("353209900176148", "“353209900176148” looks like an IMEI.")]
    public async Task What_is_not_a_serial_gets_a_reply_that_says_what_a_serial_looks_like(string text, string start)
    {
        var chat = new TeamsChat(host);

        var reply = IsText(Assert.Single(await chat.SayAsync(text)));

        Assert.StartsWith(start, reply, StringComparison.Ordinal);
        Assert.Contains(SerialNumbers.Example, reply);
    }

    [Fact]
    public async Task The_health_answer_counts_the_devices_that_will_fail_to_enroll()
    {
        var chat = new TeamsChat(host);

        var (summary, _) = IsHealthAnswer(await chat.SayAsync("are my ADE tokens healthy?"), "Apple token health");

        var texts = TextBlocks(summary);
        Assert.Contains("Devices that will fail to enroll", texts);
        Assert.Contains("Contoso ABM – Oulu (ABM): at least 15 devices will fail to enroll", texts);
        Assert.Contains("Contoso ABM – Tampere (ABM): 3 devices will fail to enroll", texts);
    }
}

/// Only one tenant is served; a device question from another gets the same refusal as a token question.
public sealed class DeviceAccessConversationTests(AllowListBotHost host) : IClassFixture<AllowListBotHost>
{
    [Fact]
    public async Task A_tenant_that_is_not_allowed_learns_nothing_about_a_device()
    {
        var chat = new TeamsChat(host, tenantId: "33333333-3333-3333-3333-333333333333", locale: "fi-FI");

        var replies = await chat.SayAsync($"miksi {SampleDevices.SerialFor[DeviceVerdict.EnrollmentFailed]} ei rekisteröidy?");
        var data = new JsonObject { ["verb"] = "checkAgain", ["view"] = "device", ["serial"] = SampleDevices.SerialFor[DeviceVerdict.EnrollmentFailed] };
        var invoked = await chat.InvokeAsync(new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "checkAgain", ["data"] = data } });

        var refusal = ChatReplies.Refusal(SupportedCultures.Resolve("fi-FI"));
        Assert.Equal(refusal, IsText(Assert.Single(replies)));
        Assert.Equal(refusal, invoked.Message);
    }
}
