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

        var analysis = InContext(_lexicon.Analyze(words));
        var intent = DeviceQuestion(text!, words, analysis) ?? FollowUpQuestion(words, analysis) ?? Decide(analysis);
        var confidence = intent.Kind == IntentKind.Unknown
            ? 0
            : Math.Max(Floor, intent.Confidence - PerForgivenTypo * analysis.ForgivenTypos);
        return intent with { LanguageOverride = LanguageOverride(analysis), Confidence = Math.Round(confidence, 2) };
    }

    private static bool NamesService(Analysis a) => a.Has(Cue.Ade) || a.Has(Cue.Apns) || a.Has(Cue.Vpp) || a.Has(Cue.DomainNoun);

    /// A sync is the tokens' sync: "sync is not working" is about them without saying "token".
    private static bool AboutTokens(Analysis a) => NamesService(a) || a.Has(Cue.TokenNoun) || a.Has(Cue.AppleService) || a.Has(Cue.Sync);

    /// Words whose meaning depends on the rest of the text: "оновити маркер" renews it, "оновити
    /// сторінку" refreshes a page.
    private static Analysis InContext(Analysis a)
    {
        if (!a.Has(Cue.RenewIfAboutTokens) || !AboutTokens(a)) return a;
        return a.With(a.Of(Cue.RenewIfAboutTokens).Select(h => h with { Sense = h.Sense with { Cue = Cue.Expiring } }));
    }

    private RecognizedIntent Decide(Analysis a)
    {
        var namesService = NamesService(a);
        var aboutTokens = AboutTokens(a);
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

        var (days, numbersUsed) = Days(a);
        if (a.Has(Cue.ErrorWord) && ErrorCode(a, numbersUsed) is { } code)
        {
            return new(IntentKind.ExplainError, ErrorCode: code, Confidence: Certain);
        }

        var explains = a.Has(Cue.ExplainWord);
        var asksWhichExpire = Asks(a) && (a.Has(Cue.Expired) || a.Has(Cue.Expiring));
        if (Topic(a, explains) is { } topic)
        {
            if (explains) return new(IntentKind.ExplainError, Topic: topic, Confidence: Certain);

            // A bare topic ("expired token", "what is access denied?", a problem line of a card
            // pasted back) asks what it means; a question about expiry ("is my token expired?",
            // "which expired?") is answered with the tokens, and so is whether there are problems
            // ("are there sync errors?", "ADE sync errors?", "onko ADE-synkronointivirheitä?").
            var asksWhetherAny = !asksWhichExpire && (OpensWithYesNo(a) || (topic == RemediationTopic.SyncError && namesService));
            if (asksWhetherAny) return new(IntentKind.Health, Confidence: Certain);

            var bare = !asksWhichExpire && days is null && !a.Has(Cue.CheckVerb) && !HasOutsidePhrases(a, Cue.HealthWord)
                && ContentWordsBesideName(a) <= 1;
            if (bare) return new(IntentKind.ExplainError, Topic: topic, Confidence: Likely);
        }

        var asksForOne = a.Has(Cue.DetailWord) || (a.Has(Cue.ShowWord) && aboutTokens);
        if (asksForOne && TokenName(a, numbersUsed) is { } name)
        {
            return new(IntentKind.TokenDetails, TokenName: name, Confidence: Likely);
        }

        var expiry = a.Has(Cue.Expiring) || a.Has(Cue.Expired);
        if (AsksDaysLeft(a, days) && (aboutTokens || expiry || a.Has(Cue.Remaining) || onlyKnownWords))
        {
            return new(IntentKind.ExpiringSoon, AsksDaysLeft: true, Confidence: Certain);
        }

        if (expiry && (aboutTokens || days is not null || a.Has(Cue.Soon) || Asks(a) || onlyKnownWords))
        {
            return new(IntentKind.ExpiringSoon, Days: days, Confidence: Certain);
        }

        if ((a.Has(Cue.HealthWord) && (aboutTokens || onlyKnownWords))
            || (a.Has(Cue.HealthAdjective) && aboutTokens)
            || (a.Has(Cue.CheckVerb) && (aboutTokens || onlyKnownWords)))
        {
            return new(IntentKind.Health, Confidence: Certain);
        }

        // "onko kaikki kunnossa?", "is everything ok?", "чи все норм?": in this chat, the tokens.
        if (a.Has(Cue.HealthAdjective) && OpensWithYesNo(a) && onlyKnownWords)
        {
            return new(IntentKind.Health, Confidence: Inferred);
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

    private static bool Asks(Analysis a) => a.Has(Cue.Question) || a.Has(Cue.YesNo);

    /// "are there…", "onko…", "чи є…": a yes/no question starts with its opener. In "token is
    /// invalid" (a card's line pasted back) the same word states a fact.
    private static bool OpensWithYesNo(Analysis a) =>
        a.Of(Cue.YesNo).Any(opener => Enumerable.Range(0, opener.Start).All(i => a.Hits.Any(h => h.Covers(i) && h.Sense.Cue is Cue.Filler or Cue.Greeting)));

    /// "how many days are left?", "montako päivää on jäljellä?", "скільки днів залишилось?", "how
    /// long until my token expires?": what remains of every token, not a window. With a count of
    /// days ("how many tokens expire in 30 days?") or "soon" it is a window after all, and the
    /// days since a sync are not an expiry.
    private static bool AsksDaysLeft(Analysis a, int? days) =>
        days is null && !a.Has(Cue.Soon) && !a.Has(Cue.Sync) && !a.Has(Cue.ErrorWord)
        && ((a.Has(Cue.HowMany) && (a.Has(Cue.DayUnit) || a.Has(Cue.Remaining))) || a.Has(Cue.HowLong));

    /// A cue read from a word of its own, not from a word inside a longer phrase of another cue:
    /// the "state" of "unexpected state" names a problem, it does not ask for the status.
    private static bool HasOutsidePhrases(Analysis a, Cue cue) =>
        a.Of(cue).Any(hit => !a.Hits.Any(p => p.Length > 1 && p.Sense.Cue != cue && p.Start <= hit.Start && hit.Start + hit.Length <= p.Start + p.Length));

    /// Unknown words, except those before a kind label (ADE, ABM, APNs, VPP…): "Contoso Schools
    /// (ASM): Never synced successfully" is a card's line about the token named before its kind.
    private static int ContentWordsBesideName(Analysis a)
    {
        var kindAt = a.Hits.Where(h => h.Sense.Cue is Cue.Ade or Cue.Apns or Cue.Vpp).Select(h => h.Start).DefaultIfEmpty(0).Min();
        return Enumerable.Range(kindAt, a.Words.Count - kindAt).Count(i => a.IsContent(i) && !a.Words[i].IsNumber);
    }

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
        var standsAlone = !aboutTokens && onlyKnownWords && !Asks(a) && !a.Has(Cue.CheckVerb)
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

    /// "14 days", "kahden viikon", "за місяць" (a week or month alone counts once). A day unit
    /// alone sets no window ("how many days are left?"), and "12 days ago" is a date, not a window.
    /// Returns the window and the positions of the numbers read as days, so that they are not
    /// also read as an error code.
    private static (int? Days, IReadOnlySet<int> NumbersUsed) Days(Analysis a)
    {
        HashSet<int> used = [];
        foreach (var unit in a.Hits.Where(h => h.Sense.Cue is Cue.DayUnit or Cue.WeekUnit or Cue.MonthUnit).OrderBy(h => h.Start))
        {
            var perUnit = unit.Sense.Cue switch { Cue.WeekUnit => 7, Cue.MonthUnit => 30, _ => 1 };
            // The number sits just before its unit, sometimes with one word between ("30 calendar days").
            var number = a.Of(Cue.Number)
                .Where(n => n.Start < unit.Start && unit.Start - n.Start <= 2)
                .OrderByDescending(n => n.Start)
                .FirstOrDefault();
            if (number is not null) used.Add(number.Start);
            if (a.Of(Cue.Ago).Any(ago => ago.Start == unit.Start + unit.Length)) continue;
            if (number is null && unit.Sense.Cue == Cue.DayUnit) continue;

            var count = number?.Sense.Number ?? 1;
            if (count is > 0 && (long)count * perUnit <= MaxDays) return (count * perUnit, used);
        }

        // "what expires in 14?": a bare number with an expiry word and no error word is a day count.
        if ((a.Has(Cue.Expiring) || a.Has(Cue.Expired)) && !a.Has(Cue.ErrorWord)
            && Digits(a).FirstOrDefault(n => !used.Contains(n.Start)) is { Sense.Number: > 0 and <= MaxDays } bare)
        {
            used.Add(bare.Start);
            return (bare.Sense.Number, used);
        }
        return (null, used);
    }

    /// The first number not read as days: digits anywhere ("error 3", "koodi 7"), or a number
    /// word right after an error word ("virhe kolme", "помилка три", "error code three").
    private static int? ErrorCode(Analysis a, IReadOnlySet<int> numbersUsed)
    {
        if (Digits(a).FirstOrDefault(n => !numbersUsed.Contains(n.Start)) is { } digits) return digits.Sense.Number;
        return a.Of(Cue.Number)
            .Where(n => !a.Words[n.Start].IsNumber && !numbersUsed.Contains(n.Start))
            .Where(n => a.Of(Cue.ErrorWord).Any(error => error.Start + error.Length == n.Start))
            .OrderBy(n => n.Start)
            .Select(n => (int?)n.Sense.Number)
            .FirstOrDefault();
    }

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
    private static string? TokenName(Analysis a, IReadOnlySet<int> numbersUsed)
    {
        List<string> name = [];
        var hasOwnWord = false;
        for (var i = 0; i < a.Words.Count; i++)
        {
            if (numbersUsed.Contains(i)) continue;
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
