using System.Globalization;
using System.Text.RegularExpressions;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;

namespace AdeBot.Domain.Tests.Cards;

/// What Chat*.resx must say beyond being complete (ResourceCompletenessTests checks that): the
/// example questions the cards suggest are understood in their own language, and the replies are
/// filled in, distinct and counted correctly.
public sealed partial class ChatResourceTests
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("fi-FI")]
    [InlineData("uk-UA")]
    public void The_suggested_questions_are_understood(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var recognizer = new IntentRecognizer();
        (string Example, IntentKind Kind)[] examples =
        [
            ("Health", IntentKind.Health), ("Status", IntentKind.Health), ("Expiring", IntentKind.ExpiringSoon),
            ("Details", IntentKind.TokenDetails), ("DetailsWord", IntentKind.TokenDetails),
            ("Explain", IntentKind.ExplainError), ("Topic", IntentKind.ExplainError),
            ("Subscribe", IntentKind.Subscribe), ("Unsubscribe", IntentKind.Unsubscribe), ("Language", IntentKind.SetLanguage),
            ("Help", IntentKind.Help), ("ScopeCriticalOnly", IntentKind.SetAlertScope), ("ScopeAll", IntentKind.SetAlertScope),
            ("Device", IntentKind.DeviceDiagnosis),
        ];

        Assert.All(examples, e => Assert.Equal(e.Kind, recognizer.Recognize(ChatText.Get($"Example_{e.Example}", culture)).Kind));
        Assert.Equal("Contoso ABM", recognizer.Recognize(ChatText.Get("Example_Details", culture)).TokenName);
        // The command alone asks which token; with a name after it, it names the token.
        Assert.Null(recognizer.Recognize(ChatText.Get("Example_DetailsWord", culture)).TokenName);
        Assert.Equal("Contoso ABM Oulu", recognizer.Recognize(ChatText.Format("Example_DetailsOf", culture, "Contoso ABM – Oulu")).TokenName);
        // The scope examples and buttons read as the scope they name, so typing a button's title works too.
        Assert.All(Enum.GetValues<AlertScope>(), scope =>
        {
            Assert.Equal(scope, recognizer.Recognize(ChatText.Get($"Example_Scope{scope}", culture)).Scope);
            Assert.Equal(scope, recognizer.Recognize(ChatText.Get($"Button_Scope{scope}", culture)).Scope);
        });
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fi-FI")]
    [InlineData("uk-UA")]
    public void Replies_are_in_the_language_asked_for(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var samples = new CardSamples();
        string[] replies =
        [
            ChatReplies.Refusal(culture), ChatReplies.GroupDenied(culture), ChatReplies.UnknownReply(culture), ChatReplies.Greeting(culture), ChatReplies.Thanks(culture),
            ChatReplies.Subscribed(culture), ChatReplies.Unsubscribed(culture), ChatReplies.GraphUnavailable(culture),
            ChatReplies.LanguageChanged(culture), ChatReplies.ErrorReply("ref-42", culture),
            ChatReplies.PermissionMissing("DeviceManagementServiceConfig.Read.All", culture), ChatReplies.NoTokenNamed("Foo", culture),
            ChatReplies.Snoozed(7, culture), ChatReplies.ScopeChanged(AlertScope.CriticalOnly, turnedOn: false, culture),
            ChatReplies.ScopeChanged(AlertScope.All, turnedOn: false, culture), ChatReplies.ScopeChanged(AlertScope.All, turnedOn: true, culture),
            ChatReplies.WhichToken(samples.Evaluate(samples.Mixed()).Tokens, culture), ChatReplies.WhichToken(samples.Evaluate(samples.Healthy()).Tokens, culture),
        ];

        Assert.All(replies, r => Assert.False(string.IsNullOrWhiteSpace(r) || Placeholder().IsMatch(r), r));
        Assert.Equal(replies.Length, replies.Distinct().Count());
        Assert.Contains("ref-42", ChatReplies.ErrorReply("ref-42", culture));
        Assert.Contains("DeviceManagementServiceConfig.Read.All", ChatReplies.PermissionMissing("DeviceManagementServiceConfig.Read.All", culture));
        Assert.Contains(ChatText.Get("Example_Health", culture), ChatReplies.UnknownReply(culture));
        // Each scope reply names the phrase that switches to the other scope.
        Assert.Contains(ChatText.Get("Example_ScopeAll", culture), ChatReplies.ScopeChanged(AlertScope.CriticalOnly, turnedOn: false, culture));
        Assert.Contains(ChatText.Get("Example_ScopeCriticalOnly", culture), ChatReplies.ScopeChanged(AlertScope.All, turnedOn: true, culture));
        if (locale != "en-US") Assert.NotEqual(ChatReplies.UnknownReply(CultureInfo.GetCultureInfo("en-US")), ChatReplies.UnknownReply(culture));
    }

    [Theory]
    [InlineData("en-US", 1, "Snoozed for 1 day.")]
    [InlineData("en-US", 7, "Snoozed for 7 days.")]
    [InlineData("uk-UA", 1, "Відкладено на 1 день.")]
    [InlineData("uk-UA", 3, "Відкладено на 3 дні.")]
    [InlineData("uk-UA", 7, "Відкладено на 7 днів.")]
    [InlineData("fi-FI", 7, "Torkutettu 7 päiväksi.")]
    public void Counted_words_agree_with_the_number(string locale, int days, string expected) =>
        Assert.StartsWith(expected, ChatReplies.Snoozed(days, CultureInfo.GetCultureInfo(locale)), StringComparison.Ordinal);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
