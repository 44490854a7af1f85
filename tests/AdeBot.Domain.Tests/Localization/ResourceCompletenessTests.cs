using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Localization;

namespace AdeBot.Domain.Tests.Localization;

/// Guards the translations: every English string exists, is filled in and is actually translated
/// in Finnish and Ukrainian; placeholders and bold portal labels survive translation unchanged.
public sealed partial class ResourceCompletenessTests
{
    /// Words that may stay as they are in a translation: product names and identifiers.
    private static readonly string[] ProductNames = ["Apple ID", "AdeBot", "Intune", "Microsoft Graph", "ADE", "DEP", "APNs", "VPP", "ABM", "ASM"];

    private const string Chat = "Chat";

    /// Misspellings seen in Microsoft's machine-translated alert that must never reach our texts.
    private static readonly string[] KnownMistakes = ["Inune", "АБМ", "АНМ", "docs.microsoft.com"];

    public static TheoryData<string, string> TranslatedFiles => new()
    {
        { nameof(Texts.Remediation), "fi" },
        { nameof(Texts.Remediation), "uk" },
        { nameof(Texts.Text), "fi" },
        { nameof(Texts.Text), "uk" },
        { Chat, "fi" },
        { Chat, "uk" },
    };

    [Theory]
    [MemberData(nameof(TranslatedFiles))]
    public void Every_english_string_is_present_non_empty_and_translated(string file, string language)
    {
        var (english, translated, culture) = Load(file, language);
        var problems = new List<string>();

        foreach (var (key, value) in english.Where(kv => !IsPluralKey(kv.Key)))
        {
            if (!translated.TryGetValue(key, out var text)) problems.Add($"{key}: missing");
            else if (string.IsNullOrWhiteSpace(text)) problems.Add($"{key}: empty");
            else if (english.ContainsValue(text) && !MayMatchEnglish(text)) problems.Add($"{key}: still English");
        }

        foreach (var group in PluralGroups(english))
        {
            foreach (var category in PluralRules.CategoriesOf(culture))
            {
                var key = $"{group}_{category}";
                if (!translated.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text)) problems.Add($"{key}: missing plural form");
                else if (english.ContainsValue(text) && !MayMatchEnglish(text)) problems.Add($"{key}: still English");
            }
        }

