using System.Globalization;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;

namespace AdeBot.Domain.Conversation;

/// Reads what a chat message asks for. Deterministic: the words are data (IntentLexicon), the
/// rules below combine their cues the same way for every language, in a fixed order of precedence.
public sealed partial class IntentRecognizer
{
    private const double Certain = 0.9;
    private const double Likely = 0.75;
    private const double Inferred = 0.6;
    private const double PerForgivenTypo = 0.1;
    private const double Floor = 0.3;
    private const int MaxDays = 3650;

    private readonly LexiconMatcher _lexicon = new(IntentLexicon.Languages);
    private readonly IReadOnlyList<TopicRule> _topics = IntentLexicon.Topics;

    public RecognizedIntent Recognize(string? text)
    {
        var words = TextNormalizer.Words(text ?? string.Empty);
        if (words.Count == 0) return RecognizedIntent.Unknown;

        var analysis = _lexicon.Analyze(words);
        var intent = DeviceQuestion(text!, words, analysis) ?? Decide(analysis);
        var confidence = intent.Kind == IntentKind.Unknown
            ? 0
            : Math.Max(Floor, intent.Confidence - PerForgivenTypo * analysis.ForgivenTypos);
        return intent with { LanguageOverride = LanguageOverride(analysis), Confidence = Math.Round(confidence, 2) };
    }

    private RecognizedIntent Decide(Analysis a)
    {
        var namesService = a.Has(Cue.Ade) || a.Has(Cue.Apns) || a.Has(Cue.Vpp) || a.Has(Cue.DomainNoun);
        var aboutTokens = namesService || a.Has(Cue.TokenNoun) || a.Has(Cue.AppleService);
        var onlyKnownWords = a.ContentWords == 0;

        // "What's the weather" must never turn into a health answer, even with a stray "status" in it.
        if (a.Has(Cue.OffTopic) && !namesService) return RecognizedIntent.Unknown;

        if (ScopeChoice(a, aboutTokens, onlyKnownWords) is { } scope) return scope;

        if (a.Has(Cue.Unsubscribe) || (a.Has(Cue.Disable) && (a.Has(Cue.Subscribe) || a.Has(Cue.AlertNoun))))
        {
            return new(IntentKind.Unsubscribe, Confidence: Certain);
        }
        if (a.Has(Cue.Subscribe) || (a.Has(Cue.Enable) && a.Has(Cue.AlertNoun)))
        {
            return new(IntentKind.Subscribe, Confidence: Certain);
        }

        var (days, daysAt) = Days(a);
        if (a.Has(Cue.ErrorWord) && ErrorCode(a, daysAt) is { } code)
        {
            return new(IntentKind.ExplainError, ErrorCode: code, Confidence: Certain);
        }

        var explains = a.Has(Cue.ExplainWord);
        if (Topic(a, explains) is { } topic)
        {
            if (explains) return new(IntentKind.ExplainError, Topic: topic, Confidence: Certain);

            // A bare topic ("expired token", "what is access denied?") asks what it means; a question
            // about expiry ("is my token expired?", "which expired?") is answered with the tokens.
            var asksWhichExpire = a.Has(Cue.Question) && (a.Has(Cue.Expired) || a.Has(Cue.Expiring));
            var bare = !asksWhichExpire && days is null && !a.Has(Cue.CheckVerb) && !a.Has(Cue.HealthWord) && a.ContentWords <= 1;
            if (bare) return new(IntentKind.ExplainError, Topic: topic, Confidence: Likely);
        }

        var asksForOne = a.Has(Cue.DetailWord) || (a.Has(Cue.ShowWord) && aboutTokens);
        if (asksForOne && TokenName(a, daysAt) is { } name)
        {
            return new(IntentKind.TokenDetails, TokenName: name, Confidence: Likely);
        }

        if ((a.Has(Cue.Expiring) || a.Has(Cue.Expired))
            && (aboutTokens || days is not null || a.Has(Cue.Soon) || a.Has(Cue.Question) || onlyKnownWords))
        {
            return new(IntentKind.ExpiringSoon, Days: days, Confidence: Certain);
        }

        if ((a.Has(Cue.HealthWord) && (aboutTokens || onlyKnownWords))
            || (a.Has(Cue.HealthAdjective) && aboutTokens)
            || (a.Has(Cue.CheckVerb) && (aboutTokens || onlyKnownWords)))
        {
            return new(IntentKind.Health, Confidence: Certain);
        }

        // "ADE tokens?", "näytä tunnukset": naming the service is asking about it.
        if (namesService || (a.Has(Cue.AppleService) && a.Has(Cue.TokenNoun)))
        {
            return new(IntentKind.Health, Confidence: Inferred);
        }

        // "details", "näytä tiedot", "деталі" without a name: the command picked from Teams' command
        // list, asking which token. Naming the service asked about all of them above.
        if (a.Has(Cue.DetailWord) && !ThanksFirst(a, Cue.DetailWord))
        {
            return new(IntentKind.TokenDetails, Confidence: Likely);
        }

        if (a.Has(Cue.Help) && !ThanksFirst(a, Cue.Help))
        {
            return new(IntentKind.Help, Confidence: Certain);
        }
        if (a.Has(Cue.Language)) return new(IntentKind.SetLanguage, Confidence: Certain);
        if (a.Has(Cue.Thanks)) return new(IntentKind.Thanks, Confidence: Certain);
        if (a.Has(Cue.Greeting)) return new(IntentKind.Greeting, Confidence: Certain);
        return RecognizedIntent.Unknown;
    }

    private static int First(Analysis a, Cue cue) => a.Of(cue).Min(h => h.Start);

