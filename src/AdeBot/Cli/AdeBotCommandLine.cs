using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using AdeBot.Packaging;

namespace AdeBot.Cli;

/// AdeBot's command line. With no command, or with host settings such as `--urls http://...`
/// instead of one, it runs the bot's web server and hands the arguments to the ASP.NET host;
/// otherwise the first word names a command (`ask`, `check`, `diagnose`, `audit`, `package`), whose options
/// System.CommandLine parses, with `--help` on each.
public static class AdeBotCommandLine
{
    public const string Name = "AdeBot";

    /// EX_USAGE of sysexits(3): the command line itself is wrong. Distinct from every exit code
    /// of `check` (0-3), so a monitoring system never mistakes a typo for a health state.
    public const int UsageError = 64;

    // `@file` would read arguments from a file, and a question may well start with "@AdeBot".
    private static readonly ParserConfiguration Parser = new() { ResponseFileTokenReplacer = null };

    public static CommandLineRequest Parse(IReadOnlyList<string> args)
    {
        var root = Root();
        if (args is []) return CommandLineRequest.WebServer([]);
        var first = args[0];
        if (!IsRootOption(root, first))
        {
            if (IsHostSetting(first)) return CommandLineRequest.WebServer([.. args]);
            if (!root.Subcommands.Any(command => command.Name == first)) return CommandLineRequest.Refused(NotACommand(root, first));
        }

        var parsed = root.Parse(args, Parser);
        if (parsed.Errors.Count > 0) return CommandLineRequest.Refused(UsageErrorLines(parsed));
        if (parsed.Action is null && parsed.CommandResult.Command is IHostedCommandSyntax hosted)
            return CommandLineRequest.Hosted(hosted.Bind(parsed));
        return CommandLineRequest.WithoutHost(parsed);
    }

    private static Command Root()
    {
        var root = new Command(Name,
            "The Teams bot for Apple Automated Device Enrollment in Intune. With no command it runs the bot's web server; " +
            "host settings such as --urls http://127.0.0.1:3978 or --Logging:LogLevel:Default Debug may be given instead of a command.")
        {
            new AskCommand.Syntax(),
            new CheckCommand.Syntax(),
            new DiagnoseCommand.Syntax(),
            new AuditCommand.Syntax(),
            new PackageCommand(),
        };
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        return root;
    }

    private static bool IsRootOption(Command root, string argument) =>
        root.Options.Any(option => option.Name == argument || option.Aliases.Contains(argument));

    /// The forms the ASP.NET host's command-line configuration reads: `--key value`, `--key=value`,
    /// `/key value` and `key=value`.
    private static bool IsHostSetting(string argument) =>
        argument.StartsWith('-') || argument.StartsWith('/') || argument.Contains('=');

    /// One line: a mistyped command must neither start the web server nor bury the list of commands in help text.
    private static string[] NotACommand(Command root, string word) =>
    [
        $"{Name}: '{word}' is not a command. The commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}; " +
        $"with no command, or with host settings such as --urls, {Name} runs the web server. See '{Name} --help'.",
    ];

    /// One line per problem, each naming the command; the last one says where the usage is.
    private static string[] UsageErrorLines(ParseResult parsed)
    {
        var path = CommandPath(parsed);
        var lines = parsed.Errors.Select(error => $"{path}: {error.Message}").Distinct().ToArray();
        lines[^1] += $" See '{path} --help'.";
        return lines;
    }

    private static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as CommandResult)
            names.Insert(0, result.Command.Name);
        return string.Join(' ', names);
    }
}

/// What one command line asks AdeBot to do: run the web server with host arguments, run a command
/// on the bot's services (HostedCommand), or finish without a host (help, a usage error, `package`).
public sealed class CommandLineRequest
{
    private readonly ParseResult? _parsed;
    private readonly string[] _usageErrors;

    private CommandLineRequest(string[] hostArguments, CliCommand? hostedCommand, ParseResult? parsed, string[] usageErrors)
    {
        HostArguments = hostArguments;
        HostedCommand = hostedCommand;
        _parsed = parsed;
        _usageErrors = usageErrors;
    }

    internal static CommandLineRequest WebServer(string[] hostArguments) => new(hostArguments, null, null, []);

    internal static CommandLineRequest Hosted(CliCommand command) => new([], command, null, []);

    internal static CommandLineRequest WithoutHost(ParseResult parsed) => new([], null, parsed, []);

    internal static CommandLineRequest Refused(string[] usageErrors) => new([], null, null, usageErrors);

    /// What the ASP.NET host reads as command-line configuration; a command's own options are not for it.
    public string[] HostArguments { get; }

    /// `ask` or `check`, parsed; null for the web server and for what runs without a host.
    public CliCommand? HostedCommand { get; }

    public bool RunsWithoutHost => _parsed is not null || _usageErrors.Length > 0;

    public bool IsWebServer => !RunsWithoutHost && HostedCommand is null;

    public async Task<int> RunWithoutHostAsync(TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (!RunsWithoutHost) throw new InvalidOperationException("This command line needs the host.");
        if (_usageErrors.Length > 0)
        {
            foreach (var line in _usageErrors) await stderr.WriteLineAsync(line);
            return AdeBotCommandLine.UsageError;
        }
        return await _parsed!.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken);
    }
}
