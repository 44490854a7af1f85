using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace AdeBot.Load.Bench;

/// Health questions against the running app: each send is timed to the first card that answers it.
internal sealed class TurnLoad(AppProcess app, FakeConnector connector, string question)
{
    private readonly ConcurrentDictionary<string, (long SentAt, TaskCompletionSource Answered)> _waiting = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = app.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
    private int _sequence;

    public void Attach() => connector.OnReply = (_, activityId) =>
    {
        if (activityId is not null && _waiting.TryRemove(activityId, out var waiting))
        {
            Latencies.Add(Stopwatch.GetElapsedTime(waiting.SentAt));
            waiting.Answered.TrySetResult();
        }
    };

    public ConcurrentBag<TimeSpan> Latencies { get; private set; } = [];

    public int Sent;
    public int Refused;

    public void Reset()
    {
        Latencies = [];
        Sent = 0;
        Refused = 0;
    }

    /// One question from `user`; completes when its first card arrived (or after the timeout, lost).
    public async Task<bool> AskAsync(int user, TimeSpan timeout)
    {
        var id = $"bench-{Interlocked.Increment(ref _sequence)}";
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[id] = (Stopwatch.GetTimestamp(), answered);
        Interlocked.Increment(ref Sent);
        using var content = new StringContent(Message(id, user), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync("api/messages", content);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref Refused);
            _waiting.TryRemove(id, out _);
            return false;
        }
        var done = await Task.WhenAny(answered.Task, Task.Delay(timeout));
        if (done != answered.Task) _waiting.TryRemove(id, out _);
        return done == answered.Task;
    }

    public int Unanswered => _waiting.Count;

    public async Task<double> HealthzPerSecondAsync(int concurrency, TimeSpan duration)
    {
        var count = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                using var response = await _http.GetAsync("healthz");
                Interlocked.Increment(ref count);
            }
        }));
        return count / watch.Elapsed.TotalSeconds;
    }

    private string Message(string id, int user) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["channelId"] = "msteams",
        ["serviceUrl"] = connector.ServiceUrl,
        ["locale"] = "en-US",
        ["text"] = question,
        ["from"] = new JsonObject { ["id"] = $"29:1bench-user-{user}", ["aadObjectId"] = "5b000000-0000-0000-0000-0000000000a1" },
        ["recipient"] = new JsonObject { ["id"] = "28:adebot-bench", ["name"] = "AdeBot" },
        ["conversation"] = new JsonObject { ["id"] = $"a:bench-user-{user}", ["conversationType"] = "personal", ["tenantId"] = "11111111-2222-3333-4444-555555555555" },
    }.ToJsonString();

    public static string Percentiles(IReadOnlyCollection<TimeSpan> latencies)
    {
        if (latencies.Count == 0) return "no answers";
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return $"p50 {At(0.50):0.0} ms, p95 {At(0.95):0.0} ms, p99 {At(0.99):0.0} ms";
    }
}
