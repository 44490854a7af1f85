using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Localization;
using AdeBot.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using static AdeBot.Tests.Conversations.ConversationAssert;

namespace AdeBot.Tests.Conversations;

public sealed class ForbiddenGraphBotHost() : ReplayBotHost(GraphReplays.Forbidden());

/// Graph answers 403: the user learns which permission is missing, in their language.
public sealed class PermissionMissingConversationTests(ForbiddenGraphBotHost host) : IClassFixture<ForbiddenGraphBotHost>
{
    private const string Permission = "DeviceManagementServiceConfig.Read.All";

    [Theory]
    [InlineData("en-US", "are my ADE tokens healthy?")]
    [InlineData("fi-FI", "onko DEP-tunnukset kunnossa?")]
    [InlineData("uk-UA", "чи все гаразд з маркерами ADE?")]
    [InlineData("en-US", "what expires in the next 14 days")]
    public async Task The_user_is_told_which_Graph_permission_is_missing(string locale, string question)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync(question);

        Assert.Equal(2, replies.Count);
        Assert.True(replies[0].IsTyping);
        var text = IsText(replies[1]);
        Assert.Contains(Permission, text);
        Assert.Equal(ChatReplies.PermissionMissing(Permission, SupportedCultures.Resolve(locale)), text);
    }

    [Fact]
    public async Task Check_again_answers_the_invoke_with_the_same_message_and_no_card()
    {
        var chat = new TeamsChat(host, locale: "uk-UA");

        var answer = await chat.InvokeAsync(JsonNode.Parse("""{ "action": { "type": "Action.Execute", "verb": "checkAgain", "data": { "verb": "checkAgain" } } }"""));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(ChatReplies.PermissionMissing(Permission, SupportedCultures.Resolve("uk-UA")), answer.Message);
    }
}

public sealed class GarbledGraphBotHost() : ReplayBotHost(GraphReplays.Garbled());

/// Something nobody planned for: the user gets a short reference id and no exception text; the
/// details, under the same reference, go to the log.
public sealed partial class UnexpectedFailureConversationTests(GarbledGraphBotHost host) : IClassFixture<GarbledGraphBotHost>
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("fi-FI")]
    [InlineData("uk-UA")]
    public async Task An_unreadable_Graph_answer_gets_a_reference_id_and_no_details(string locale)
    {
        var chat = new TeamsChat(host, locale: locale);

        var replies = await chat.SayAsync("are my ADE tokens healthy?");

        Assert.Equal(2, replies.Count);
        Assert.True(replies[0].IsTyping);
        AssertErrorReply(IsText(replies[1]), locale, host.Logs, loggedAs: 4002);
    }

    [Fact]
    public async Task Storage_that_fails_mid_conversation_answers_a_message_503_to_be_sent_again_and_a_button_with_a_reference_id()
    {
        var broken = new SampleBotHost();
        await broken.InitializeAsync();
        try
        {
            var chat = new TeamsChat(broken, locale: "fi-FI");
            // The data folder turns into a file: SQLite can no longer open the database.
            SqliteConnection.ClearAllPools();
            Directory.Delete(broken.DataPath, recursive: true);
            await File.WriteAllTextAsync(broken.DataPath, "not a folder");

            var message = chat.Message("onko DEP-tunnukset kunnossa?");
            using var refused = await broken.PostActivityAsync(message);
            var invoked = await chat.InvokeAsync(JsonNode.Parse("""{ "action": { "type": "Action.Execute", "verb": "checkAgain", "data": { "verb": "checkAgain" } } }"""));

            // The message could not be recorded, so Teams is told to send it again rather than told "done".
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            Assert.Empty(chat.RepliesTo(message));
            Assert.Equal(200, invoked.StatusCode);
            AssertErrorReply(invoked.Message!, "fi-FI", broken.Logs, loggedAs: 4101);
        }
        finally
        {
            File.Delete(broken.DataPath);
            await broken.DisposeAsync();
        }
    }

    /// The localized error text around a short reference that the log holds too, next to the
    /// exception; nothing of the exception reaches the user.
    private static void AssertErrorReply(string reply, string locale, AdeBot.Testing.CapturedLogs logs, int loggedAs)
    {
        var reference = Assert.Single(ReferenceId().Matches(reply)).Value;
        Assert.Equal(ChatReplies.ErrorReply(reference, SupportedCultures.Resolve(locale)), reply);
        Assert.Single(logs.Entries, e => e.EventId.Id == loggedAs && e.Text.Contains(reference, StringComparison.Ordinal));
        // The reference is the turn's id: every line of the turn carries it in its scope, the
        // inventory's own (written on another task) and the turn's summary among them.
        var turnLines = logs.Entries.Where(e => e.Scope("TurnId") == reference).ToList();
        Assert.Contains(turnLines, e => e.EventId.Id == loggedAs);
        Assert.Contains(turnLines, e => e.EventId.Id == 4301);
        Assert.Contains(turnLines, e => e.Level >= LogLevel.Warning && e.Text.Contains("Exception", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level >= LogLevel.Warning && e.Text.Contains("Exception", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", reply, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SQLite", reply, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("GARBLED", reply, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", reply, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b[0-9a-f]{8}\b")]
    private static partial Regex ReferenceId();
}
