using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tests.Cards;
using AdeBot.Domain.Tests.Health;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Tests.Conversation;

/// The bot understands its own words: every phrase it shows as an example (help and welcome cards,
/// short replies, the Teams command list and app description) is recognized as what it advertises,
/// and every line it writes about a problem, pasted back, is read as a question about that problem.
public sealed partial class OwnWordsTests
{
    private static readonly IntentRecognizer Recognizer = new();

    /// Sync error 3 means terms not accepted by default; 9 is mapped to access denied here so that
    /// the tenant below has every problem the evaluator knows.
    private static readonly HealthRulesOptions Rules = new() { KnownSyncErrorCodes = { [3] = "termsNotAccepted", [9] = "accessDenied" } };

    private static readonly RemediationCatalog Catalog = new(Rules);

    public static TheoryData<string> Locales => [.. CardSamples.Cultures.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Locales))]
    public void Every_example_on_the_help_card_asks_for_its_topic(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var card = new CardSamples().Composer.ComposeHelp(new CardContext(culture));

        var examples = ExamplesByTopic(card, culture);

        Assert.Equal(["Health", "Expiring", "Details", "Devices", "Explain", "Alerts", "Language"], examples.Keys.Select(title => TopicKey(title, culture)));
        Assert.All(examples, topic => Assert.All(topic.Value, example => Assert.Contains(Recognizer.Recognize(example).Kind, Advertised(TopicKey(topic.Key, culture)))));
        // The channel note's example is what to type after the mention.
        var note = Assert.Single(CardJson.Texts(card), text => text.Contains("@AdeBot ", StringComparison.Ordinal));
        Assert.Equal(IntentKind.Health, Recognizer.Recognize(note[(note.IndexOf("@AdeBot ", StringComparison.Ordinal) + "@AdeBot ".Length)..]).Kind);
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Every_example_on_the_welcome_card_asks_for_its_topic(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var card = new CardSamples().Composer.ComposeWelcome(new CardContext(culture), subscribed: true, AlertScope.All);

        var examples = ExamplesByTopic(card, culture);

        Assert.Equal(["Health", "Expiring", "Devices", "Explain"], examples.Keys.Select(title => TopicKey(title, culture)));
        Assert.All(examples, topic => Assert.All(topic.Value, example => Assert.Contains(Recognizer.Recognize(example).Kind, Advertised(TopicKey(topic.Key, culture)))));
    }

    /// The short replies that tell the user what to type, and what each quoted phrase must do
    /// (null: the phrase is not an example, such as the name that was not found).
    [Theory]
    [MemberData(nameof(Locales))]
    public void Every_phrase_a_reply_suggests_does_what_the_reply_says(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);
        var samples = new CardSamples();
        (string Reply, IntentKind?[] Phrases)[] replies =
        [
            (ChatReplies.UnknownReply(culture), [IntentKind.Health, IntentKind.ExpiringSoon, IntentKind.Help]),
            (ChatReplies.Greeting(culture), [IntentKind.Health, IntentKind.Help]),
            (ChatReplies.Unsubscribed(culture), [IntentKind.Subscribe]),
            (ChatReplies.ScopeChanged(AlertScope.CriticalOnly, turnedOn: false, culture), [IntentKind.SetAlertScope]),
            (ChatReplies.ScopeChanged(AlertScope.All, turnedOn: false, culture), [IntentKind.SetAlertScope]),
            (ChatReplies.NoTokenNamed("Litware", culture), [null, IntentKind.Health]),
            (ChatReplies.WhichToken(samples.Evaluate(samples.Mixed()).Tokens, culture), [IntentKind.TokenDetails, IntentKind.TokenDetails]),
        ];

        Assert.All(replies, r => Assert.Equal(r.Phrases, Quoted(r.Reply, culture).Select((phrase, i) => r.Phrases[i] is null ? null : (IntentKind?)Recognizer.Recognize(phrase).Kind)));
    }

    /// The Teams command list, in the order of manifest.json (its titles are fixed by the package
    /// tests): each title and each description asks for its command, in every scope and language.
    /// A placeholder ("details &lt;token name&gt;") is typed as a name.
    [Theory]
    [InlineData("manifest.json")]
    [InlineData("fi.json")]
    [InlineData("uk.json")]
    public void Every_command_of_the_teams_command_list_asks_for_its_command(string file)
    {
        IntentKind[] commands =
        [
            IntentKind.Health, IntentKind.ExpiringSoon, IntentKind.TokenDetails, IntentKind.ExplainError,
            IntentKind.Subscribe, IntentKind.Unsubscribe, IntentKind.Help, IntentKind.SetAlertScope,
        ];

        var texts = CommandTexts(file).ToList();

        Assert.Equal(3 * commands.Length * 2, texts.Count);
        Assert.All(texts, t =>
        {
            var intent = Recognizer.Recognize(Placeholder().Replace(t.Text, "Contoso ABM"));
            Assert.True(intent.Kind == commands[t.Command], $"{file}: \"{t.Text}\" reads as {intent.Kind}, not {commands[t.Command]}");
            // Read from its own words, not inferred from a keyword or through a forgiven typo.
            Assert.True(intent.Confidence >= 0.75, $"{file}: \"{t.Text}\" is understood only with confidence {intent.Confidence}");
            if (commands[t.Command] == IntentKind.SetAlertScope) Assert.Equal(AlertScope.CriticalOnly, intent.Scope);
        });
    }

    /// The examples in the app's description in the Teams store (its second paragraph, on how to ask):
    /// a health question and an error code.
    [Theory]
    [InlineData("manifest.json", "\"", "\"")]
    [InlineData("fi.json", "”", "”")]
    [InlineData("uk.json", "«", "»")]
    public void The_examples_in_the_app_description_are_understood(string file, string open, string close)
    {
        var description = Manifest(file) is var json && file == "manifest.json"
            ? json.GetProperty("description").GetProperty("full").GetString()!
            : json.GetProperty("description.full").GetString()!;

        List<string> examples = [.. Between(description.Split("\n\n")[1], open, close)];

        Assert.Equal([IntentKind.Health, IntentKind.ExplainError], examples.Select(e => Recognizer.Recognize(e).Kind));
    }

    /// Every problem the evaluator can find, as the alert card writes it ("Name (KIND): summary"):
    /// pasted back, it asks what that problem means, or for expiry, which tokens expire, this one included.
    [Theory]
    [MemberData(nameof(Locales))]
    public void Every_alert_line_pasted_back_asks_about_its_problem(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);

        var lines = EveryProblem().Select(p => (p.Token, p.Problem,
            Line: ChatText.Format("Alert_Token", culture, Catalog.DisplayName(p.Token, culture), Catalog.KindLabel(p.Token), Catalog.Summarize(p.Problem, p.Token, culture)))).ToList();

        Assert.All(lines, l => AsksAbout(l.Line, l.Token, l.Problem));
    }

    /// A token card and the details card write the problem line under the token's name and kind;
    /// alone it does not say the kind, and reads as about an ADE token, the bot's main subject.
    [Theory]
    [MemberData(nameof(Locales))]
    public void Every_problem_line_of_an_ade_token_pasted_back_asks_about_its_problem(string locale)
    {
        var culture = CultureInfo.GetCultureInfo(locale);

        var lines = EveryProblem().Where(p => p.Token.Kind == TokenKind.Ade).Select(p => (p.Token, p.Problem, Line: Catalog.Summarize(p.Problem, p.Token, culture))).ToList();

        Assert.NotEmpty(lines);
        Assert.All(lines, l => AsksAbout(l.Line, l.Token, l.Problem));
    }

    [Fact]
    public void The_tenant_below_has_every_problem_the_evaluator_knows()
    {
        List<RemediationTopic> topics = [.. EveryProblem().Select(p => Catalog.TopicFor(p.Token, p.Problem)).Distinct()];

        // Device verdicts and the devices-without-profile finding are not problems of a token.
        Assert.Equal(Enum.GetValues<RemediationTopic>().Where(t => t != RemediationTopic.AlertExplanation && !t.ToString().StartsWith("Device", StringComparison.Ordinal)).Order(), topics.Order());
        Assert.Contains(EveryProblem(), p => p.Token.Kind == TokenKind.Apns && p.Problem.DaysLeft <= -HealthEvaluator.ApnsGracePeriodDays);
    }

    private static void AsksAbout(string line, TokenHealth token, Problem problem)
    {
        var intent = Recognizer.Recognize(line);
        var topic = Catalog.TopicFor(token, problem);
        var understood = intent switch
        {
            { Kind: IntentKind.ExplainError, Topic: { } explained } => explained == topic,
            { Kind: IntentKind.ExplainError, ErrorCode: > 0 and var code } => Catalog.TopicForSyncErrorCode(code) == topic,
            // An expiry list that shows the token: expired ones always are, expiring ones within the window.
            { Kind: IntentKind.ExpiringSoon, AsksDaysLeft: false, Days: var days } when problem.Code is ProblemCode.Expired or ProblemCode.ExpiringSoon =>
                problem.Code == ProblemCode.Expired || problem.DaysLeft <= (days ?? Rules.ExpiryWarningDays),
            _ => false,
        };
        Assert.True(understood, $"\"{line}\" reads as {intent}, not as a question about {topic}");
    }

    /// Four tenants (a tenant has one push certificate) whose tokens between them have every problem.
    private static IEnumerable<(TokenHealth Token, Problem Problem)> EveryProblem()
    {
        var day = TimeSpan.FromDays(1);
        TenantSnapshot[] tenants =
        [
            TokenScenarios.Snapshot(
                ade:
                [
                    TokenScenarios.Ade("Contoso Schools", expiresIn: -12 * day, program: AppleProgram.SchoolManager),
                    TokenScenarios.Ade("Contoso ABM", expiresIn: 5 * day),
                    TokenScenarios.Ade("Fabrikam Terms", errorCode: 3),
                    TokenScenarios.Ade("Fabrikam Denied", errorCode: 9),
                    TokenScenarios.Ade("Fabrikam Error", errorCode: 7),
                    TokenScenarios.Ade("Northwind Stale", lastSyncAgo: TimeSpan.FromHours(30)),
                    TokenScenarios.Ade("Northwind Old", lastSyncAgo: TimeSpan.FromDays(4)),
                    TokenScenarios.Ade("Litware New", neverSynced: true),
                ],
                vpp:
                [
                    TokenScenarios.Vpp("Contoso VPP", expiresIn: -12 * day, state: "expired"),
                    TokenScenarios.Vpp("Schools VPP", expiresIn: 5 * day),
                    TokenScenarios.Vpp("Invalid VPP", state: "invalid"),
                    TokenScenarios.Vpp("Claimed VPP", state: "assignedToExternalMDM"),
                    TokenScenarios.Vpp("Twin VPP", state: "duplicateLocationId"),
                    TokenScenarios.Vpp("Marked VPP", state: "expired"),
                    TokenScenarios.Vpp("Odd VPP", state: "retired"),
                    TokenScenarios.Vpp("Failing VPP", lastSyncStatus: "failed"),
                ],
                apns: TokenScenarios.Apns(20 * day)),
            TokenScenarios.Snapshot(apns: TokenScenarios.Apns(-12 * day)),
            TokenScenarios.Snapshot(apns: TokenScenarios.Apns(-45 * day)),
            TokenScenarios.Snapshot(apnsMissing: true),
            TokenScenarios.Snapshot(ade: [TokenScenarios.Ade("Portal Unhealthy")]) with { PortalConnectors = [new(TokenKind.Ade, "ade-Portal Unhealthy", PortalHealth.Unhealthy)] },
            TokenScenarios.Snapshot(ade: [TokenScenarios.Ade("Portal Warning")]) with { PortalConnectors = [new(TokenKind.Ade, "ade-Portal Warning", PortalHealth.Warning)] },
        ];
        return tenants.Select(t => TokenScenarios.Evaluate(t, Rules)).SelectMany(h => h.Tokens).SelectMany(token => token.Problems.Select(problem => (token, problem)));
    }

    private static IReadOnlyList<IntentKind> Advertised(string topic) => topic switch
    {
        "Health" => [IntentKind.Health],
        "Expiring" => [IntentKind.ExpiringSoon],
        "Details" => [IntentKind.TokenDetails],
        "Devices" => [IntentKind.DeviceDiagnosis],
        "Explain" => [IntentKind.ExplainError],
        "Alerts" => [IntentKind.Subscribe, IntentKind.Unsubscribe, IntentKind.SetAlertScope],
        "Language" => [IntentKind.SetLanguage],
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, "Not a help topic."),
    };

    /// The Help_Topic_{key} resource whose text is the title.
    private static string TopicKey(string title, CultureInfo culture) =>
        new[] { "Health", "Expiring", "Details", "Devices", "Explain", "Alerts", "Language" }.Single(key => ChatText.Get($"Help_Topic_{key}", culture) == title);

    /// The examples fact set of a card: topic title → the quoted examples.
    private static Dictionary<string, List<string>> ExamplesByTopic(AdaptiveCard card, CultureInfo culture) =>
        CardJson.OfType(card, "FactSet")
            .SelectMany(set => set.GetProperty("facts").EnumerateArray())
            .Where(fact => Quoted(fact.GetProperty("value").GetString()!, culture).Any())
            .ToDictionary(fact => fact.GetProperty("title").GetString()!, fact => Quoted(fact.GetProperty("value").GetString()!, culture).ToList());

    /// The phrases of a text in the culture's quotation marks (Quoted: “…”, ”…”, «…»).
    private static IEnumerable<string> Quoted(string text, CultureInfo culture)
    {
        var marks = ChatText.Get("Quoted", culture).Split("{0}");
        return Between(text, marks[0], marks[1]);
    }

    private static IEnumerable<string> Between(string text, string open, string close) =>
        Regex.Matches(text, $"{Regex.Escape(open)}(.+?){Regex.Escape(close)}").Select(m => m.Groups[1].Value);

    private static IEnumerable<(int Command, string Text)> CommandTexts(string file)
    {
        var json = Manifest(file);
        if (file == "manifest.json")
        {
            return json.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
                .SelectMany(list => list.GetProperty("commands").EnumerateArray().Select((command, i) => (i, command)))
                .SelectMany(c => new[] { (c.i, c.command.GetProperty("title").GetString()!), (c.i, c.command.GetProperty("description").GetString()!) });
        }
        return json.EnumerateObject()
            .Select(property => (Match: CommandKey().Match(property.Name), Text: property.Value.GetString()!))
            .Where(p => p.Match.Success)
            .Select(p => (int.Parse(p.Match.Groups[1].Value, CultureInfo.InvariantCulture), p.Text));
    }

    private static JsonElement Manifest(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "manifest", file))).RootElement;

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^bots\[0\]\.commandLists\[\d+\]\.commands\[(\d+)\]\.(title|description)$")]
    private static partial Regex CommandKey();
}
