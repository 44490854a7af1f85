namespace AdeBot.Domain.Conversation;

/// Damerau-Levenshtein distance (optimal string alignment: a swap of neighbours counts as one edit).
internal static class EditDistance
{
    /// Rows up to this many cells live on the stack; every lexicon word and nearly every chat word fits.
    private const int StackRowLength = 64;

    /// The typo budget for a word of this length: none below 5 letters (short words are too easily
    /// another word), one from 5, two from 8.
    public static int Allowed(int length) => length >= 8 ? 2 : length >= 5 ? 1 : 0;

    public static int Between(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => Within(a, b, int.MaxValue - 1);

    /// The distance when it is at most `limit`, otherwise some number above `limit`. Every word of
    /// a message is compared with every lexicon entry, and nearly all of them are far apart, so the
    /// comparison stops as soon as two rows in a row are all past the limit: every later cell is
    /// built from one of those two rows plus an edit.
    public static int Within(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        if (a.IsEmpty) return b.Length;
        if (b.IsEmpty) return a.Length;

        var width = b.Length + 1;
        Span<int> rows = width <= StackRowLength ? stackalloc int[width * 3] : new int[width * 3];
        // Three rolling rows: the transposition looks two rows back.
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        var previousRowPastLimit = false;

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, previous2[j - 2] + 1);
                }
                current[j] = best;
                if (best < rowMinimum) rowMinimum = best;
            }
            var rowPastLimit = rowMinimum > limit;
            if (rowPastLimit && previousRowPastLimit) return limit + 1;
            previousRowPastLimit = rowPastLimit;

            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }
        return previous[b.Length];
    }
}
