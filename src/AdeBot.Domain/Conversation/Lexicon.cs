using AdeBot.Domain.Remediation;

namespace AdeBot.Domain.Conversation;

/// What a word tells the recognizer. The words behind each cue are data (IntentLexicon); the
/// recognizer combines cues into intents the same way for every language.
internal enum Cue
{
    /// Carries no meaning for the intent (articles, pronouns, "please", "onko", "чи").
    Filler,
    /// A real word that a typo rule would otherwise read as a keyword ("finish" is not "Finnish").
    /// It blocks the fuzzy match and still counts as content.
    Ordinary,

    // What the text is about. Any of these is a domain signal.
    Ade,
    Apns,
    Vpp,
    AppleService,
    /// The token nouns that only mean our tokens in this chat: tunnus, маркер.
    DomainNoun,
    /// "token", "certificate": too common to count as a domain signal on their own.
    TokenNoun,

    /// Asks for the state and can stand alone: "status", "health", "tilanne", "стан".
    HealthWord,
    /// Describes a state and needs a token or domain word: "healthy", "ok", "kunnossa", "гаразд".
    HealthAdjective,
    CheckVerb,

    Expiring,
    Expired,
    /// Renews a token when the text is about tokens, refreshes anything else: uk "оновити".
    RenewIfAboutTokens,
    Soon,
    /// A question word: "what", "which", "mikä", "що".
    Question,
    /// Opens a yes/no question: "is", "are", "onko", "чи". "Are there sync errors?" asks about the
    /// tokens; "what is a sync error?" asks what it means.
    YesNo,
    /// "how many", "montako", "скільки": with a day unit or "left" it asks how long each token has.
    HowMany,
    /// "how long", "kuinka kauan", "як довго": asks how long each token has.
    HowLong,
    /// "left", "jäljellä", "залишилось".
    Remaining,
    /// After a count of days: "12 days ago" is when something happened, not a window.
    Ago,
    DayUnit,
    WeekUnit,
    MonthUnit,
    Number,

    ErrorWord,
    ExplainWord,
    /// Asks for one token's details on its own: "details", "tiedot", "деталі". Without a name (the
    /// command as Teams' command list sends it) it asks which token.
    DetailWord,
    /// "show", "kerro", "покажи": asks for one token only when the text also says it is a token
    /// ("show token X", "tell me about X ABM"); otherwise "show me a cat" would look for a cat.
    ShowWord,

    // The remediation topics beyond expiry.
    Sync,
    Stale,
    Never,
    Terms,
    Denied,
    Invalid,
    NotConfigured,
    External,
    Duplicate,
    Failed,
    Unexpected,
    /// Intune's own roll-up: "tenant status", "connector status".
    PortalStatus,

    Subscribe,
    Unsubscribe,
    AlertNoun,
    Enable,
    Disable,
    /// The alert scope: "critical", "only", "all". Together with an alert word they choose which
    /// findings a conversation hears about ("only critical alerts", "all alerts").
    Critical,
    Only,
    Every,

    Help,
    Greeting,
    Thanks,
    Language,
    /// Chatter AdeBot does not handle (weather, jokes, sport); it vetoes an answer unless the
    /// text also names an Apple service.
    OffTopic,

    // Device questions (DeviceLexicon): a device named by its kind, its serial number, the
    // Setup Assistant screens it hangs on, or the verb "enroll" about one device.
    DeviceNoun,
    SerialWord,
    SetupScreen,
    EnrollVerb,

    // Follow-ups (FollowUpLexicon): what refers back to the conversation's subject.
    /// "and …?", "what about", "entä", "а": asks the same about another subject.
    FollowUpOpener,
    /// "it", "that one", "se", "tuo", "це", "той": the subject already talked about.
    Pronoun,
    /// "one" after a description: "the school one".
    OneWord,
    WhyWord,
    FixWord,
    /// "what should I do?", "mitä teen?", "що робити?": how to fix it, without the word "fix".
    WhatToDo,
    /// "fixed", "korjattu", "виправлено": asks whether the problem is gone.
    FixedWord,
    /// "now", "nyt", "вже": with a state word ("is it ok now?") asks whether it got better.
    NowWord,
}

/// One language's words. An entry is a word ("status"), a stem ending in '*' ("tunnu*" for tunnus,
/// tunnukset, tunnuksia) or a phrase of such words ("turn off"); phrases match in order, single
/// words anywhere. Entries are written as people spell them and folded on load.
internal sealed record LanguageLexicon(string Name)
{
    public required IReadOnlyDictionary<Cue, string[]> Cues { get; init; }

    /// Number words up to the day counts people ask about ("two weeks", "kahden viikon", "два тижні").
    public required IReadOnlyDictionary<string, int> Numbers { get; init; }

    /// Language names in this language, by the culture they select ("en", "fi", "uk").
    public required IReadOnlyDictionary<string, string[]> LanguageNames { get; init; }
}

/// A remediation topic and the cues that ask about it. The most specific rule whose cues are all
/// present wins ("expired" + "push certificate" is ApnsExpired, "expired" alone AdeExpired). Rules
/// that need an explain word would otherwise steal plain questions ("what expires soon?").
internal sealed record TopicRule(RemediationTopic Topic, Cue[] Requires, bool NeedsExplainWord = false);
