using Microsoft.Extensions.Options;

namespace AdeBot.Hosting;

public static class StartupErrors
{
    /// Runs the app; when a setting is invalid it says which one on stderr and exits 1, instead of
    /// crashing with a stack trace.
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await ExplainAsync(ex, Console.Error);
            return 1;
        }
    }

    /// The one wording of "the configuration is invalid", for the service and the CLI commands alike.
    /// Validation messages name settings, never their values, so they are safe to print.
    public static async Task ExplainAsync(OptionsValidationException exception, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"AdeBot cannot start because its configuration is not valid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", exception.Failures)}");
        await stderr.WriteLineAsync("Every setting is described in README.md, \"Configuration reference\".");
    }
}
