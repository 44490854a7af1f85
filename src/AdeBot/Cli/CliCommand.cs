using AdeBot.Hosting;
using Microsoft.Extensions.Options;

namespace AdeBot.Cli;

/// A one-shot command that runs on the same configuration and services as the bot, without
/// starting the web server or the background alerts.
public abstract class CliCommand(string[] arguments)
{
    protected string[] Arguments { get; } = arguments;

    public static CliCommand? Parse(string[] args) => args switch
    {
        ["check", .. var rest] => new CheckCommand(rest),
        ["ask", .. var rest] => new AskCommand(rest),
        ["diagnose", .. var rest] => new DiagnoseCommand(rest),
        _ => null,
    };

    /// What the command returns when it cannot do its work at all (bad arguments, bad configuration).
    protected abstract int FailureExitCode { get; }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                services.GetRequiredService<IStartupValidator>().Validate();
            }
            catch (OptionsValidationException ex)
            {
                await StartupErrors.ExplainAsync(ex, stderr);
                return FailureExitCode;
            }
            return await ExecuteAsync(services, stdout, stderr, cancellationToken);
        }
        finally
        {
            CleanUp();
        }
    }

    /// Runs after the command, however it ended.
    protected virtual void CleanUp()
    {
    }

    protected abstract Task<int> ExecuteAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);

    /// The word after `name`, or null when there is none. Another option is never a value, so
    /// `--locale --json` is a missing locale rather than the locale "--json".
    protected static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal) ? args[index + 1] : null;
    }

    /// The first of `names` that is given without a value (see OptionValue), as an error message.
    protected static string? MissingValue(string[] args, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (args.Contains(name) && OptionValue(args, name) is null) return $"{name} needs a value.";
        }
        return null;
    }
}