    /// "thanks for the help" thanks; "help, thanks" asks for help.
    private static bool ThanksFirst(Analysis a, Cue cue) => a.Has(Cue.Thanks) && First(a, Cue.Thanks) < First(a, cue);

    /// "only critical alerts", "ilmoita vain kriittisistä", "усі сповіщення", "all problems". A scope
    /// is about alerts ("alerts", "notify", "send me") or stands alone ("only critical", "all
    /// problems"); "show me only critical ADE tokens" and "check all problems" ask about the tokens.
    /// "Only critical" wins over a stop word ("no more warnings, only critical ones"); "all" does not
    /// ("stop all alerts" unsubscribes) and needs alerts or problems to be all of, so "remind me
    /// when all tokens expire" stays a plain subscribe.
    private static RecognizedIntent? ScopeChoice(Analysis a, bool aboutTokens, bool onlyKnownWords)
    {
        var aboutAlerts = a.Has(Cue.AlertNoun) || a.Has(Cue.Subscribe) || a.Has(Cue.Enable);
        var standsAlone = !aboutTokens && onlyKnownWords && !a.Has(Cue.Question) && !a.Has(Cue.CheckVerb)
            && !a.Has(Cue.DetailWord) && !a.Has(Cue.ExplainWord) && !a.Has(Cue.Expiring) && !a.Has(Cue.Expired);
        var confidence = aboutAlerts ? Certain : Likely;

        if (a.Has(Cue.Only) && a.Has(Cue.Critical) && (aboutAlerts || standsAlone))
        {
            return new(IntentKind.SetAlertScope, Scope: AlertScope.CriticalOnly, Confidence: confidence);
        }

        var stops = a.Has(Cue.Unsubscribe) || a.Has(Cue.Disable);
        // "show all problems" lists them; "tell me only about critical ones" (ShowWord "about") is still a choice.
        if (a.Has(Cue.Every) && (a.Has(Cue.AlertNoun) || a.Has(Cue.HealthWord)) && !stops
            && (aboutAlerts || (standsAlone && !a.Has(Cue.ShowWord))))
        {
            return new(IntentKind.SetAlertScope, Scope: AlertScope.All, Confidence: confidence);
        }
        return null;
    }

    private static CultureInfo? LanguageOverride(Analysis a) =>
        a.Of(Cue.Language).OrderBy(h => h.Start).LastOrDefault() is { Sense.Language: { } language }
            ? SupportedCultures.Resolve(language)
            : null;

    /// "14 days", "kahden viikon", "за місяць" (a unit alone counts once). Returns the window and
    /// the position of the number it used, so that number is not also read as an error code.
    private static (int? Days, int? NumberAt) Days(Analysis a)
    {
        foreach (var unit in a.Hits.Where(h => h.Sense.Cue is Cue.DayUnit or Cue.WeekUnit or Cue.MonthUnit).OrderBy(h => h.Start))
        {
            var perUnit = unit.Sense.Cue switch { Cue.WeekUnit => 7, Cue.MonthUnit => 30, _ => 1 };
            // The number sits just before its unit, sometimes with one word between ("30 calendar days").
            var number = a.Of(Cue.Number)
                .Where(n => n.Start < unit.Start && unit.Start - n.Start <= 2)
                .OrderByDescending(n => n.Start)
                .FirstOrDefault();
            var count = number?.Sense.Number ?? 1;
            if (count is > 0 && (long)count * perUnit <= MaxDays) return (count * perUnit, number?.Start);
        }

        // "what expires in 14?": a bare number with an expiry word and no error word is a day count.
        if ((a.Has(Cue.Expiring) || a.Has(Cue.Expired)) && !a.Has(Cue.ErrorWord)
            && Digits(a).FirstOrDefault() is { Sense.Number: > 0 and <= MaxDays } bare)
        {
            return (bare.Sense.Number, bare.Start);
        }
        return (null, null);
    }

    private static int? ErrorCode(Analysis a, int? usedForDays) =>
        Digits(a).FirstOrDefault(n => n.Start != usedForDays) is { } hit ? hit.Sense.Number : null;

    private static IEnumerable<Hit> Digits(Analysis a) =>
        a.Of(Cue.Number).Where(h => a.Words[h.Start].IsNumber).OrderBy(h => h.Start);

    /// The most specific topic rule whose cues are all present.
    private RemediationTopic? Topic(Analysis a, bool explains) =>
        _topics
            .Where(rule => (explains || !rule.NeedsExplainWord) && rule.Requires.All(a.Has))
            .Select((rule, index) => (rule, index))
            .OrderByDescending(x => x.rule.Requires.Length)
            .ThenBy(x => x.index)
            .Select(x => (RemediationTopic?)x.rule.Topic)
            .FirstOrDefault();

    /// The words of a "details for X" request that are not request words: unknown words, digits,
    /// and service names next to them ("Contoso ABM"). Null when only request words are left
    /// ("show my ADE tokens" is a health question, not a token named "ADE").
    private static string? TokenName(Analysis a, int? usedForDays)
    {
        List<string> name = [];
        var hasOwnWord = false;
        for (var i = 0; i < a.Words.Count; i++)
        {
            if (i == usedForDays) continue;
            if (a.IsContent(i) || a.Words[i].IsNumber)
            {
                hasOwnWord = true;
                name.Add(a.Words[i].Surface);
            }
            else if (a.Hits.Where(h => h.Covers(i)).All(h => h.Sense.Cue is Cue.Ade or Cue.Apns or Cue.Vpp or Cue.AppleService))
            {
                name.Add(a.Words[i].Surface);
            }
        }
        return hasOwnWord ? string.Join(' ', name) : null;
    }
}
