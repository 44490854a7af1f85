using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Domain.Tests.Alerts;

/// Drives the real health evaluator and alert planner the way the alert service does: every check
/// evaluates the tenant once, plans each subscription, "sends" the plan (records it as a log line)
/// and commits the ledger changes. Log lines read `<days>d<hours>h <subscription>: <findings>`.
internal sealed class AlertScenario
{
    public const string TenantId = "contoso";
    public static readonly DateTimeOffset Start = TestClock.Start;

    private readonly Func<DateTimeOffset, TenantSnapshot> _snapshotAt;
    private readonly HealthEvaluator _evaluator;
    private readonly Dictionary<string, Subscriber> _subscribers = [];

    public AlertScenario(Func<DateTimeOffset, TenantSnapshot> snapshotAt, AlertOptions? options = null)
    {
        _snapshotAt = snapshotAt;
        _evaluator = new HealthEvaluator(new HealthRulesOptions(), Clock);
        Planner = new AlertPlanner(options ?? new AlertOptions(), Clock);
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public AlertPlanner Planner { get; }

    public List<string> Log { get; } = [];

    /// Decides whether sending a message to a subscription fails; a failed send commits nothing.
    public Func<string, IReadOnlyList<AlertFinding>, bool> SendFails { get; set; } = (_, _) => false;

    public AlertScenario Subscribe(string name, AlertScope scope = AlertScope.All)
    {
        var conversation = new StoredConversation(TenantId, $"a:{name}", "personal", "msteams", "https://smba.example/", "28:bot");
        _subscribers[name] = new Subscriber(new ConversationSubscription(conversation, true, scope, null, Start, Start), AlertLedgerState.Empty, []);
        return this;
    }

    public AlertLedgerState Ledger(string name) => _subscribers[name].Ledger;

    public IReadOnlyList<AlertFinding> LastMessage(string name) => _subscribers[name].LastMessage;

    public void Check()
    {
        var health = _evaluator.Evaluate(_snapshotAt(Clock.GetUtcNow()));
        foreach (var (name, subscriber) in _subscribers)
        {
            var plan = Planner.Plan(health, subscriber.Subscription, subscriber.Ledger);
            if (plan.HasMessage)
            {
                if (SendFails(name, plan.Findings)) continue;
                Log.Add($"{Elapsed()} {name}: {Describe(plan.Findings)}");
                subscriber.LastMessage = plan.Findings;
            }

            subscriber.Ledger = subscriber.Ledger.Apply(plan.Changes);
        }
    }

    /// What a guided fix that is not visible yet does: the ledger records the finding of `tokenName`'s
    /// problem on `track` without an alert. Returns the changes it recorded.
    public IReadOnlyList<LedgerChange> Watch(string name, string tokenName, string track)
    {
        var subscriber = _subscribers[name];
        var health = _evaluator.Evaluate(_snapshotAt(Clock.GetUtcNow()));
        var token = health.Tokens.Single(t => t.Name == tokenName);
        var changes = Planner.Watch(health, subscriber.Subscription, subscriber.Ledger, new FindingId(TenantId, token.Kind, token.Id, track));
        subscriber.Ledger = subscriber.Ledger.Apply(changes);
        return changes;
    }

    /// Checks now and then every hour until `duration` has passed since now.
    public List<string> RunHourly(TimeSpan duration)
    {
        var end = Clock.GetUtcNow() + duration;
        while (Clock.GetUtcNow() < end)
        {
            Check();
            Clock.Advance(TimeSpan.FromHours(1));
        }

        return Log;
    }

    /// What a click on the Snooze button of the last alert does: snooze every finding it listed.
    public void SnoozeLastMessage(string name, int days)
    {
        var subscriber = _subscribers[name];
        var until = Planner.SnoozeUntil(days) ?? throw new InvalidOperationException($"{days} days is not a snooze choice.");
        subscriber.Ledger = subscriber.Ledger.Snooze(subscriber.LastMessage.Select(f => f.Finding), until);
    }

    public static string Describe(IEnumerable<AlertFinding> findings) =>
        string.Join(" + ", findings.Select(f => $"{f.Kind} {f.Token.Name} {f.Code} {f.Threshold} {f.Severity}"));

    private string Elapsed()
    {
        var elapsed = Clock.GetUtcNow() - Start;
        return $"{(int)elapsed.TotalDays}d{elapsed.Hours:00}h";
    }

    public static TenantSnapshot Snapshot(params AdeToken[] adeTokens) =>
        new(TenantId, SnapshotSource.Replay, Start, adeTokens, HealthyApns, []);

    public static readonly ApnsCertificate HealthyApns = new("apns", "mdm@contoso.example", "com.apple.mgmt", Start.AddDays(200), Start);

    /// An ADE token that synced at the last 12-hour delta before `now`, unless told otherwise.
    public static AdeToken Ade(
        string name, DateTimeOffset now, DateTimeOffset expiresAt, DateTimeOffset? lastSuccessfulSync = null, int errorCode = 0) =>
        new($"id-{name}", name, "abm@contoso.example", AppleProgram.BusinessManager, expiresAt,
            lastSuccessfulSync ?? LastDeltaSync(now), null, errorCode, 10);

    public static DateTimeOffset LastDeltaSync(DateTimeOffset now) =>
        Start + TimeSpan.FromHours(Math.Floor((now - Start).TotalHours / 12) * 12);

    private sealed class Subscriber(ConversationSubscription subscription, AlertLedgerState ledger, IReadOnlyList<AlertFinding> lastMessage)
    {
        public ConversationSubscription Subscription { get; } = subscription;
        public AlertLedgerState Ledger { get; set; } = ledger;
        public IReadOnlyList<AlertFinding> LastMessage { get; set; } = lastMessage;
    }
}
