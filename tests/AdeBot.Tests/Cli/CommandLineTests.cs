using AdeBot.Cli;

namespace AdeBot.Tests.Cli;

/// What each command line asks AdeBot to do, decided without starting anything.
public sealed class CommandLineTests
{
    public static TheoryData<string[]> WebServerCommandLines => new()
    {
        { [] },
        { ["--urls", "http://127.0.0.1:5000"] },
        { ["--urls=http://127.0.0.1:5000", "--environment", "Development"] },
        { ["--Storage:DataPath", "/var/lib/adebot"] },
        { ["/urls", "http://127.0.0.1:5000"] },
        { ["Logging:LogLevel:Default=Debug"] },
    };

    [Theory]
    [MemberData(nameof(WebServerCommandLines))]
    public void No_command_or_host_settings_start_the_web_server_with_the_arguments_for_the_host(string[] args)
    {
        var request = AdeBotCommandLine.Parse(args);

        Assert.True(request.IsWebServer);
        Assert.False(request.RunsWithoutHost);
        Assert.Null(request.HostedCommand);
        Assert.Equal(args, request.HostArguments);
    }

    [Fact]
    public void Ask_joins_its_words_into_the_question_and_reads_every_option()
    {
        var request = AdeBotCommandLine.Parse(["ask", "are", "my", "ADE tokens", "healthy?", "--locale", "fi-FI", "--json", "--tenant", "t-1", "--user", "u-1"]);

        var ask = Assert.IsType<AskCommand>(request.HostedCommand);
        Assert.Equal("are my ADE tokens healthy?", ask.Question);
        Assert.Equal("fi-FI", ask.Locale);
        Assert.True(ask.Json);
        Assert.Equal("t-1", ask.TenantId);
        Assert.Equal("u-1", ask.UserId);
        Assert.Empty(request.HostArguments);
        Assert.False(request.RunsWithoutHost);
    }

    [Fact]
    public void Ask_defaults_to_english_text_for_the_first_watched_tenant()
    {
        var ask = Assert.IsType<AskCommand>(AdeBotCommandLine.Parse(["ask", "--json", "help"]).HostedCommand);

        Assert.Equal("help", ask.Question);
        Assert.Equal(AskCommand.DefaultLocale, ask.Locale);
        Assert.True(ask.Json);
        Assert.Null(ask.TenantId);
        Assert.Null(ask.UserId);
    }

    [Theory]
    [InlineData(new[] { "check" }, false, null)]
    [InlineData(new[] { "check", "--json" }, true, null)]
    [InlineData(new[] { "check", "--locale", "uk-UA", "--json" }, true, "uk-UA")]
    [InlineData(new[] { "check", "--locale=fi-FI" }, false, "fi-FI")]
    public void Check_reads_json_and_locale(string[] args, bool json, string? locale)
    {
        var check = Assert.IsType<CheckCommand>(AdeBotCommandLine.Parse(args).HostedCommand);

        Assert.Equal(json, check.Json);
        Assert.Equal(locale, check.Locale);
    }

    public static TheoryData<string[], string?, string?, bool> AuditCommandLines => new()
    {
        { ["audit"], null, null, false },
        { ["audit", "--json"], null, null, true },
        { ["audit", "--tenant", "1B7E0F3A-0000-4000-8000-00000000AB01", "--since", "2026-11-01"], "1b7e0f3a-0000-4000-8000-00000000ab01", "2026-11-01T00:00:00.0000000+00:00", false },
        { ["audit", "--since=2026-11-01T08:30:00+02:00", "--json"], null, "2026-11-01T08:30:00.0000000+02:00", true },
        { ["audit", "--since", "2026-11-01T08:30:00"], null, "2026-11-01T08:30:00.0000000+00:00", false },
    };

