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
public sealed class AskCommand(string[] arguments) : CliCommand(arguments)
{
    public const string Usage = "Usage: ask \"<question>\" [--locale <bcp47, e.g. fi-FI>] [--json] [--tenant <tenant id>] [--user <Entra object id>]";

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
        if (!TryParse(out var question, out var error))
        {
            await stderr.WriteLineAsync(error);
            await stderr.WriteLineAsync(Usage);
            return FailureExitCode;
        }

        await services.GetRequiredService<AlertDatabase>().InitializeAsync(cancellationToken);
        var inventory = services.GetRequiredService<ITokenInventory>();
        var time = services.GetRequiredService<TimeProvider>();
        var inbound = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "ask-" + ReferenceIds.New(),
            Timestamp = time.GetUtcNow(),
            ChannelId = "msteams",
            ServiceUrl = AskServiceUrl,
            From = new ChannelAccount { Id = "29:adebot-ask", Name = "AdeBot ask", AadObjectId = OptionValue(Arguments, "--user") },
            Recipient = new ChannelAccount { Id = "28:adebot", Name = "AdeBot" },
            Conversation = new ConversationAccount
            {
                Id = "ask-cli",
                ConversationType = "personal",
                TenantId = OptionValue(Arguments, "--tenant") ?? inventory.WatchedTenantIds.FirstOrDefault(),
            },
            Locale = OptionValue(Arguments, "--locale") ?? "en-US",
            Text = question,
            TextFormat = TextFormats.Plain,
        };

        var replies = new CollectedReplies();
        await services.GetRequiredService<ConversationEngine>().HandleMessageAsync(new InboundTurn(inbound, IsLocal: true), replies, cancellationToken);

        var sent = replies.Activities.Where(a => !a.IsType(ActivityTypes.Typing)).ToList();
        await stdout.WriteLineAsync(Arguments.Contains("--json")
            ? JsonSerializer.Serialize(replies.Activities, ConnectorJson.Options)
            : string.Join(Environment.NewLine + Environment.NewLine, sent.Select(Render)));
        return 0;
    }

    private bool TryParse(out string question, out string error)
    {
        string[] valued = ["--locale", "--tenant", "--user"];
        var positional = Arguments.Where((a, i) => !valued.Contains(a) && a != "--json" && !(i > 0 && valued.Contains(Arguments[i - 1]) && a == OptionValue(Arguments, Arguments[i - 1]))).ToList();
        question = string.Join(' ', positional).Trim();
        error = "";
        if (positional.Any(p => p.StartsWith("--", StringComparison.Ordinal))) error = $"Unknown option: {positional.First(p => p.StartsWith("--", StringComparison.Ordinal))}";
        else if (MissingValue(Arguments, valued) is { } missing) error = missing;
        else if (question.Length == 0) error = "Ask a question, for example: ask \"are my ADE tokens healthy?\"";
        return error.Length == 0;
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
}
