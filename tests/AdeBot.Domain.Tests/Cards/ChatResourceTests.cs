using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Localization;

namespace AdeBot.Domain.Tests.Cards;

/// Guards Chat*.resx: every English key is in Finnish and Ukrainian (plural keys in the forms each
/// language needs), filled in, translated and with the same placeholders; the example questions
/// the cards suggest are understood by the recognizer in their own language.
public sealed partial class ChatResourceTests
{
    /// Words that may stay as they are in a translation: product names and identifiers.
    private static readonly string[] ProductNames = ["Apple ID", "AdeBot", "Intune", "Microsoft Graph", "ADE", "DEP", "APNs", "VPP", "ABM", "ASM"];

    public static TheoryData<string> Languages => ["fi", "uk"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_is_translated_with_the_same_placeholders(string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var english = Read(CultureInfo.InvariantCulture);
        var translated = Read(culture);
        List<string> problems = [];

        foreach (var (key, source) in english)
        {
            var expected = IsPlural(key)
                ? PluralRules.CategoriesOf(culture).Select(c => $"{Base(key)}_{c}")
                : [key];
            foreach (var wanted in expected)
            {
                if (!translated.TryGetValue(wanted, out var text) || string.IsNullOrWhiteSpace(text)) problems.Add($"{wanted}: missing");
                else if (!Placeholders(text).SetEquals(Placeholders(source))) problems.Add($"{wanted}: placeholders differ from English {key}");
                else if (english.ContainsValue(text) && HasWordsToTranslate(text)) problems.Add($"{wanted}: still English");
            }
        }

        var allowed = english.Keys.SelectMany(k => IsPlural(k) ? PluralRules.CategoriesOf(culture).Select(c => $"{Base(k)}_{c}") : [k]).ToHashSet();
        problems.AddRange(translated.Keys.Where(k => !allowed.Contains(k)).Select(k => $"{k}: not an English key or a {language} plural form"));
        Assert.Empty(problems);
    }

    [Fact]
    public void English_has_every_plural_form_it_needs()
    {
        var english = Read(CultureInfo.InvariantCulture);

        Assert.All(english.Keys.Where(IsPlural).Select(Base).Distinct(), key =>
            Assert.All(PluralRules.CategoriesOf(CultureInfo.GetCultureInfo("en")), c => Assert.True(english.ContainsKey($"{key}_{c}"), $"{key}_{c}")));
    }

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
            ChatReplies.Refusal(culture), ChatReplies.UnknownReply(culture), ChatReplies.Greeting(culture), ChatReplies.Thanks(culture),
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

    /// A text may read the same in another language only when nothing in it is a word to translate:
    /// placeholders, punctuation and product names ("{0} ({1})", "Apple ID").
    private static bool HasWordsToTranslate(string text)
    {
        var rest = Placeholder().Replace(text, "");
        foreach (var name in ProductNames) rest = rest.Replace(name, "", StringComparison.Ordinal);
        return rest.Any(char.IsLetter);
    }

    private static Dictionary<string, string> Read(CultureInfo culture) =>
        (ChatText.Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No {culture.Name} Chat resources."))
        .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    private static bool IsPlural(string key) => PluralSuffix().IsMatch(key);

    private static string Base(string key) => PluralSuffix().Replace(key, "");

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex("_(One|Few|Many|Other)$")]
    private static partial Regex PluralSuffix();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
