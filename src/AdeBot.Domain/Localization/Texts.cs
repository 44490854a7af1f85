using System.Globalization;
using System.Reflection;
using System.Resources;

[assembly: NeutralResourcesLanguage("en")]

namespace AdeBot.Domain.Localization;

/// The two resource files of the domain: Remediation (the knowledge base) and Text (labels,
/// relative times, one-line summaries). Satellite assemblies for fi and uk come from the SDK.
internal static class Texts
{
    public static ResourceManager Remediation { get; } = Create("Remediation");
    public static ResourceManager Text { get; } = Create("Text");

    /// A missing key is a bug the resource tests catch, so it fails loudly instead of printing the key.
    public static string Get(this ResourceManager resources, string key, CultureInfo culture) =>
        resources.GetString(key, culture)
        ?? throw new InvalidOperationException($"Resource '{key}' is missing from {resources.BaseName}.");

    public static string Format(this ResourceManager resources, string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, resources.Get(key, culture), args);

    /// `{key}_{category}` by the culture's plural rules (Ukrainian one/few/many; English and Finnish
    /// one/other), with the formatted count as {0} and any further arguments after it.
    public static string Plural(this ResourceManager resources, string key, long count, CultureInfo culture, params object?[] more) =>
        resources.Format($"{key}_{PluralRules.Select(count, culture)}", culture, [TextFormat.Count(count, culture), .. more]);

    public static bool Has(this ResourceManager resources, string key) =>
        resources.GetString(key, CultureInfo.InvariantCulture) is not null;

    private static ResourceManager Create(string name) =>
        new($"{typeof(Texts).Assembly.GetName().Name}.Resources.{name}", typeof(Texts).Assembly);
}
