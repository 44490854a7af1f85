using System.CommandLine;

namespace AdeBot.Cli;

/// The option shapes AdeBot's commands share.
internal static class CommandLineOptions
{
    /// A switch such as `--json`.
    public static Option<bool> Switch(string name, string description) => new(name) { Description = description };

    /// An option that takes one value. Another option is never its value: `--locale --json` is a
    /// missing locale, not the locale "--json" (the parser alone would take it as one).
    /// <paramref name="parse"/> turns the text into the value or explains why it cannot.
    public static Option<T> WithValue<T>(string name, string helpName, string description, Func<string, ParsedValue<T>> parse) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = result =>
        {
            if (result.Tokens is not [var token]) return default;
            if (LooksLikeOption(token.Value))
            {
                result.AddError($"{name} needs a value; '{token.Value}' is an option.");
                return default;
            }
            var parsed = parse(token.Value);
            if (parsed.Error is not null) result.AddError(parsed.Error);
            return parsed.Value;
        },
    };

    public static Option<string> WithValue(string name, string helpName, string description) =>
        WithValue(name, helpName, description, text => new ParsedValue<string>(text));

    /// `--` starts an option; a word that does where free text is expected is a mistyped option.
    public static bool LooksLikeOption(string word) => word.StartsWith("--", StringComparison.Ordinal);
}

/// A value parsed from the command line, or why it could not be.
internal readonly record struct ParsedValue<T>(T? Value, string? Error = null)
{
    public static ParsedValue<T> Invalid(string error) => new(default, error);
}
