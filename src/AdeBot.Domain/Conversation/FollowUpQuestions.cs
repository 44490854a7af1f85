namespace AdeBot.Domain.Conversation;

/// Follow-ups: short messages that refer back to what the conversation is about ("and Tampere?",
/// "what about the VPP token?", "the second one", "that one", "why?", "how do I fix it?", "is it
/// fixed now?", "entä Tampere?", "miten korjaan sen?", "а Тампере?", "як це виправити?"). They are
/// read after device questions (a serial after "and" is a device) and before everything else,
/// and only when every word is a follow-up word, a word that may stand in a token's name, or one
/// of the few request words a follow-up uses: "and what expires soon?" is still a new question.
public sealed partial class IntentRecognizer
{
    /// A follow-up is short; a longer text is a question of its own.
    private const int MaxFollowUpWords = 8;

    /// The request words a follow-up may contain besides its own; any other cue makes it a new question.
    private static readonly HashSet<Cue> AllowedInFollowUps =
    [
        Cue.Filler, Cue.Ordinary, Cue.Question, Cue.YesNo, Cue.ExplainWord, Cue.ShowWord, Cue.Ade, Cue.Apns, Cue.Vpp,
        Cue.AppleService, Cue.TokenNoun, Cue.DomainNoun, Cue.HealthAdjective, Cue.Number,
    ];

    private readonly LexiconMatcher _followUpLexicon = new(FollowUpLexicon.Languages);

    private RecognizedIntent? FollowUpQuestion(IReadOnlyList<Word> words, Analysis a)
    {
        if (words.Count > MaxFollowUpWords) return null;
        var f = _followUpLexicon.Analyze(words);
        if (f.Hits.Count == 0) return null;

        bool InFollowUpWords(Hit hit) => f.Hits.Any(own => own.Start <= hit.Start && hit.Start + hit.Length <= own.Start + own.Length);
        if (a.Hits.Any(h => !AllowedInFollowUps.Contains(h.Sense.Cue) && !InFollowUpWords(h))) return null;

        var name = NameIn(a, f);
        var ordinal = f.Of(Cue.Number).Select(h => (int?)h.Sense.Number).FirstOrDefault();
        var opens = f.Of(Cue.FollowUpOpener).Any(h => h.Start == 0);
        var pronoun = f.Has(Cue.Pronoun);

        var askedFixed = f.Has(Cue.FixedWord) || ((pronoun || f.Has(Cue.NowWord)) && a.Has(Cue.HealthAdjective) && a.Has(Cue.YesNo));
        if (askedFixed) return FollowUp(FollowUpKind.IsFixed, name, ordinal);
        if (f.Has(Cue.FixWord) || f.Has(Cue.WhatToDo)) return FollowUp(FollowUpKind.HowToFix, name, ordinal);
        if (f.Has(Cue.WhyWord)) return FollowUp(FollowUpKind.Why, name, ordinal);

        // "the second one", "toinen", "другий", "and the last one?": a position in the last answer.
        if (ordinal is not null && name is null) return FollowUp(FollowUpKind.About, null, ordinal);
        if (opens && (name is not null || pronoun)) return FollowUp(FollowUpKind.About, name, null);
        // "that one", "tuo", "той": nothing but the pointing words.
        if (pronoun && name is null && !a.Has(Cue.YesNo) && !a.Has(Cue.Question)) return FollowUp(FollowUpKind.About, null, null);
        // "the school one": a description and "one" at the end.
        if (name is not null && f.Of(Cue.OneWord).Any(h => h.Start == words.Count - 1)) return FollowUp(FollowUpKind.About, name, null);
        return null;
    }

    private static RecognizedIntent FollowUp(FollowUpKind kind, string? name, int? ordinal) =>
        new(IntentKind.FollowUp, FollowUp: kind, TokenName: name, Ordinal: name is null ? ordinal : null, Confidence: Likely);

    /// The words that may name a token: those no lexicon knows ("Tampere", "Tailspin") and the
    /// kind words a name is made of ("VPP", "ABM", "push"), but not "token" or the follow-up's own
    /// words. Null when only kind-less request words are left.
    private static string? NameIn(Analysis a, Analysis f)
    {
        List<string> name = [];
        var named = false;
        for (var i = 0; i < a.Words.Count; i++)
        {
            if (f.Hits.Any(h => h.Covers(i))) continue;
            var kindWord = a.Hits.Any(h => h.Covers(i)) && a.Hits.Where(h => h.Covers(i)).All(h => h.Sense.Cue is Cue.Ade or Cue.Apns or Cue.Vpp);
            if (a.IsContent(i) || a.Words[i].IsNumber || kindWord)
            {
                named = true;
                name.Add(a.Words[i].Surface);
            }
        }
        return named ? string.Join(' ', name) : null;
    }
}

/// The words of follow-ups, per language. Ordinals are this lexicon's numbers (-1 is "the last"); "2nd" arrives as the words "2 nd".
internal static class FollowUpLexicon
{
    public static IReadOnlyList<LanguageLexicon> Languages { get; } = [English(), Finnish(), Ukrainian()];

