using AdeBot.Domain.Remediation;

namespace AdeBot.Domain.Conversation;

/// The words AdeBot understands, per language. Adding a phrasing is adding a word here; adding a
/// language is adding one LanguageLexicon to `Languages` (and its resources).
internal static class IntentLexicon
{
    public static IReadOnlyList<LanguageLexicon> Languages { get; } = [English(), Finnish(), Ukrainian()];

    public static IReadOnlyList<TopicRule> Topics { get; } =
    [
        new(RemediationTopic.ApnsExpired, [Cue.Expired, Cue.Apns]),
        new(RemediationTopic.ApnsExpiring, [Cue.Expiring, Cue.Apns], NeedsExplainWord: true),
        new(RemediationTopic.ApnsNotConfigured, [Cue.NotConfigured, Cue.Apns]),
        new(RemediationTopic.VppExpired, [Cue.Expired, Cue.Vpp]),
        new(RemediationTopic.VppExpiring, [Cue.Expiring, Cue.Vpp], NeedsExplainWord: true),
        new(RemediationTopic.VppInvalid, [Cue.Invalid, Cue.Vpp]),
        new(RemediationTopic.VppSyncFailed, [Cue.Sync, Cue.Failed, Cue.Vpp]),
        new(RemediationTopic.VppAssignedToExternalMdm, [Cue.External]),
        new(RemediationTopic.VppDuplicateLocation, [Cue.Duplicate]),
        new(RemediationTopic.VppUnexpectedState, [Cue.Unexpected]),
        new(RemediationTopic.PortalStatus, [Cue.PortalStatus]),
        new(RemediationTopic.TermsNotAccepted, [Cue.Terms]),
        new(RemediationTopic.AccessDenied, [Cue.Denied]),
        new(RemediationTopic.NeverSynced, [Cue.Never, Cue.Sync]),
        new(RemediationTopic.SyncStale, [Cue.Stale, Cue.Sync]),
        new(RemediationTopic.SyncError, [Cue.Failed, Cue.Sync]),
        new(RemediationTopic.SyncError, [Cue.ErrorWord, Cue.Sync]),
        new(RemediationTopic.SyncError, [Cue.ErrorWord], NeedsExplainWord: true),
        new(RemediationTopic.AdeExpired, [Cue.Expired]),
        new(RemediationTopic.AdeExpired, [Cue.Invalid]),
        new(RemediationTopic.AdeExpiring, [Cue.Expiring], NeedsExplainWord: true),
        new(RemediationTopic.AlertExplanation, [Cue.AlertNoun], NeedsExplainWord: true),
    ];

