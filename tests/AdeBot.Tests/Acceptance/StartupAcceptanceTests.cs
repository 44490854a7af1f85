using AdeBot.Testing;
using System.Net;
using AdeBot.Tests.Packaging;

namespace AdeBot.Tests.Acceptance;

/// Acceptance: the README's run command starts the bot with nothing configured, and a
/// configuration that would switch authentication off outside development stops the start with a
/// message naming the setting.
public sealed class StartupAcceptanceTests : IDisposable
{
    private readonly TempFolder _folder = new("adebot-accept-");

    [Fact]
    public async Task The_readme_run_command_with_nothing_configured_starts_and_healthz_answers_200()
    {
        // `dotnet run --project src/AdeBot` runs in the repository root (RunWorkingDirectory) in
        // Development (launchSettings.json). Only the port and the data folder differ, so this run
        // neither collides with a bot on 3978 nor writes into the shared checkout.
        await using var app = await AdeBotProcess.StartServiceAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__DataPath"] = _folder.DataPath,
            },
            workingDirectory: RepositoryPaths.Root);
        using var http = LoopbackHttp.Create();

        using var health = await http.GetAsync(new Uri(app.BaseUri!, "healthz"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Token inventory serves Sample data", app.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_outside_development_refuses_to_start_unless_forced()
    {
        Dictionary<string, string> localModeInProduction = new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__DataPath"] = _folder.DataPath,
            ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
            ["Alerts__Enabled"] = "false",
        };

        var (exitCode, output) = await AdeBotProcess.RunToExitAsync([], localModeInProduction);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Bot:AllowUnauthenticatedLocalRequests is refused outside the Development environment", output, StringComparison.Ordinal);
        Assert.Contains("Bot:ForceUnauthenticatedOutsideDevelopment", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);

        // The same configuration with the force flag starts, and says loudly what it is doing.
        localModeInProduction["Bot__ForceUnauthenticatedOutsideDevelopment"] = "true";
        await using var forced = await AdeBotProcess.StartServiceAsync(localModeInProduction);
        using var http = LoopbackHttp.Create();
        using var health = await http.GetAsync(new Uri(forced.BaseUri!, "healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("Bot:AllowUnauthenticatedLocalRequests is on", forced.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_an_app_id_or_local_mode_refuses_to_start_naming_Bot_AppId()
    {
        var (exitCode, output) = await AdeBotProcess.RunToExitAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Storage__DataPath"] = _folder.DataPath,
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Bot:AppId is required", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