    private static LanguageLexicon English() => new("en")
    {
        Cues = new Dictionary<Cue, string[]>
        {
            [Cue.FollowUpOpener] = ["and", "what about", "how about", "and what about", "and how about", "same for", "and for"],
            [Cue.Pronoun] = ["it", "that", "this", "that one", "this one", "them", "its"],
            [Cue.OneWord] = ["one"],
            [Cue.WhyWord] = ["why", "how come", "whats wrong with it", "what is wrong with it", "whats the reason", "what is the reason", "whats the problem", "what is the problem"],
            [Cue.FixWord] = ["fix", "fixing", "solve", "resolve", "repair", "sort out", "sort it out"],
            [Cue.WhatToDo] =
            [
                "what should i do", "what do i do", "what can i do", "what now", "what to do", "what do we do", "what should we do",
                "next steps", "what next", "what do i need to do",
            ],
            [Cue.FixedWord] = ["fixed", "resolved", "solved", "sorted", "gone", "did it work", "better now", "working again", "fixed now"],
            [Cue.NowWord] = ["now", "yet", "already", "again"],
        },
        Numbers = new Dictionary<string, int>
        {
            ["first"] = 1, ["1 st"] = 1, ["second"] = 2, ["2 nd"] = 2, ["third"] = 3, ["3 rd"] = 3, ["fourth"] = 4, ["4 th"] = 4,
            ["fifth"] = 5, ["5 th"] = 5, ["last"] = -1,
        },
        LanguageNames = new Dictionary<string, string[]>(),
    };

    private static LanguageLexicon Finnish() => new("fi")
    {
        Cues = new Dictionary<Cue, string[]>
        {
            [Cue.FollowUpOpener] = ["entä", "entäs", "entäpä", "mites", "mitäs", "entä sitten", "ja", "kuin myös", "samoin"],
            [Cue.Pronoun] = ["se", "sen", "sitä", "siihen", "sille", "siinä", "tuo", "tuon", "tuota", "tämä", "tämän", "tätä", "niistä"],
            [Cue.OneWord] = [],
            [Cue.WhyWord] = ["miksi", "miksi näin", "mistä johtuu", "mistä se johtuu", "mikä siinä on vikana", "mikä vika", "mikä on vikana"],
            [Cue.FixWord] = ["korjaan", "korjata", "korjataan", "korjaa", "korjaisin", "korjaamaan", "korjaus", "korjauksen", "ratkaisen", "ratkaista", "ratkaistaan"],
            [Cue.WhatToDo] =
            [
                "mitä teen", "mitä tehdä", "mitä tehdään", "mitä minun pitää tehdä", "mitä minun pitäisi tehdä", "mitä pitäisi tehdä",
                "mitä mun pitää tehdä", "mitä nyt", "mitä seuraavaksi", "mitä voin tehdä",
            ],
            [Cue.FixedWord] = ["korjattu", "korjaantui", "korjaantunut", "korjautui", "korjautunut", "ratkaistu", "ratkesi", "toimiiko nyt"],
            [Cue.NowWord] = ["nyt", "jo", "taas", "vihdoin"],
        },
        Numbers = new Dictionary<string, int>
        {
            ["ensimmäinen"] = 1, ["ensimmäistä"] = 1, ["ensimmäisen"] = 1, ["eka"] = 1, ["toinen"] = 2, ["toista"] = 2, ["toisen"] = 2,
            ["toka"] = 2, ["kolmas"] = 3, ["kolmatta"] = 3, ["kolmannen"] = 3, ["neljäs"] = 4, ["neljännen"] = 4, ["viides"] = 5,
            ["viidennen"] = 5, ["viimeinen"] = -1, ["viimeistä"] = -1, ["viimeisen"] = -1,
        },
        LanguageNames = new Dictionary<string, string[]>(),
    };

    private static LanguageLexicon Ukrainian() => new("uk")
    {
        Cues = new Dictionary<Cue, string[]>
        {
            [Cue.FollowUpOpener] = ["а", "а як щодо", "як щодо", "що з", "а що з", "а що із", "щодо", "і", "а ще"],
            [Cue.Pronoun] = ["це", "цей", "ця", "цього", "цю", "той", "та", "того", "ту", "його", "її", "він", "вона", "воно", "з ним", "з нею"],
            [Cue.OneWord] = [],
            [Cue.WhyWord] = ["чому", "чого", "з якої причини", "у чому причина", "в чому причина", "що з ним не так", "що не так"],
            [Cue.FixWord] = ["виправити", "виправ", "виправлю", "виправляти", "полагодити", "полагоджу", "усунути", "вирішити"],
            [Cue.WhatToDo] = ["що робити", "що мені робити", "що мені зробити", "що треба зробити", "що зробити", "що тепер", "що далі", "що потрібно зробити"],
            [Cue.FixedWord] = ["виправлено", "виправився", "виправилось", "виправилася", "виправлений", "полагоджено", "вирішено", "запрацював", "запрацювало"],
            [Cue.NowWord] = ["вже", "уже", "тепер", "зараз", "нарешті"],
        },
        Numbers = new Dictionary<string, int>
        {
            ["перший"] = 1, ["перша"] = 1, ["перше"] = 1, ["першого"] = 1, ["другий"] = 2, ["друга"] = 2, ["друге"] = 2, ["другого"] = 2,
            ["третій"] = 3, ["третя"] = 3, ["третє"] = 3, ["третього"] = 3, ["четвертий"] = 4, ["четверта"] = 4, ["п'ятий"] = 5,
            ["п'ята"] = 5, ["останній"] = -1, ["остання"] = -1, ["останнє"] = -1, ["останнього"] = -1,
        },
        LanguageNames = new Dictionary<string, string[]>(),
    };
}
