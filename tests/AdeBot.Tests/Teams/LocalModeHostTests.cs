using System.Text.Json.Nodes;
using AdeBot.Domain.Alerts;
using AdeBot.Testing;
using AdeBot.Tests.Acceptance;
using AdeBot.Tests.Infrastructure;

namespace AdeBot.Tests.Teams;

/// F-2 in the real app: local mode (anyone on this machine may name any tenant) never serves real
/// Graph tenants, and never takes over a conversation an authenticated turn stored.
public sealed class LocalModeHostTests
{
    [Theory]
    [InlineData("Graph__TenantId")]
    [InlineData("Graph__Tenants__0__TenantId")]
    public async Task Local_mode_refuses_to_start_when_Graph_tenants_are_configured(string tenantKey)
    {
        using var folder = new TempFolder("adebot-localgraph-");
        var (exitCode, output) = await AdeBotProcess.RunToExitAsync([], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__DataPath"] = folder.DataPath,
            ["Alerts__Enabled"] = "false",
            ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
            [tenantKey] = "44444444-4444-4444-4444-444444444444",
            [tenantKey.Replace("TenantId", "ClientId", StringComparison.Ordinal)] = "22222222-2222-2222-2222-222222222222",
            [tenantKey.Replace("TenantId", "ClientSecret", StringComparison.Ordinal)] = "client-secret-for-tests",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Bot:AllowUnauthenticatedLocalRequests is refused while Graph tenants are configured", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_starts_with_a_recording_in_place_of_the_tenants()
    {
        var recording = Path.Combine(Path.GetTempPath(), $"adebot-local-replay-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(recording, """{ "responses": [] }""");
        await using var host = new AdeBotHost(new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = "44444444-4444-4444-4444-444444444444",
            ["Graph:ClientId"] = "22222222-2222-2222-2222-222222222222",
            ["Graph:ClientSecret"] = "client-secret-for-tests",
            ["Graph:ReplayPath"] = recording,
        });
        try
        {
            await host.InitializeAsync();

            Assert.NotEmpty(await new TeamsChat(host).SayAsync("help"));
        }
        finally
        {
            File.Delete(recording);
        }
    }
}
