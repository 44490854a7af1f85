using System.Net;
using System.Text.Json.Nodes;
using AdeBot.Testing;

namespace AdeBot.Tests.Acceptance;

/// The command line of the built app, as an admin types it: a mistyped command or a question
/// left out is a one-line usage error with exit code 64 (and never a web server started by
/// mistake), `--help` prints the usage, and host settings instead of a command still start the server.
public sealed class CommandLineAcceptanceTests : IDisposable
{
    private readonly TempFolder _folder = new("adebot-accept-");

    [Theory]
    [InlineData(new[] { "chekc" }, "AdeBot: 'chekc' is not a command. The commands are ask, check, diagnose, audit, package;")]
    [InlineData(new[] { "ask" }, "AdeBot ask: Ask a question, for example:")]
    public async Task A_mistyped_command_or_a_missing_question_exits_64_with_one_line(string[] args, string expected)
    {
        var result = await AdeBotProcess.RunCommandAsync(args, Settings());

        Assert.True(result.ExitCode == 64, $"{string.Join(' ', args)} exited {result.ExitCode}. Output:\n{result.AllOutput}");
        var line = Assert.Single(result.AllOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        Assert.DoesNotContain("Now listening on", result.AllOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask", "AdeBot ask [<question>...] [options]")]
    [InlineData("check", "AdeBot check [options]")]
    [InlineData("package", "AdeBot package [options]")]
    public async Task Help_prints_the_usage_and_exits_0(string command, string usage)
    {
        var result = await AdeBotProcess.RunCommandAsync([command, "--help"], Settings());

        Assert.True(result.ExitCode == 0, $"{command} --help exited {result.ExitCode}. Output:\n{result.AllOutput}");
        Assert.Contains(usage, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("-?, -h, --help", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_json_prints_the_reply_activities_in_the_asked_language()
    {
        var result = await AdeBotProcess.RunCommandAsync(["ask", "onko", "DEP-tunnukset", "kunnossa?", "--locale", "fi-FI", "--json"], Settings());

        Assert.True(result.ExitCode == 0, $"ask exited {result.ExitCode}. Output:\n{result.AllOutput}");
        var replies = JsonNode.Parse(result.Stdout)!.AsArray();
        var cards = replies.Select(r => r!).Where(r => (string?)r["type"] == "message" && r["attachments"] is JsonArray { Count: > 0 }).ToList();
        Assert.NotEmpty(cards);
        Assert.All(cards, card => Assert.Equal("fi-FI", (string?)card["locale"]));
        Assert.All(cards, card => Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)card["attachments"]![0]!["contentType"]));
    }

    [Fact]
    public async Task Host_settings_instead_of_a_command_start_the_web_server_with_them()
    {
        // No Storage__DataPath and no ASPNETCORE_URLS: both come from the command line only.
        await using var app = await AdeBotProcess.StartServiceAsync(
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" },
            hostArguments: ["--urls", "http://127.0.0.1:0", "--Storage:DataPath", _folder.DataPath]);
        using var http = LoopbackHttp.Create();

        using var health = await http.GetAsync(new Uri(app.BaseUri!, "healthz"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("127.0.0.1", app.BaseUri!.Host);
        Assert.Contains($"Storage ready: {Path.Combine(_folder.DataPath, "adebot.db")}", app.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Storage__DataPath"] = _folder.DataPath,
    };

    public void Dispose() => _folder.Dispose();
}
