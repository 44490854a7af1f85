using Microsoft.Extensions.Options;

namespace AdeBot.Hosting;

public static class StartupErrors
{
    /// Runs the app; when a setting is invalid it says which one on stderr and exits 1, instead of
    /// crashing with a stack trace. Validation messages name settings, never their values.
    public static async Task<int> RunOrExplainAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"AdeBot cannot start because its configuration is not valid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", ex.Failures)}");
            await Console.Error.WriteLineAsync("Every setting is described in README.md, \"Configuration reference\".");
            return 1;
        }
    }
}