    [Theory]
    [MemberData(nameof(AuditCommandLines))]
    public void Audit_reads_tenant_since_and_json(string[] args, string? tenant, string? since, bool json)
    {
        var audit = Assert.IsType<AuditCommand>(AdeBotCommandLine.Parse(args).HostedCommand);

        Assert.Equal(tenant, audit.TenantId);
        Assert.Equal(since, audit.Since?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(json, audit.Json);
    }

    public static TheoryData<string[], string> UsageErrors => new()
    {
        { ["chekc"], "AdeBot: 'chekc' is not a command. The commands are ask, check, diagnose, audit, package;" },
        { ["serve", "--urls", "http://127.0.0.1:5000"], "AdeBot: 'serve' is not a command." },
        { ["ask"], "AdeBot ask: Ask a question, for example: AdeBot ask \"are my ADE tokens healthy?\"" },
        { ["ask", "   "], "AdeBot ask: Ask a question" },
        { ["ask", "are my tokens healthy?", "--colour", "red"], "AdeBot ask: Unknown option '--colour'." },
        { ["ask", "help", "--locale"], "AdeBot ask: Required argument missing for option: '--locale'." },
        { ["ask", "help", "--tenant", "--json"], "AdeBot ask: --tenant needs a value; '--json' is an option." },
        { ["ask", "help", "--locale", "fi-FI", "--locale", "uk-UA"], "AdeBot ask: Option '--locale' expects a single argument but 2 were provided." },
        { ["check", "--locale", "--json"], "AdeBot check: --locale needs a value; '--json' is an option." },
        { ["check", "extra"], "AdeBot check: Unrecognized command or argument 'extra'." },
        { ["check", "--verbose"], "AdeBot check: Unrecognized command or argument '--verbose'." },
        { ["audit", "--since", "yesterday"], "AdeBot audit: --since takes an ISO 8601 date or date-time such as 2026-11-01 or 2026-11-01T08:00:00Z, not 'yesterday'." },
        { ["audit", "--since", "2026-13-01"], "AdeBot audit: --since takes an ISO 8601 date" },
        { ["audit", "--tenant", "contoso"], "AdeBot audit: --tenant takes a tenant id (a GUID" },
        { ["audit", "--tenant", "--json"], "AdeBot audit: --tenant needs a value; '--json' is an option." },
    };

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task A_usage_error_exits_64_with_one_line_on_stderr_naming_the_problem(string[] args, string expected)
    {
        var run = await RunWithoutHostAsync(args);

        Assert.Equal(64, run.ExitCode);
        var line = Assert.Single(Lines(run.Stderr));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.EndsWith("--help'.", line, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_mistyped_command_lists_the_commands_and_says_how_the_server_starts()
    {
        var run = await RunWithoutHostAsync(["chekc"]);

        Assert.Equal("AdeBot: 'chekc' is not a command. The commands are ask, check, diagnose, audit, package; with no command, or with host settings such as --urls, AdeBot runs the web server. See 'AdeBot --help'.",
            Assert.Single(Lines(run.Stderr)));
    }

    [Fact]
    public async Task Several_problems_are_reported_together_and_only_the_last_line_points_to_help()
    {
        var run = await RunWithoutHostAsync(["ask", "--colour", "--shade"]);

        Assert.Equal(AdeBotCommandLine.UsageError, run.ExitCode);
        Assert.Equal(
            ["AdeBot ask: Unknown option '--colour'.", "AdeBot ask: Unknown option '--shade'.", "AdeBot ask: Ask a question, for example: AdeBot ask \"are my ADE tokens healthy?\" See 'AdeBot ask --help'."],
            Lines(run.Stderr));
    }

    public static TheoryData<string[], string[]> HelpRequests => new()
    {
        { ["--help"], ["AdeBot [command] [options]", "ask <question>", "check", "package", "runs the bot's web server", "--urls"] },
        { ["-h"], ["AdeBot [command] [options]"] },
        { ["ask", "--help"], ["AdeBot ask [<question>...] [options]", "--locale <bcp47>", "--json", "--tenant <tenant id>", "--user <Entra object id>", "throwaway database"] },
        { ["ask", "-?"], ["AdeBot ask [<question>...] [options]"] },
        { ["check", "--help"], ["AdeBot check [options]", "--json", "--locale <bcp47>", "0 all healthy, 1 a warning, 2 a critical problem, 3 the check itself failed, 64 a usage error"] },
        { ["check", "-h"], ["AdeBot check [options]"] },
        { ["package", "--help"], ["AdeBot package [options]", "--app-id <guid> (REQUIRED)"] },
    };

    [Theory]
    [MemberData(nameof(HelpRequests))]
    public async Task Help_on_every_command_prints_its_usage_on_stdout_and_exits_0(string[] args, string[] expected)
    {
        var request = AdeBotCommandLine.Parse(args);
        Assert.True(request.RunsWithoutHost, "help needs no host");

        var run = await RunWithoutHostAsync(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout, StringComparison.Ordinal);
        foreach (var text in expected) Assert.Contains(text, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void A_question_that_starts_with_at_is_a_question_not_a_response_file()
    {
        var ask = Assert.IsType<AskCommand>(AdeBotCommandLine.Parse(["ask", "@AdeBot", "help"]).HostedCommand);

        Assert.Equal("@AdeBot help", ask.Question);
    }

    [Fact]
    public async Task A_command_that_needs_the_host_cannot_run_without_it()
    {
        var request = AdeBotCommandLine.Parse(["check"]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => request.RunWithoutHostAsync(TextWriter.Null, TextWriter.Null));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunWithoutHostAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AdeBotCommandLine.Parse(args).RunWithoutHostAsync(stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
