using System.Globalization;

namespace AdeBot.Domain.Localization;

/// Dates, durations and counted words in the user's culture.
public static class TextFormat
{
    /// Below this, an age reads better in hours ("30 hours ago"), above it in days ("4 days ago").
    private const int HoursBeforeDays = 48;

    public static string Date(DateTimeOffset value, CultureInfo culture) => value.ToString("d", culture);

    /// Date and time with the offset spelled out: chat users sit in many time zones and Graph
    /// reports UTC, so the zone must be visible rather than guessed.
    public static string DateTime(DateTimeOffset value, CultureInfo culture)
    {
        var zone = value.Offset == TimeSpan.Zero
            ? "UTC"
            : "UTC" + (value.Offset < TimeSpan.Zero ? "-" : "+") + value.Offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return $"{value.ToString("g", culture)} {zone}";
    }

    /// "in 3 days", "3 days ago", "today" (negative days are in the past).
    public static string RelativeDays(int days, CultureInfo culture) => days switch
    {
        0 => Texts.Text.Get("Today", culture),
        > 0 => Texts.Text.Plural("InDays", days, culture),
        _ => Texts.Text.Plural("DaysAgo", -(long)days, culture),
    };

    /// How long ago something happened: "less than an hour ago", hours up to two days, whole days after that.
    public static string TimeAgo(int hours, CultureInfo culture) => hours switch
    {
        < 1 => Texts.Text.Get("LessThanAnHourAgo", culture),
        < HoursBeforeDays => Texts.Text.Plural("HoursAgo", hours, culture),
        _ => RelativeDays(-(hours / 24), culture),
    };

    /// A count with the culture's group separator: "2,000", "2 000".
    public static string Count(long count, CultureInfo culture) => count.ToString("N0", culture);
}
