using System.CommandLine;
using System.Text.Json;
using AdeBot.Connector;
using AdeBot.Conversations;
using AdeBot.Teams;
using AdeBot.Domain.Tokens;
using AdeBot.Storage;
using Microsoft.Data.Sqlite;

namespace AdeBot.Cli;

/// `ask "<question>" [--locale fi-FI] [--json] [--tenant <id>] [--user <aadObjectId>]`: one message
/// through the same engine a Teams message takes, with the replies printed instead of posted.
public sealed class AskCommand(string question, string locale, bool json, string? tenantId, string? userId) : CliCommand
{
    public const string Name = "ask";
    public const string DefaultLocale = "en-US";

    public string Question { get; } = question;
    public string Locale { get; } = locale;
    public bool Json { get; } = json;
    public string? TenantId { get; } = tenantId;
    public string? UserId { get; } = userId;

    /// Replies are addressed to this loopback URL; nothing listens there because nothing is sent.
    private const string AskServiceUrl = "http://127.0.0.1/ask/";

    protected override int FailureExitCode => 2;

    /// The throwaway database folder (see CliHostingExtensions.UseCommandDefaults), deleted when
    /// the command is done.
    public string ScratchDataPath => _scratchDataPath ??= Directory.CreateTempSubdirectory("adebot-ask-").FullName;

    private string? _scratchDataPath;

    protected override void CleanUp()
    {
        if (_scratchDataPath is null) return;
        // SQLite pools connections; the pool must let go of the file before the folder can go.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_scratchDataPath, recursive: true);
        }
        catch (IOException)
        {
            // Something still holds the file; the OS temp cleaner gets it.
        }
    }

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IStorageDatabase>().InitializeAsync(cancellationToken);
        var inventory = services.GetRequiredService<ITokenInventory>();
        var time = services.GetRequiredService<TimeProvider>();
        var inbound = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "ask-" + ReferenceIds.New(),
            Timestamp = time.GetUtcNow(),
            ChannelId = "msteams",
            ServiceUrl = AskServiceUrl,
            From = new ChannelAccount { Id = "29:adebot-ask", Name = "AdeBot ask", AadObjectId = UserId },
            Recipient = new ChannelAccount { Id = "28:adebot", Name = "AdeBot" },
            Conversation = new ConversationAccount
            {
                Id = "ask-cli",
                ConversationType = "personal",
                TenantId = TenantId ?? inventory.WatchedTenantIds.FirstOrDefault(),
            },
            Locale = Locale,
            Text = Question,
            TextFormat = TextFormats.Plain,
        };

        var replies = new CollectedReplies();
        await services.GetRequiredService<ConversationEngine>().HandleMessageAsync(new InboundTurn(inbound, IsLocal: true), replies, cancellationToken);

        var sent = replies.Activities.Where(a => !a.IsType(ActivityTypes.Typing)).ToList();
        await stdout.WriteLineAsync(Json
            ? JsonSerializer.Serialize(replies.Activities, ConnectorJson.Options)
            : string.Join(Environment.NewLine + Environment.NewLine, sent.Select(Render)));
        return 0;
    }

    private static string Render(Activity activity) =>
        activity.Attachments is { Count: > 0 } attachments
            ? string.Join(Environment.NewLine, attachments.Where(a => a.Content is not null).Select(a => CardText.Render(a.Content!.Value)))
            : activity.Text ?? "";

    private sealed class CollectedReplies : IReplySink
    {
        public List<Activity> Activities { get; } = [];

        public Task<bool> SendAsync(Activity reply, CancellationToken cancellationToken)
        {
            Activities.Add(reply);
            return Task.FromResult(true);
        }
    }

    /// What `ask --help` shows, and how its words become the command.
    internal sealed class Syntax : Command, IHostedCommandSyntax
    {
        private readonly Argument<string[]> _question = new("question")
        {
            Description = "What to ask, in English, Finnish or Ukrainian; the words may also go unquoted.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        private readonly Option<string> _locale = CommandLineOptions.WithValue("--locale", "bcp47",
            $"The language of the answer, e.g. en-US, fi-FI, uk-UA, as Teams sends it (default: {DefaultLocale}).");

        private readonly Option<bool> _json = CommandLineOptions.Switch("--json",
            "Print the reply activities exactly as they would be posted to the Bot Connector.");

        private readonly Option<string> _tenant = CommandLineOptions.WithValue("--tenant", "tenant id",
            "The Entra tenant the question comes from (default: the first watched tenant).");

        private readonly Option<string> _user = CommandLineOptions.WithValue("--user", "Entra object id",
            "The Entra object id of the asking user, for the access rules.");

        public Syntax() : base(AskCommand.Name, "Runs one message through the pipeline a Teams message takes and prints the answer; it uses a throwaway database.")
        {
            Arguments.Add(_question);
            Options.Add(_locale);
            Options.Add(_json);
            Options.Add(_tenant);
            Options.Add(_user);
            // The words are read as tokens: the parser would fold a mistyped `--colour` into the question.
            // (Reading the argument's value inside a command validator makes System.CommandLine skip the
            // argument's own validators, so the check lives here.)
            Validators.Add(result =>
            {
                var words = result.GetResult(_question)?.Tokens.Select(token => token.Value).ToArray() ?? [];
                foreach (var word in words.Where(CommandLineOptions.LooksLikeOption)) result.AddError($"Unknown option '{word}'.");
                if (QuestionOf(words.Where(word => !CommandLineOptions.LooksLikeOption(word))).Length == 0) result.AddError("Ask a question, for example: AdeBot ask \"are my ADE tokens healthy?\"");
            });
        }

        public CliCommand Bind(ParseResult parsed) => new AskCommand(
            QuestionOf(parsed.GetValue(_question)),
            parsed.GetValue(_locale) ?? DefaultLocale,
            parsed.GetValue(_json),
            parsed.GetValue(_tenant),
            parsed.GetValue(_user));

        private static string QuestionOf(IEnumerable<string>? words) => string.Join(' ', words ?? []).Trim();
    }
}
