using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdeBot.Connector;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Conversation;
using AdeBot.Domain.Health;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;
using AdeBot.Bench;
using AdeBot.Inventory;
using AdeBot.Teams;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// The per-turn work of AdeBot, one piece at a time, with allocations. All of them:
//   dotnet run -c Release --project bench/AdeBot.Micro.Bench -- --filter '*'
// One class: --filter '*Recognizer*' (BenchmarkDotNet's own options work too, e.g. --job short).
// In process by default: a separate generated project would build the whole app again first.
BenchmarkSwitcher.FromAssembly(typeof(RecognizerBench).Assembly)
    .Run(args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"]);

/// The recognizer on questions in the three languages, typos included.
[MemoryDiagnoser]
public class RecognizerBench
{
    private static readonly string[] Phrases =
    [
        "are my ADE tokens healthy?",
        "which tokens expire in the next 30 days",
        "why has the token never synced",
        "alert me about all problems",
        "onko ADE-tunnukset kunnossa?",
        "virhe kolme",
        "чи все гаразд з маркерами?",
        "скільки маркерів спливає за тиждень",
        "are my tokkens helthy",
        "what's the weather like",
    ];

    private readonly IntentRecognizer _recognizer = new();

    [Benchmark(Description = "recognize 10 phrases (en, fi, uk, typos)")]
    public int RecognizePhrases()
    {
        var known = 0;
        foreach (var phrase in Phrases)
            if (_recognizer.Recognize(phrase).Kind != IntentKind.Unknown) known++;
        return known;
    }

    [Benchmark(Description = "recognize \"are my ADE tokens healthy?\"")]
    public IntentKind RecognizeHealthQuestion() => _recognizer.Recognize(Phrases[0]).Kind;
}

/// Evaluate + compose the health answer: the sample tenant (through the inventory's real Graph
/// pipeline, read once) and a tenant of 2,000 tokens.
[MemoryDiagnoser]
public class EvaluateComposeBench
{
    private readonly HealthEvaluator _evaluator;
    private readonly CardComposer _composer;
    private readonly CardContext _context = new(CultureInfo.GetCultureInfo("en-US"));
    private TenantSnapshot _sample = null!;
    private TenantSnapshot _large = null!;

    public EvaluateComposeBench()
    {
        var rules = new HealthRulesOptions();
        _evaluator = new HealthEvaluator(rules, TimeProvider.System);
        _composer = new CardComposer(new RemediationCatalog(rules), rules, new AlertOptions(), TimeProvider.System);
    }

    [GlobalSetup]
    public async Task SetUp()
    {
        _sample = await Snapshots.SampleAsync();
        _large = Snapshots.Large(2_000, TimeProvider.System.GetUtcNow());
    }

    [Benchmark(Description = "evaluate + compose, sample tenant (9 tokens)")]
    public int Sample() => _composer.ComposeHealth(_evaluator.Evaluate(_sample), _context).Cards.Count;

    [Benchmark(Description = "evaluate + compose, 2,000 tokens")]
    public int Large() => _composer.ComposeHealth(_evaluator.Evaluate(_large), _context).Cards.Count;
}

/// The composed cards as they are sent: each card in its reply activity, serialized to the bytes
/// the Bot Connector receives.
[MemoryDiagnoser]
public class CardJsonBench
{
    private static readonly Activity Inbound = new()
    {
        Type = ActivityTypes.Message,
        Id = "bench-1",
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        Locale = "en-US",
        From = new ChannelAccount { Id = "29:1bench-user", AadObjectId = "5b000000-0000-0000-0000-0000000000a1" },
        Recipient = new ChannelAccount { Id = "28:adebot-bench", Name = "AdeBot" },
        Conversation = new ConversationAccount { Id = "a:bench-user", ConversationType = "personal", TenantId = SampleTenant.TenantId },
    };

    private IReadOnlyList<AdaptiveCard> _sampleCards = [];
    private IReadOnlyList<AdaptiveCard> _largeCards = [];

    [GlobalSetup]
    public async Task SetUp()
    {
        var rules = new HealthRulesOptions();
        var evaluator = new HealthEvaluator(rules, TimeProvider.System);
        var composer = new CardComposer(new RemediationCatalog(rules), rules, new AlertOptions(), TimeProvider.System);
        var context = new CardContext(CultureInfo.GetCultureInfo("en-US"));
        _sampleCards = composer.ComposeHealth(evaluator.Evaluate(await Snapshots.SampleAsync()), context).Cards;
        _largeCards = composer.ComposeHealth(evaluator.Evaluate(Snapshots.Large(2_000, TimeProvider.System.GetUtcNow())), context).Cards;
    }

    [Benchmark(Description = "card activities to bytes, sample tenant")]
    public long Sample() => Serialize(_sampleCards);

    [Benchmark(Description = "card activities to bytes, 2,000 tokens (first page)")]
    public long Large() => Serialize(_largeCards);

    private static long Serialize(IReadOnlyList<AdaptiveCard> cards)
    {
        long bytes = 0;
        foreach (var card in cards)
            bytes += JsonSerializer.SerializeToUtf8Bytes(OutgoingActivities.Card(Inbound, card), ConnectorJson.Options).Length;
        return bytes;
    }
}

/// A fresh read of a 2,000-token recording through AddTokenInventory's real pipeline (Graph SDK
/// handlers, Kiota parsing, 20 pages of 100), the snapshot cache bypassed.
[MemoryDiagnoser]
public class GraphParseBench
{
    private readonly string _replayPath = Path.Combine(Path.GetTempPath(), $"adebot-micro-bench-{Environment.ProcessId}.json");
    private ServiceProvider _provider = null!;
    private ITokenInventory _inventory = null!;

    [GlobalSetup]
    public void SetUp()
    {
        BenchRecordings.LargeTenant(2_000, 100, TimeProvider.System.GetUtcNow()).Save(_replayPath);
        (_provider, _inventory) = Snapshots.Inventory(new() { ["Graph:ReplayPath"] = _replayPath, ["Graph:SnapshotCacheMinutes"] = "0" });
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _provider.Dispose();
        File.Delete(_replayPath);
    }

    [Benchmark(Description = "Graph read + parse, 2,000 tokens")]
    public async Task<int> Read()
    {
        var reading = await _inventory.ReadAsync(SampleTenant.TenantId, forceRefresh: true, CancellationToken.None);
        return reading.Snapshot?.AdeTokens.Count ?? throw new InvalidOperationException($"The replay was not read: {reading.Failure}.");
    }
}

internal static class Snapshots
{
    public static (ServiceProvider Provider, ITokenInventory Inventory) Inventory(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddTokenInventory(configuration);
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<ITokenInventory>());
    }

    /// The built-in sample tenant, read as the app reads it.
    public static async Task<TenantSnapshot> SampleAsync()
    {
        var (provider, inventory) = Inventory([]);
        await using var _ = provider;
        var reading = await inventory.ReadAsync(SampleTenant.TenantId, CancellationToken.None);
        return reading.Snapshot ?? throw new InvalidOperationException($"The sample was not read: {reading.Failure}.");
    }

    /// A large tenant with a realistic mix: most healthy, some expiring, some with sync errors.
    public static TenantSnapshot Large(int count, DateTimeOffset now) => new(
        SampleTenant.TenantId, SnapshotSource.Replay, now,
        [
            .. Enumerable.Range(1, count).Select(n => new AdeToken(
                $"00000000-0000-4000-8000-{n:D12}", $"Bench ABM {n}", $"it-apple-{n}@bench.example",
                n % 5 == 0 ? AppleProgram.SchoolManager : AppleProgram.BusinessManager,
                now.AddDays(n % 365), now.AddHours(-(n % 72)), now.AddHours(-1), n % 97 == 0 ? 3 : 0, n * 7 % 1000)),
        ],
        null, []);
}
