using System.CommandLine;
using AdeBot.Hosting;
using Microsoft.Extensions.Options;

namespace AdeBot.Cli;

/// A one-shot command that runs on the same configuration and services as the bot, without
/// starting the web server or the background alerts. Its arguments are already parsed (see
/// AdeBotCommandLine); it only does the work.
public abstract class CliCommand
{
    /// What the command returns when it cannot do its work at all (bad configuration).
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
}

/// The syntax of a command that runs on the bot's services: what `--help` shows, and how a
/// successful parse becomes the command.
internal interface IHostedCommandSyntax
{
    CliCommand Bind(ParseResult parsed);
}
