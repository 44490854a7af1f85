using AdeBot.Domain.Devices;

namespace AdeBot.Domain.Conversation;

/// Questions about one device: "why isn't C02ZP4MNQR13 enrolling?", "serial C02ZP4MNQR13",
/// "laite C02ZP4MNQR13 on jumissa", "чому пристрій C02ZP4MNQR13 не реєструється?", a serial on
/// its own; and the same questions without a serial ("my iPad is stuck on Remote Management"),
/// which get asked for one. They are read before anything else, because their words ("enroll",
/// "rekisteröinti", "реєстрація") also name the ADE service that token questions are about.
public sealed partial class IntentRecognizer
{
    private readonly LexiconMatcher _deviceLexicon = new(DeviceLexicon.Languages);

    private RecognizedIntent? DeviceQuestion(string text, IReadOnlyList<Word> words, Analysis a)
    {
        var d = _deviceLexicon.Analyze(words);
        var deviceNoun = d.Of(Cue.DeviceNoun).Any(h => !NamesTheService(h, a, d));
        var namesDevice = deviceNoun || d.Has(Cue.SerialWord);
        var asksAboutDevice = namesDevice || d.Has(Cue.SetupScreen) || d.Has(Cue.EnrollVerb);
        // "details ABM2024HEL01", "token NORTHWIND2026": a token's name can look like a serial.
        var aboutTokens = a.Has(Cue.TokenNoun) || a.Has(Cue.DomainNoun) || a.Has(Cue.DetailWord) || a.Has(Cue.Apns) || a.Has(Cue.Vpp);

        var serials = SerialNumbers.FindIn(text);
        if (serials.Count > 0)
        {
            if (aboutTokens && !namesDevice) return null;
            var certain = asksAboutDevice || OnlySerial(text, serials[0]);
            return new(IntentKind.DeviceDiagnosis, SerialNumber: serials[0], Confidence: certain ? Certain : Likely);
        }

        // An IMEI on its own is someone trying to name a device.
        if (SerialNumbers.LooksLikeImei(text)) return new(IntentKind.DeviceDiagnosis, NotSerial: text.Trim(), Confidence: Likely);

        // Without a serial, "enroll" alone is as likely about the service ("how many fail to enroll?").
        if (!(namesDevice || d.Has(Cue.SetupScreen)) || aboutTokens || (a.Has(Cue.OffTopic) && !namesDevice)) return null;
        var nearMiss = SerialNumbers.NearMissesIn(text).FirstOrDefault();
        return new(IntentKind.DeviceDiagnosis, NotSerial: nearMiss, Confidence: namesDevice ? Certain : Likely);
    }

    private static bool OnlySerial(string text, string serial) =>
        string.Equals(new string([.. text.Where(char.IsLetterOrDigit)]), serial, StringComparison.OrdinalIgnoreCase);

    /// "device enrollment", "laitteiden rekisteröinti", "реєстрація пристроїв" name the ADE
    /// service, not a device: a device noun next to a service word that is not a verb.
    private static bool NamesTheService(Hit noun, Analysis a, Analysis d)
    {
        bool IsServiceWord(int position) =>
            position >= 0 && position < a.Words.Count
            && a.Of(Cue.Ade).Any(h => h.Covers(position))
            && !d.Of(Cue.EnrollVerb).Any(h => h.Covers(position));
        return IsServiceWord(noun.Start - 1) || IsServiceWord(noun.Start + noun.Length);
    }
}

/// The words of device questions, per language, kept apart from the token lexicon so that a
/// device word never changes what a token question means.
internal static class DeviceLexicon
{
    public static IReadOnlyList<LanguageLexicon> Languages { get; } = [English(), Finnish(), Ukrainian()];

    private static LanguageLexicon English() => new("en")
    {
        Cues = new Dictionary<Cue, string[]>
        {
            // Plurals are about devices in general ("how many devices fail?"), not about one device.
            [Cue.Ordinary] = ["devices", "ipads", "iphones", "macs", "phones", "laptops", "table", "tables"],
            [Cue.DeviceNoun] = ["device", "ipad", "iphone", "ipod", "mac", "macbook", "imac", "mac mini", "laptop", "phone", "apple tv", "computer"],
            [Cue.SerialWord] = ["serial", "serial number", "serialnumber", "serial no", "sn", "s n"],
            [Cue.SetupScreen] =
            [
                "awaiting configuration", "awaiting final configuration", "final configuration", "remote management",
                "setup assistant", "setup screen",
            ],
            [Cue.EnrollVerb] = ["enroll", "enrol", "enrolling", "enrolled", "enrolls", "enrols"],
        },
        Numbers = new Dictionary<string, int>(),
        LanguageNames = new Dictionary<string, string[]>(),
    };

    private static LanguageLexicon Finnish() => new("fi")
    {
        Cues = new Dictionary<Cue, string[]>
        {
            [Cue.Ordinary] = ["laitteiden", "laitteita"],
            [Cue.DeviceNoun] =
            [
                "laite", "laitteen", "laitetta", "laitteeni", "laitteesi", "laitteelle", "laitteella", "laitteessa", "laitteesta",
                "laitteeseen", "laitteemme", "ipadi*", "ipadin", "ipadia", "iphonen*", "iphonea", "macin*", "macia", "macbookin*",
                "puhelin", "puhelimen*", "puhelinta", "puhelimeni", "kone", "koneen", "koneeni", "tietokone*", "läppäri*", "kannettava*",
            ],
            [Cue.SerialWord] = ["sarjanumero*", "sarjanro"],
            [Cue.SetupScreen] = ["etähallin*", "käyttöönottoapuri*", "lopullista määritystä", "lopullisen määrityksen", "odottaa määritystä"],
            [Cue.EnrollVerb] = ["rekisteröid*", "rekisteröity*", "rekisteröi", "rekisteröitiin"],
        },
        Numbers = new Dictionary<string, int>(),
        LanguageNames = new Dictionary<string, string[]>(),
    };

    private static LanguageLexicon Ukrainian() => new("uk")
    {
        Cues = new Dictionary<Cue, string[]>
        {
            // The genitive plural is the service's name: "автоматична реєстрація пристроїв".
            [Cue.Ordinary] = ["пристроїв", "пристроям"],
            [Cue.DeviceNoun] =
            [
                "пристрій", "пристрою", "пристроєм", "пристрої", "айпад*", "айфон*", "мак", "маку", "макбук*", "ноутбук*", "телефон*",
                "смартфон*", "комп'ютер*",
            ],
            [Cue.SerialWord] = ["серійн*", "серійник*"],
            [Cue.SetupScreen] =
            [
                "віддален* керуван*", "асистент* налаштуван*", "остаточн* конфігурац*", "очікуван* конфігурац*", "очікує конфігурац*",
            ],
            [Cue.EnrollVerb] = ["реєструє*", "зареєстру*", "реєструва*", "реєструюся", "реєструється"],
        },
        Numbers = new Dictionary<string, int>(),
        LanguageNames = new Dictionary<string, string[]>(),
    };
}
