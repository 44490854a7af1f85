using System.Diagnostics;
using AdeBot.Telemetry;
using AdeBot.Testing;
using AdeBot.Tests.Infrastructure;
using static AdeBot.Telemetry.AdeBotTelemetry;

namespace AdeBot.Tests.Telemetry;

/// A host whose telemetry goes to in-memory exporters.
public sealed class TelemetryHost : AdeBotHost
{
    public TelemetryHost() : this(new TelemetryRecorder())
    {
    }

    private TelemetryHost(TelemetryRecorder recorder) : base(configureServices: recorder.AddTo) => Recorder = recorder;

    public TelemetryRecorder Recorder { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<OpenTelemetry.Metrics.MetricSnapshot>> CollectMetrics() => Recorder.CollectMetrics(Services);
}

/// What one turn leaves behind: a span tree, metric points and log lines that name it by ids and
/// hashes only, never the people, the words or the devices.
public sealed class TurnTelemetryTests(TelemetryHost host) : IClassFixture<TelemetryHost>
{
    private const string Question = "are my ADE tokens healthy?";

    [Fact]
    public async Task A_health_question_is_one_turn_span_under_its_request_with_graph_reads_and_connector_sends_below_it()
    {
        // A tenant of its own, so the sample's snapshot is not already cached by another test's turn.
        var chat = new TeamsChat(host, tenantId: Guid.NewGuid().ToString());
        await chat.SayAsync(Question);

        var turn = TurnSpan(chat, "Health");
        Assert.Equal(TurnActivityTypes.Message, turn.GetTagItem(Tags.ActivityType));
        Assert.Equal("answered", turn.GetTagItem(Tags.Outcome));
        Assert.Equal(Hash(chat.TenantId), turn.GetTagItem(Tags.TenantHash));

        var trace = host.Recorder.Trace(turn);
        // The turn continues the trace of the request that delivered the message to the inbox.
        var request = Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == "/api/messages");
        Assert.Equal(request.SpanId, turn.ParentSpanId);
        var below = Descendants(trace, turn);
        Assert.Contains(below, s => s.OperationName == Spans.GraphRequest && (s.GetTagItem(Tags.UrlPath) as string ?? "").Contains("depOnboardingSettings"));
        Assert.Contains(below, s => s.Kind == ActivityKind.Client && s.Source.Name == "System.Net.Http"
            && (s.GetTagItem("url.full") as string ?? "").Contains("/v3/conversations/{id}/activities/{id}"));
    }

    [Fact]
    public async Task No_span_of_a_turn_carries_a_name_an_id_of_a_person_the_words_asked_or_a_serial_number()
    {
        var chat = new TeamsChat(host);
        await chat.SayAsync("why isn't C02ZP4MNQR13 enrolling?");
        await chat.SayAsync(Question);

        string[] personal = ["C02ZP4MNQR13", "enrolling", "healthy", "Alex Admin", chat.UserId, TeamsChat.DefaultUser, chat.ConversationId, "@"];
        foreach (var turn in new[] { TurnSpan(chat, "DeviceDiagnosis"), TurnSpan(chat, "Health") })
        {
            foreach (var span in AdeBotSpans(host.Recorder.Trace(turn)))
            {
                var values = span.TagObjects.Select(t => $"{t.Value}").Append(span.DisplayName).ToList();
                Assert.All(personal, word => Assert.DoesNotContain(values, v => v.Contains(word, StringComparison.OrdinalIgnoreCase)));
            }
        }
    }