        var expectedKeys = english.Keys.Where(k => !IsPluralKey(k))
            .Concat(PluralGroups(english).SelectMany(g => PluralRules.CategoriesOf(culture).Select(c => $"{g}_{c}")));
        problems.AddRange(translated.Keys.Except(expectedKeys).Select(k => $"{k}: not in English or not a plural form of {language}"));

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(nameof(Texts.Text))]
    [InlineData(Chat)]
    public void English_defines_the_plural_forms_it_needs(string file)
    {
        var english = Load(file, "en").English;

        Assert.NotEmpty(PluralGroups(english));
        Assert.All(PluralGroups(english), group => Assert.All(
            PluralRules.CategoriesOf(CultureInfo.GetCultureInfo("en")),
            category => Assert.False(string.IsNullOrWhiteSpace(english.GetValueOrDefault($"{group}_{category}")), $"{group}_{category}")));
    }

    [Theory]
    [MemberData(nameof(TranslatedFiles))]
    public void Placeholders_match_english(string file, string language)
    {
        var (english, translated, _) = Load(file, language);

        foreach (var (key, text) in translated)
        {
            var source = english.GetValueOrDefault(key) ?? english[$"{PluralBase(key)}_{PluralCategory.Other}"];
            Assert.True(Placeholders(source).SetEquals(Placeholders(text)), $"{file}.{language} {key}: {{…}} differ from English");
        }
    }

    [Theory]
    [MemberData(nameof(TranslatedFiles))]
    public void Bold_portal_labels_stay_exactly_as_in_english(string file, string language)
    {
        var (english, translated, _) = Load(file, language);

        foreach (var (key, value) in english.Where(kv => translated.ContainsKey(kv.Key)))
        {
            Assert.Equal(BoldLabels(value), BoldLabels(translated[key]));
        }
    }

    [Theory]
    [MemberData(nameof(TranslatedFiles))]
    public void Known_machine_translation_mistakes_are_absent(string file, string language)
    {
        var translated = Load(file, language).Translated;

        Assert.All(translated, kv => Assert.All(KnownMistakes, mistake => Assert.DoesNotContain(mistake, kv.Value, StringComparison.Ordinal)));
    }

    [Fact]
    public void Seed_terminology_is_used()
    {
        var finnish = string.Join(' ', Load(nameof(Texts.Remediation), "fi").Translated.Values);
        var ukrainian = string.Join(' ', Load(nameof(Texts.Remediation), "uk").Translated.Values);

        Assert.Contains("ADE/DEP-tunnus", finnish);
        Assert.Contains("rekisteröin", finnish);
        Assert.Matches(@"[Мм]аркер\w* ADE/DEP", ukrainian);
        Assert.Contains("реєстрац", ukrainian);
        Assert.All((string[])["(ABM)", "(ASM)"], abbreviation => Assert.Contains(abbreviation, finnish));
        Assert.Contains("Apple Business Manager (ABM)", ukrainian);
        Assert.Contains("Apple School Manager (ASM)", ukrainian);
    }

    /// Wordings the language review retired, and the term each gave way to: Apple's and Microsoft's
    /// current names, one Finnish verb for uploading to Intune (download stays plain "lataa"),
    /// "Apple-yhteydet" for the whole group, which "Apple-tunnukset" (Apple ID sign-ins) misnamed,
    /// and in Ukrainian a term that expires ("термін дії спливає"), never the token itself.
    public static TheoryData<string, string, string> RetiredTerms => new()
    {
        { "en", "Managed Apple ID", "Managed Apple Account" },
        { "fi", "hallittu Apple ID", "hallittu Apple-tili" },
        { "fi", "ylläpitäjä", "järjestelmänvalvoja" },
        { "fi", "järjestelmänvalvojan hyväksyn", "järjestelmänvalvojan suostumuksen" },
        { "fi", "lähetä se Intuneen", "lataa se Intuneen" },
        { "fi", "lataamisen jälkeen", "ladattu Intuneen" },
        { "fi", "Apple-tunnu", "Apple-yhteyksien" },
        { "fi", "uusimisaika", "lisäaika" },
        { "uk", "керований Apple ID", "керований обліковий запис Apple" },
        { "uk", "застосун", "програм" },
        { "uk", "маркери, що спливають", "термін дії яких спливає" },
        { "uk", "не спливає протягом", "не спливає термін дії" },
        { "uk", "зламан", "збій синхронізації" },
        { "uk", "зламаєт", "збій синхронізації" },
    };

    [Theory]
    [MemberData(nameof(RetiredTerms))]
    public void Retired_wordings_gave_way_to_the_settled_term(string language, string retired, string settled)
    {
        var texts = new[] { nameof(Texts.Remediation), nameof(Texts.Text), Chat }
            .SelectMany(file => language == "en" ? Load(file, "fi").English.Values : Load(file, language).Translated.Values)
            .ToList();

        Assert.DoesNotContain(texts, text => text.Contains(retired, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(texts, text => text.Contains(settled, StringComparison.Ordinal));
    }

    private static (Dictionary<string, string> English, Dictionary<string, string> Translated, CultureInfo Culture) Load(string file, string language)
    {
        var manager = file switch
        {
            nameof(Texts.Remediation) => Texts.Remediation,
            nameof(Texts.Text) => Texts.Text,
            Chat => ChatText.Resources,
            _ => throw new ArgumentOutOfRangeException(nameof(file), file, "Unknown resource file."),
        };
        var culture = CultureInfo.GetCultureInfo(language);
        return (Read(manager, CultureInfo.InvariantCulture), Read(manager, culture), culture);
    }

    private static Dictionary<string, string> Read(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No {culture.Name} resources for {manager.BaseName}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    /// A text may read the same as English only when nothing in it is a word to translate:
    /// placeholders, punctuation and product names ("{0} ({1})", "Apple ID").
    private static bool MayMatchEnglish(string text)
    {
        var rest = Placeholder().Replace(text, "");
        foreach (var name in ProductNames) rest = rest.Replace(name, "", StringComparison.Ordinal);
        return !rest.Any(char.IsLetter);
    }

    private static bool IsPluralKey(string key) => PluralSuffix().IsMatch(key);

    private static string PluralBase(string key) => PluralSuffix().Replace(key, "");

    private static IEnumerable<string> PluralGroups(Dictionary<string, string> resources) =>
        resources.Keys.Where(IsPluralKey).Select(PluralBase).Distinct();

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static List<string> BoldLabels(string text) => [.. Bold().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex("_(One|Few|Many|Other)$")]
    private static partial Regex PluralSuffix();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\*\*[^*]+\*\*")]
    private static partial Regex Bold();
}
