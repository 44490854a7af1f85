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
        _ => null,
    };

    /// What the command returns when it cannot do its work at all (bad arguments, bad configuration).
    protected abstract int FailureExitCode { get; }

    public async Task<int> RunAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (OptionsValidationException ex)
        {
            // Validation messages name settings, never their values, so they are safe to print.
            await stderr.WriteLineAsync($"Configuration is not valid: {string.Join(" ", ex.Failures)}");
            return FailureExitCode;
        }
        return await ExecuteAsync(services, stdout, stderr, cancellationToken);
    }

    protected abstract Task<int> ExecuteAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken);

    protected static string? OptionValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