    [Fact]
    public async Task Turns_are_counted_by_type_intent_and_outcome_with_their_duration_and_the_graph_and_connector_calls()
    {
        var chat = new TeamsChat(host);
        await chat.SayAsync(Question);

        var metrics = host.CollectMetrics();
        static bool HealthAnswered(IReadOnlyDictionary<string, object?> tags) =>
            tags.GetValueOrDefault(Tags.ActivityType) as string == "message" && tags.GetValueOrDefault(Tags.Intent) as string == "Health"
            && tags.GetValueOrDefault(Tags.Outcome) as string == "answered";
        Assert.True(metrics["adebot.turns"].SumWhere(HealthAnswered) >= 1);
        Assert.True(metrics["adebot.turn.duration"].SumWhere(HealthAnswered) >= 1);
        Assert.True(metrics["adebot.graph.requests"].SumWhere(t => t.GetValueOrDefault(Tags.GraphOutcome) as string == "ok") >= 1);
        Assert.True(metrics["adebot.connector.sends"].SumWhere(t => t.GetValueOrDefault(Tags.ConnectorStatus) as string == "Ok") >= 1);
        Assert.Contains("adebot.inbox.depth", metrics.Keys);
        Assert.Contains("adebot.inbox.oldest_age", metrics.Keys);
        Assert.Contains("http.server.request.duration", metrics.Keys);
        // Tags are bounded: no conversation, user or tenant hash multiplies the series.
        Assert.All(metrics["adebot.turns"].TagSets(), tags => Assert.Equal([Tags.ActivityType, Tags.Intent, Tags.Outcome], tags.Keys.Order()));
    }

    [Fact]
    public async Task A_traceparent_sent_by_a_caller_is_not_continued()
    {
        var chat = new TeamsChat(host);
        const string foreignTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var message = chat.Message(Question);
        using (var response = await host.PostActivityAsync(message, new Dictionary<string, string>
        {
            ["traceparent"] = $"00-{foreignTrace}-00f067aa0ba902b7-01",
            ["baggage"] = "user=alex",
        }))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        await chat.SettleAsync();

        var turn = TurnSpan(chat, "Health");
        Assert.NotEqual(foreignTrace, turn.TraceId.ToHexString());
        Assert.DoesNotContain(host.Recorder.Spans, s => s.TraceId.ToHexString() == foreignTrace);
        Assert.All(host.Recorder.Trace(turn), s => Assert.Empty(s.Baggage));
    }

    [Fact]
    public async Task Every_log_line_of_a_turn_carries_its_id_and_a_successful_turn_logs_one_information_line()
    {
        var chat = new TeamsChat(host);
        await chat.SayAsync(Question);

        var turn = TurnSpan(chat, "Health");
        var turnId = (string)turn.GetTagItem(Tags.TurnId)!;
        var lines = host.Logs.Entries.Where(e => e.Scope("TurnId") == turnId).ToList();
        var summary = Assert.Single(lines, e => e.EventId.Id == 4300);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, summary.Level);
        Assert.Contains(Hash(chat.StoredConversationId), summary.Message);
        Assert.Contains("Health", summary.Message);
        Assert.Contains("answered", summary.Message);
        Assert.Matches(@"in \d+ ms", summary.Message);
        Assert.DoesNotContain(Question, host.Logs.AllText);
    }

    private Activity TurnSpan(TeamsChat chat, string intent)
    {
        var hash = Hash(chat.StoredConversationId);
        return Assert.Single(host.Recorder.Spans, s => s.OperationName == Spans.Turn
            && s.GetTagItem(Tags.ConversationHash) as string == hash && s.GetTagItem(Tags.Intent) as string == intent);
    }

    /// The fake Bot Connector is an ASP.NET server in this process too: its request spans (which
    /// continue AdeBot's trace, as the real connector might) are not AdeBot's.
    private static IEnumerable<Activity> AdeBotSpans(IReadOnlyList<Activity> trace)
    {
        var clients = trace.Where(s => s.Kind == ActivityKind.Client).Select(s => s.SpanId).ToHashSet();
        return trace.Where(s => !(s.Kind == ActivityKind.Server && clients.Contains(s.ParentSpanId)));
    }

    private static List<Activity> Descendants(IReadOnlyList<Activity> trace, Activity root)
    {
        List<Activity> found = [];
        var frontier = new Queue<ActivitySpanId>([root.SpanId]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in trace.Where(s => s.ParentSpanId == parent))
            {
                found.Add(child);
                frontier.Enqueue(child.SpanId);
            }
        }
        return found;
    }
}
