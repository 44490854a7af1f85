using System.Globalization;
using System.Resources;
using AdeBot.Domain.Localization;

namespace AdeBot.Domain.Cards;

/// The conversation's texts (Resources/Chat*.resx): card labels, buttons and replies.
internal static class ChatText
{
    public static ResourceManager Resources { get; } = new($"{typeof(ChatText).Assembly.GetName().Name}.Resources.Chat", typeof(ChatText).Assembly);

    public static string Get(string key, CultureInfo culture) => Resources.Get(key, culture);

    public static string Format(string key, CultureInfo culture, params object?[] args) => Resources.Format(key, culture, args);

    public static string Plural(string key, long count, CultureInfo culture, params object?[] more) => Resources.Plural(key, count, culture, more);

    /// An example request in the culture's quotation marks: “status”, ”tilanne”, «статус».
    public static string Example(string name, CultureInfo culture) => Format("Quoted", culture, Get($"Example_{name}", culture));
}
