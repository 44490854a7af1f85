using System.Globalization;

namespace AdeBot.Domain.Conversation;

/// What one lexicon entry means: a cue, plus the value of a number word or the culture a
/// language name selects.
internal readonly record struct Sense(Cue Cue, int Number = 0, string? Language = null);

/// One word of an entry: a whole word, or a stem ("tunnu*") that any word starting with it matches.
internal sealed record WordPattern(string Text, bool IsStem)
{
    public static WordPattern Parse(string raw)
    {
        var isStem = raw.EndsWith('*');
        return new WordPattern(TextNormalizer.Fold(isStem ? raw[..^1] : raw), isStem);
    }

    public bool IsExactly(string word) => IsStem ? word.StartsWith(Text, StringComparison.Ordinal) : word == Text;

    /// 0 for a match as written, the number of typos forgiven, or null when the word is not this.
    public int? Distance(string word)
    {
        if (IsExactly(word)) return 0;

        var allowed = EditDistance.Allowed(Math.Min(Text.Length, word.Length));
        if (allowed == 0) return null;

        if (!IsStem)
        {
            if (Math.Abs(Text.Length - word.Length) > allowed) return null;
            var distance = EditDistance.Within(Text, word, allowed);
            return distance <= allowed ? distance : null;
        }

        // A stem is compared with the word's beginnings of about its own length, so inflected
        // endings cost nothing and only the typo inside the stem counts.
        int? best = null;
        for (var length = Math.Max(1, Text.Length - allowed); length <= Math.Min(word.Length, Text.Length + allowed); length++)
        {
            var distance = EditDistance.Within(Text, word.AsSpan(0, length), allowed);
            if (distance <= allowed && (best is null || distance < best)) best = distance;
        }
        return best;
    }
}

internal sealed record LexiconEntry(IReadOnlyList<WordPattern> Words, Sense Sense);

/// A lexicon entry found in the text at words [Start, Start + Length).
internal sealed record Hit(int Start, int Length, Sense Sense, int Distance)
{
    public bool Covers(int position) => position >= Start && position < Start + Length;
}

/// Every language's entries, folded once, matched against a text's words.
internal sealed class LexiconMatcher
{
    private readonly IReadOnlyList<LexiconEntry> _singleWords;
    private readonly IReadOnlyList<LexiconEntry> _phrases;

    public LexiconMatcher(IEnumerable<LanguageLexicon> languages)
    {
        List<LexiconEntry> entries = [.. EntriesOf(languages)];
        _singleWords = [.. entries.Where(e => e.Words.Count == 1)];
        _phrases = [.. entries.Where(e => e.Words.Count > 1)];
    }

    /// Every entry of the languages as the matcher reads them: cues, number words and language names.
    internal static IEnumerable<LexiconEntry> EntriesOf(IEnumerable<LanguageLexicon> languages) =>
        languages.SelectMany(language => language.Cues.SelectMany(cue => cue.Value.Select(text => Entry(text, new Sense(cue.Key))))
            .Concat(language.Numbers.Select(n => Entry(n.Key, new Sense(Cue.Number, Number: n.Value))))
            .Concat(language.LanguageNames.SelectMany(name => name.Value.Select(text => Entry(text, new Sense(Cue.Language, Language: name.Key))))));

    public Analysis Analyze(IReadOnlyList<Word> words)
    {
        List<Hit> hits = [];
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].IsNumber)
            {
                if (int.TryParse(words[i].Folded, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    hits.Add(new Hit(i, 1, new Sense(Cue.Number, Number: value), 0));
                }
                continue;
            }
            hits.AddRange(SingleWordHits(words[i].Folded, i));
        }
        var exact = hits.Where(h => h.Distance == 0).Select(h => h.Start).ToHashSet();
        for (var i = 0; i < words.Count; i++)
        {
            hits.AddRange(PhraseHits(words, i, exact));
        }
        return new Analysis(words, hits);
    }

    /// A word written exactly as some entry means only what those entries say; typos are forgiven
    /// only when nothing matches exactly, and then only the closest entries count. That keeps
    /// "unsubscribe" from also reading as "subscribe" and "tilaa" (subscribe) from reading as "tila" (status).
    private IEnumerable<Hit> SingleWordHits(string word, int position)
    {
        // The exact matches first: when there is one, the typo comparisons could only find entries
        // farther away, which are dropped anyway.
        List<Hit>? exact = null;
        foreach (var entry in _singleWords)
        {
            if (entry.Words[0].IsExactly(word)) (exact ??= []).Add(new Hit(position, 1, entry.Sense, 0));
        }
        if (exact is not null) return exact;

        List<(LexiconEntry Entry, int Distance)> candidates = [];
        foreach (var entry in _singleWords)
        {
            if (entry.Words[0].Distance(word) is { } distance) candidates.Add((entry, distance));
        }
        if (candidates.Count == 0) return [];

        var closest = candidates.Min(c => c.Distance);
        return candidates.Where(c => c.Distance == closest).Select(c => new Hit(position, 1, c.Entry.Sense, c.Distance));
    }

    /// Inside a phrase, too, a typo is forgiven only in a word that means nothing else exactly:
    /// "увімкни сповіщення" (turn on) must not read as "вимкни сповіщення" (turn off).
    private IEnumerable<Hit> PhraseHits(IReadOnlyList<Word> words, int start, HashSet<int> exactWords)
    {
        foreach (var phrase in _phrases)
        {
            if (start + phrase.Words.Count > words.Count) continue;

            var total = 0;
            var matched = true;
            for (var j = 0; j < phrase.Words.Count && matched; j++)
            {
                if (phrase.Words[j].Distance(words[start + j].Folded) is { } distance
                    && (distance == 0 || !exactWords.Contains(start + j))) total += distance;
                else matched = false;
            }
            if (matched) yield return new Hit(start, phrase.Words.Count, phrase.Sense, total);
        }
    }

    /// Entries split where the text of a message splits (spaces, hyphens), so "push-varmen*"
    /// matches "push-varmenne" as two words.
    private static LexiconEntry Entry(string text, Sense sense) =>
        new([.. text.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(WordPattern.Parse)], sense);
}

/// The cues found in one text, and which words carried none.
internal sealed class Analysis(IReadOnlyList<Word> words, IReadOnlyList<Hit> hits)
{
    public IReadOnlyList<Word> Words { get; } = words;
    public IReadOnlyList<Hit> Hits { get; } = hits;

    public bool Has(Cue cue) => Hits.Any(h => h.Sense.Cue == cue);

    /// The same words with more meanings found in context.
    public Analysis With(IEnumerable<Hit> more) => new(Words, [.. Hits, .. more]);

    public IEnumerable<Hit> Of(Cue cue) => Hits.Where(h => h.Sense.Cue == cue);

    /// True when no entry gave the word a meaning (Ordinary words are content too).
    public bool IsContent(int position) =>
        !Hits.Any(h => h.Covers(position) && h.Sense.Cue != Cue.Ordinary);

    /// Words AdeBot does not know: "car" in "status of my car". Numbers are not counted.
    public int ContentWords => Enumerable.Range(0, Words.Count).Count(i => IsContent(i) && !Words[i].IsNumber);

    /// Words read only thanks to a forgiven typo.
    public int ForgivenTypos => Enumerable.Range(0, Words.Count)
        .Count(i => Hits.Any(h => h.Covers(i)) && Hits.Where(h => h.Covers(i)).All(h => h.Distance > 0));
}