    private static LanguageLexicon English() => new("en")
    {
        Cues = new Dictionary<Cue, string[]>
        {
            [Cue.Filler] =
            [
                "a", "an", "the", "my", "our", "me", "i", "im", "you", "your", "am", "be", "been", "any", "of",
                "for", "in", "on", "at", "to", "with", "please", "pls", "plz", "now", "can", "could", "would", "will", "there", "it", "its", "this", "that", "these", "those", "how", "us", "we",
                "get", "give", "list", "anything", "something", "again", "still", "currently", "right",
                "today", "also", "and", "or", "so", "then", "bot", "adebot", "need", "needs", "doing", "going",
                "up", "out", "if", "whether", "from", "by", "some", "mine", "them", "they", "let", "know", "see", "want",
                "like", "should", "may", "might", "much", "many", "more", "tell", "tenant", "org", "whole", "both", "each",
                "looking", "look", "yet", "not", "accept", "accepted", "signed", "sign", "run", "ones",
                "successful", "successfully", "reports", "as", "until", "another", "other", "uses", "use", "used",
            ],
            [Cue.Ordinary] = ["finish", "finished", "expert", "taken", "wealthy", "stats", "total", "stake"],
            [Cue.Ade] =
            [
                "ade", "dep", "abm", "asm", "enroll*", "enrol*", "automated device enrollment", "business manager",
                "school manager", "apple business", "apple school", "program token", "program tokens",
            ],
            [Cue.Apns] = ["apns", "apn", "push", "push cert*", "mdm push"],
            [Cue.Vpp] = ["vpp", "apps and books", "location token*", "content token*"],
            [Cue.AppleService] = ["apple", "intune", "mdm"],
            [Cue.DomainNoun] = [],
            [Cue.TokenNoun] = ["token*", "cert", "certs", "certificate*", "connector*"],
            [Cue.HealthWord] = ["health", "status", "statuses", "problem*", "issue*", "wrong", "broken", "trouble", "overview", "state"],
            [Cue.HealthAdjective] =
            [
                "healthy", "ok", "okay", "fine", "good", "valid", "working", "work", "works", "alright",
                "all right", "in order", "up to date", "alive",
            ],
            [Cue.CheckVerb] = ["check*", "verify", "review", "scan", "inspect", "look at", "audit"],
            [Cue.Expiring] =
            [
                "expire", "expires", "expiring", "expiry", "expiration*", "run out", "runs out", "running out", "lapse",
                "lapses", "lapsing", "renew*", "due",
            ],
            [Cue.Expired] = ["expired", "ran out", "lapsed", "outdated", "past due"],
            [Cue.Soon] = ["soon", "upcoming", "next", "within", "coming", "shortly", "nearly", "about to"],
            [Cue.Question] = ["what", "whats", "which", "when", "who"],
            [Cue.YesNo] = ["is", "are", "do", "does", "did", "has", "have", "is there", "are there"],
            [Cue.HowMany] = ["how many"],
            [Cue.HowLong] = ["how long", "how much time"],
            [Cue.Remaining] = ["left", "remaining", "remain", "remains"],
            [Cue.Ago] = ["ago"],
            [Cue.DayUnit] = ["day", "days", "d"],
            [Cue.WeekUnit] = ["week", "weeks", "wk", "wks"],
            [Cue.MonthUnit] = ["month", "months"],
            [Cue.ErrorWord] = ["error*", "code", "codes", "err"],
            [Cue.ExplainWord] =
            [
                "mean", "means", "meaning", "explain*", "fix", "fixing", "solve",
                "resolve", "what to do", "what should", "how to", "how do", "how can", "why",
            ],
            [Cue.DetailWord] = ["detail*", "info", "information", "describe"],
            [Cue.ShowWord] = ["show", "about", "tell me about", "display", "open"],
            [Cue.Sync] = ["sync*", "synchron*"],
            [Cue.Stale] = ["stale", "old", "late", "stuck", "behind", "outdated", "not synced", "hasnt synced", "last successful sync*"],
            [Cue.Never] = ["never", "not yet"],
            [Cue.Terms] = ["terms", "conditions", "t c", "agreement", "license agreement"],
            [Cue.Denied] = ["denied", "access denied", "forbidden", "no access", "unauthorized"],
            [Cue.Invalid] = ["invalid", "not valid", "revoked", "corrupt*", "rejected"],
            [Cue.NotConfigured] = ["missing", "not configured", "not set up", "absent", "no push certificate", "unconfigured"],
            [Cue.External] = ["external", "another mdm", "other mdm", "different mdm"],
            [Cue.Duplicate] = ["duplicate*", "same location"],
            [Cue.Failed] = ["failed", "failing", "fails", "fail", "failure*"],
            [Cue.Unexpected] = ["unexpected", "unexpected state*", "unknown state*"],
            [Cue.PortalStatus] = ["tenant status", "connector status", "connector", "shows this connector as"],
            [Cue.Subscribe] =
            [
                "subscribe", "subscribed", "sign me up", "notify", "notify me", "keep me posted", "opt in", "remind me",
                "get alert*", "post alert*",
            ],
            [Cue.Unsubscribe] = ["unsubscribe", "unsubscribed", "mute", "opt out", "silence"],
            [Cue.AlertNoun] = ["alert*", "notification*", "reminder*", "warnings", "messages"],
            [Cue.Enable] = ["enable", "start", "turn on", "resume", "switch on", "send me"],
            [Cue.Disable] = ["stop", "disable", "turn off", "pause", "no more", "dont", "switch off", "cancel", "quit"],
            [Cue.Critical] = ["critical", "urgent", "severe", "serious"],
            [Cue.Only] = ["only", "just", "solely", "exclusively", "nothing but"],
            [Cue.Every] = ["all", "every", "everything"],
            [Cue.Help] =
            [
                "help", "what can you do", "what can i ask", "what can i say", "what do you do", "how do i use", "how does this work",
                "commands", "usage", "options", "menu", "can do", "how to ask",
            ],
            [Cue.Greeting] = ["hi", "hello", "hey", "hiya", "howdy", "greetings", "yo", "morning", "good morning", "good afternoon", "good evening"],
            [Cue.Thanks] = ["thanks", "thank you", "thank", "thx", "ty", "cheers", "much appreciated", "appreciate it"],
            [Cue.OffTopic] =
            [
                "weather", "joke*", "football", "soccer", "hockey", "game", "match", "news", "recipe*", "movie*", "song*",
                "appreciation", "gratitude", "lunch", "dinner", "stock*", "traffic", "horoscope",
            ],
        },
        Numbers = new Dictionary<string, int>
        {
            ["one"] = 1, ["a"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
            ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["fourteen"] = 14, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30,
            ["sixty"] = 60, ["ninety"] = 90,
        },
        LanguageNames = new Dictionary<string, string[]>
        {
            ["en"] = ["english", "in english"],
            ["fi"] = ["finnish", "in finnish", "suomi"],
            ["uk"] = ["ukrainian", "in ukrainian"],
        },
    };

    private static LanguageLexicon Finnish() => new("fi")
    {
        Cues = new Dictionary<Cue, string[]>
        {
            [Cue.Filler] =
            [
                "on", "ovat", "oli", "olla", "ja", "tai", "minun", "meidän", "mun", "jotain", "mitään", "nyt", "tänään", "vielä", "ole", "se", "ne", "tämä", "nämä", "kanssa",
                "mulle", "minulle", "meille", "voitko", "voisitko", "voisit", "jo", "myös", "vaan", "että",
                "jos", "kun", "olisi", "saanko", "haluan", "haluaisin", "tarvitsen", "pitää", "ko", "niiden",
                "sen", "yhtään", "jokin", "joku", "jotka", "hyväksytty", "hyväksy*", "mikään", "koko", "meillä", "minulla", "vuokraajan", "tenantin",
                "ei", "eivät", "asiat", "onnistunut", "onnistunutta", "onnistuneesti", "käytössä", "asti", "saakka", "toinen",
                "käyttää", "käyttävät", "mukaan",
            ],
            [Cue.Ordinary] = ["tunne", "tunnen", "tunnet", "kello", "kellon"],
            [Cue.Ade] =
            [
                "ade", "dep", "abm", "asm", "rekisteröin*", "laiterekisteröin*", "adetunnu*", "deptunnu*",
                "abmtunnu*", "asmtunnu*", "ohjelmatunnu*",
            ],
            [Cue.Apns] = ["apns", "apn", "push", "push-varmen*", "pushvarmen*", "apnsvarmen*"],
            [Cue.Vpp] = ["vpp", "vpptunnu*", "sijaintitunnu*", "sisältötunnu*", "apps and books"],
            [Cue.AppleService] = ["apple", "applen", "intune", "intunen", "mdm"],
            [Cue.DomainNoun] = ["tunnu*", "tunnuks*"],
            [Cue.TokenNoun] = ["token*", "varmen*", "sertifikaat*", "liitin", "liittimet", "liittimi*", "yhdistin*", "yhtey*"],
            [Cue.HealthWord] =
            [
                "tila", "tilan", "tilanne", "tilannetta", "tilanteen", "tilassa", "tilat", "terveys", "terveydentila*",
                "ongelm*", "vika", "vikoja", "viat", "yleiskatsau*", "katsaus", "tilannekatsau*",
            ],
            [Cue.HealthAdjective] =
            [
                "kunnossa*", "kunto", "kunnon", "ok", "okei", "toimi*", "voimassa", "kelvolli*", "terveitä", "terveet",
                "hyvässä", "hyvin", "rikki", "ajan tasalla", "pelaa",
            ],
            [Cue.CheckVerb] = ["tarkist*", "tsekkaa*", "tsekkaus", "katso", "katsoisitko", "selvitä", "varmista", "tutki"],
            [Cue.Expiring] =
            [
                "vanhene*", "vanhentuu", "vanhentuva*", "vanhentum*", "umpeutuu", "umpeutuva*", "umpeutum*", "erääntyy", "erääntyvä*",
                "erääntym*", "päättyy", "päättyvä*", "päättym*", "voimassaolo*", "uusimi*", "uusitta*", "uusia", "uusitaan", "loppuu",
                "loppuva*", "loppum*",
            ],
            [Cue.Expired] =
            [
                "vanhentun*", "vanhentuneet", "vanheni", "vanhentui", "umpeutun*", "umpeutui", "erääntyn*", "erääntyi", "päättynyt",
                "päättyneet", "päättyi", "loppunut", "loppui",
            ],
            [Cue.Soon] = ["pian", "lähiaikoina", "kohta", "seuraava*", "sisällä", "aikana", "ensi", "tulevan*", "tulevi*"],
            [Cue.Question] = ["mitkä", "mikä", "mitä", "milloin", "kuka", "ketkä"],
            [Cue.YesNo] = ["onko", "ovatko", "onkohan", "ovatkohan", "onkos", "toimiiko"],
            [Cue.HowMany] = ["montako", "kuinka monta", "monta", "paljonko", "kuinka paljon"],
            [Cue.HowLong] = ["kauanko", "kuinka kauan", "miten kauan", "kuinka pitkään", "miten pitkään"],
            [Cue.Remaining] = ["jäljellä", "jäljelle", "jäljellä olevat"],
            [Cue.Ago] = ["sitten"],
            [Cue.DayUnit] = ["päiv*", "pv", "vrk", "vuorokau*"],
            [Cue.WeekUnit] = ["viiko*", "viikk*", "vko", "vk"],
            [Cue.MonthUnit] = ["kuukau*", "kuukaud*", "kuussa", "kk"],
            // Compounds match by their first part, so the bot's own "synkronointivirhe" needs its own stems.
            [Cue.ErrorWord] = ["virhe*", "koodi*", "virheilmoitu*", "synkronointivirh*", "synkkavirh*", "synkvirh*"],
            [Cue.ExplainWord] =
            [
                "tarkoitta*", "tarkoitus", "merkitse*", "merkitys", "selitä", "selitys", "selit*", "korjaa*", "korjata",
                "korjaan", "ratkai*", "mitä tehdä", "mitä teen", "miten", "miten korjaan", "miten uusin", "miten uusitaan", "miksi",
            ],
            [Cue.DetailWord] = ["tiedot", "tietoja", "tietoa", "yksityiskoh*", "lisätie*"],
            [Cue.ShowWord] = ["näytä", "näyttää", "näyttäisitkö", "kerro", "kertoo", "avaa"],
            [Cue.Sync] = ["synkr*", "synkka*", "synkk*", "synkan*", "synkronoi*", "synkronointi*", "sync*"],
            [Cue.Stale] =
            [
                "vanha", "vanhentunut synkronointi", "myöhässä", "jumissa", "jäljessä", "ei synkronoitu", "ei ole synkronoitu",
                "viimeisin onnistunut synkronointi", "viimeisimmästä onnistuneesta synkronoinnista",
            ],
            [Cue.Never] = ["koskaan", "ei koskaan", "ei vielä", "ei yhtään onnistunutta"],
            [Cue.Terms] = ["ehdot", "ehtoja", "ehtojen", "ehto*", "käyttöehdo*", "sopimus*", "sopimuk*", "ehdo*"],
            [Cue.Denied] =
            [
                "evätty", "pääsy evätty", "kielletty", "ei käyttöoikeutta", "käyttö estetty", "epäsi", "epää*", "estetty", "estänyt",
                "esti", "ei pääsyä", "pääsy estetty",
            ],
            [Cue.Invalid] = ["virheellinen", "virheellinen tunnus", "ei kelvollinen", "kelvoton", "mitätön", "mitätöity", "peruttu"],
            [Cue.NotConfigured] = ["puuttuu", "puuttuva*", "ei määritetty", "määrittämättä", "ei ole määritetty", "asettamatta"],
            [Cue.External] = ["ulkoinen", "ulkoise*", "toinen mdm", "toisen mdm", "toisessa mdm", "toiseen mdm"],
            [Cue.Duplicate] = ["kaksoiskappale*", "kaksoi*", "sama* sijain*", "päällekkäi*"],
            [Cue.Failed] = ["epäonnistu*", "epäonnistui", "ei onnistu*", "kaatui", "virhe synkronoinnissa"],
            [Cue.Unexpected] = ["odottamat*", "odottamat* tila*"],
            [Cue.PortalStatus] = ["vuokraajan tila*", "liitinten tila*", "liittimen tila*", "liitin", "liittimen", "liittimelle"],
            [Cue.Subscribe] = ["tilaa", "tilaus", "tilata", "tilaan", "tilauk*", "ilmoita", "ilmoittele", "ilmoitathan"],
            [Cue.Unsubscribe] = ["peru tilaus", "peruuta tilaus", "lopeta tilaus", "hiljennä", "mykistä", "tilauksen peruminen"],
            [Cue.AlertNoun] = ["ilmoitu*", "hälyty*", "hälyttä*", "hälytä", "muistutu*", "varoitu*", "viestejä", "viestit"],
            [Cue.Enable] = ["ota käyttöön", "käyttöön", "käynnistä", "aloita", "kytke päälle", "laita päälle", "lähetä"],
            [Cue.Disable] = [
                "lopeta", "lopeta*", "lopettaa", "peru", "peruuta", "poista", "älä", "en halua", "ei enää", "kytke pois", "laita pois",
                "pois päältä", "käytöstä", "keskeytä",
            ],
            [Cue.Critical] = ["kriitti*", "kiireelli*", "vakav*"],
            [Cue.Only] = ["vain", "ainoastaan", "pelkästään", "pelkät", "pelkkiä", "pelkistä"],
            [Cue.Every] = ["kaikki", "kaikkia", "kaikkien", "kaikista", "kaikissa", "kaikesta", "jokaisesta"],
            [Cue.Help] =
            [
                "apua", "apu", "ohje*", "mitä osaat", "mitä voit tehdä", "mitä sinulta voi kysyä", "miten käytän", "komennot", "auta",
                "osaa", "miten siltä kysytään",
            ],
            [Cue.Greeting] = ["moi", "hei", "heippa", "terve", "moikka", "moro", "morjens", "huomenta", "hyvää huomenta", "hyvää päivää", "hyvää iltaa", "päivää"],
            [Cue.Thanks] = ["kiitos", "kiitti", "kiitoksia", "kiitokset", "kiitos paljon", "kiitän"],
            [Cue.OffTopic] =
            [
                "sää", "säätila", "sataa", "lämpötila", "vitsi*", "jääkiekko*", "jalkapallo*", "ottelu*", "voitti", "peli*",
                "uutiset", "uutisia", "resepti*", "elokuva*", "laulu*", "lounas", "lounaaksi", "osake*", "horoskooppi*",
            ],
        },
        Numbers = new Dictionary<string, int>
        {
            ["yksi"] = 1, ["yhden"] = 1, ["yhdessä"] = 1, ["yhdestä"] = 1, ["kaksi"] = 2, ["kahden"] = 2, ["kahdessa"] = 2, ["kolme"] = 3,
            ["kolmen"] = 3, ["kolmessa"] = 3, ["neljä"] = 4, ["neljän"] = 4, ["viisi"] = 5, ["viiden"] = 5, ["kuusi"] = 6,
            ["kuuden"] = 6, ["seitsemän"] = 7, ["kahdeksan"] = 8, ["yhdeksän"] = 9, ["kymmenen"] = 10,
            ["neljätoista"] = 14, ["neljäntoista"] = 14, ["viisitoista"] = 15, ["viidentoista"] = 15,
            ["kaksikymmentä"] = 20, ["kahdenkymmenen"] = 20, ["kolmekymmentä"] = 30, ["kolmenkymmenen"] = 30,
        },
        LanguageNames = new Dictionary<string, string[]>
        {
            ["en"] = ["englanniksi", "englanti", "englantia", "englannin kielellä"],
            ["fi"] = ["suomeksi", "suomea", "suomen kielellä"],
            ["uk"] = ["ukrainaksi", "ukrainan kielellä", "ukrainaa"],
        },
    };

    private static LanguageLexicon Ukrainian() => new("uk")
    {
        Cues = new Dictionary<Cue, string[]>
        {
            [Cue.Filler] =
            [
                "все", "усе", "з", "із", "зі", "мої", "мій", "моя", "моїх", "наші", "наших", "наш", "в",
                "у", "на", "для", "є", "будь", "ласка", "будь ласка", "зараз", "сьогодні", "ще", "та", "і", "й", "а",
                "або", "це", "ці", "цей", "мене", "мені", "нам", "нас", "за", "до", "від", "по", "ти", "ви", "можеш",
                "можете", "щось", "тут", "там", "вже", "потрібно", "треба", "хочу", "дай", "дайте", "скажи", "скажіть",
                "як", "наскільки", "наявні", "мають", "має", "буде", "будуть", "так", "тепер",
                "якщо", "тенанта", "тенанті", "організації", "ними", "них", "не", "прийнят*", "прийнято", "прийняли",
                "успішн*", "повідомляє", "повідомляють", "повідомила", "станом", "кінця", "інший", "інша", "інше", "використову*",
                "даними",
            ],
            [Cue.Ordinary] = [],
            [Cue.Ade] = ["ade", "dep", "abm", "asm", "реєстрац*", "автоматичн* реєстрац*", "dep-маркер*", "ade-маркер*"],
            [Cue.Apns] = ["apns", "apn", "push", "push-сертифікат*", "пуш*", "push сертифікат*"],
            [Cue.Vpp] = ["vpp", "vpp-маркер*", "маркер* розташування", "токен* розташування", "apps and books"],
            [Cue.AppleService] = ["apple", "епл", "еппл", "intune", "інтюн", "mdm"],
            [Cue.DomainNoun] = ["маркер*"],
            [Cue.TokenNoun] = ["токен*", "сертифікат*", "конектор*", "з'єднувач*"],
            [Cue.HealthWord] = ["стан*", "статус*", "проблем*", "здоров'я", "справність", "огляд"],
            [Cue.HealthAdjective] =
            [
                "гаразд", "справн*", "працю*", "дійсн*", "норм*", "ок", "окей", "добре", "в порядку", "актуальн*", "живі",
            ],
            [Cue.CheckVerb] = ["перевір*", "перевiр*", "глянь*", "подивись", "подивіться", "переглянь*", "проскануй"],
            [Cue.Expiring] =
            [
                "сплива*", "спливе", "спливу*", "закінчу*", "закінчит*", "мина*", "термін дії", "терміну дії", "поновлен*",
                "продовжи*", "строк дії", "понов*", "згорит*", "згорят*",
            ],
            [Cue.Expired] =
            [
                "сплив", "спливла", "спливло", "спливли", "закінчив*", "закінчил*", "простроч*", "минув", "минула", "згорів", "згоріла",
                "згоріли",
            ],
            // "Оновити" renews a token but also refreshes a page or data.
            [Cue.RenewIfAboutTokens] = ["онов*"],
            [Cue.Soon] = ["незабаром", "скоро", "найближч*", "протягом", "наступн*", "впродовж"],
            [Cue.Question] = ["що", "які", "який", "яка", "коли", "котрі", "хто"],
            [Cue.YesNo] = ["чи", "чи є"],
            [Cue.HowMany] = ["скільки"],
            [Cue.HowLong] = ["як довго", "скільки часу", "на скільки"],
            [Cue.Remaining] = ["залиш*", "лишил*", "лиша*", "зостал*"],
            [Cue.Ago] = ["тому"],
            [Cue.DayUnit] = ["дн*", "день", "доба", "доби", "добу", "діб"],
            [Cue.WeekUnit] = ["тижд*", "тижн*"],
            [Cue.MonthUnit] = ["місяц*", "місяць"],
            [Cue.ErrorWord] = ["помилк*", "код", "коду", "кодом", "коди", "кодів"],
            [Cue.ExplainWord] =
            [
                "означа*", "значить", "значення", "поясн*", "що таке", "що робити", "виправ*", "як виправити", "усун*",
                "вирішит*", "чому", "як понов*", "як продовжити",
            ],
            [Cue.DetailWord] = ["детал*", "подробиц*", "інформац*", "відомості"],
            [Cue.ShowWord] = ["покаж*", "показ*", "розкаж*", "про", "відкрий"],
            [Cue.Sync] = ["синхрон*"],
            [Cue.Stale] =
            [
                "застар*", "давн*", "завис*", "не синхронізувався", "не синхронізовано", "відстає", "остання успішна синхронізац*",
                "останньої успішної синхронізац*",
            ],
            [Cue.Never] = ["ніколи", "ще не", "жодного разу", "жодної успішної"],
            [Cue.Terms] = ["умов*", "угод*", "правила"],
            [Cue.Denied] = ["відмовлено", "доступ заборонено", "заборон*", "немає доступу", "відмова в доступі", "відмовил*", "відмова*", "відмовлен*"],
            [Cue.Invalid] = ["недійсн*", "анульован*", "відкликан*", "пошкоджен*"],
            [Cue.NotConfigured] = ["відсутн*", "не налаштован*", "не налаштовано", "немає"],
            [Cue.External] = ["зовнішн*", "інш* mdm", "інш* систем* mdm"],
            [Cue.Duplicate] = ["дубл*", "дублікат*", "те саме розташування"],
            [Cue.Failed] = ["не вдал*", "невдал*", "збій", "збою", "збої", "помилкою"],
            [Cue.Unexpected] = ["неочікуван*", "неочікуван* стан*"],
            [Cue.PortalStatus] = ["стан клієнта", "стан з'єднувач*", "з'єднувач*"],
            [Cue.Subscribe] = ["підпис*", "підпиш*", "сповіщай", "повідомляй", "надсилай"],
            [Cue.Unsubscribe] = ["відпис*", "відпиш*", "вимкни сповіщення", "заглуши*"],
            [Cue.AlertNoun] = ["сповіщ*", "попереджен*", "нагадуван*", "алерт*", "повідомлен*"],
            [Cue.Enable] = ["увімкн*", "вмика*", "вмикн*", "включ*", "запусти", "почни", "активуй", "отримува*"],
            [Cue.Disable] = ["вимкн*", "вимика*", "зупин*", "припин*", "не надсилай", "не хочу", "не треба", "скасу*", "більше не", "досить", "відключ*"],
            [Cue.Critical] = ["критичн*", "термінов*", "серйозн*"],
            [Cue.Only] = ["лише", "лиш", "тільки", "виключно"],
            [Cue.Every] = ["всі", "усі", "всіх", "усіх", "всіма", "усіма"],
            [Cue.Help] =
            [
                "допомог*", "довідк*", "що ти вмієш", "що вмієш", "вміє", "що ти можеш", "команд*", "як користуватися", "допоможи",
                "як до нього звертатися",
            ],
            [Cue.Greeting] = ["привіт", "вітаю", "добрий день", "доброго дня", "добрий ранок", "доброго ранку", "добрий вечір", "здрастуйте", "здоровенькі були", "хай", "агов"],
            [Cue.Thanks] = ["дякую", "дяку*", "спасибі", "дяка", "щиро дякую"],
            [Cue.OffTopic] =
            [
                "погод*", "жарт*", "анекдот*", "футбол*", "хокей*", "матч*", "новин*", "рецепт*", "фільм*", "пісн*",
                "обід*", "акці*", "гороскоп*", "виграв",
            ],
        },
        Numbers = new Dictionary<string, int>
        {
            ["один"] = 1, ["одного"] = 1, ["одну"] = 1, ["два"] = 2, ["двох"] = 2, ["дві"] = 2, ["три"] = 3, ["трьох"] = 3,
            ["чотири"] = 4, ["чотирьох"] = 4, ["п'ять"] = 5, ["п'яти"] = 5, ["шість"] = 6, ["шести"] = 6, ["сім"] = 7,
            ["семи"] = 7, ["вісім"] = 8, ["восьми"] = 8, ["дев'ять"] = 9, ["дев'яти"] = 9, ["десять"] = 10,
            ["десяти"] = 10, ["чотирнадцять"] = 14, ["чотирнадцяти"] = 14, ["п'ятнадцять"] = 15, ["п'ятнадцяти"] = 15,
            ["двадцять"] = 20, ["двадцяти"] = 20, ["тридцять"] = 30, ["тридцяти"] = 30,
        },
        LanguageNames = new Dictionary<string, string[]>
        {
            ["en"] = ["англійськ*", "англ"],
            ["fi"] = ["фінськ*", "по-фінськи"],
            ["uk"] = ["українськ*", "по-українськи", "українською мовою"],
        },
    };
}
