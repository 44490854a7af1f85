using System.Text.Json.Nodes;
using AdeBot.Inventory;
using AdeBot.Testing.Connector;
using AdeBot.Tests.Access;
using AdeBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Tests.GuidedFix;

/// A host reading one Graph tenant through a fake Graph whose answers a test changes between reads
/// (a token renewed, a sync recovered), on a FakeTimeProvider so the verification limit, the cache
/// and idle expiry are crossed by moving the clock. Graph tenants rule out local mode, so every
/// activity comes signed as the Bot Connector would sign it.
public sealed class GuidedFixBotHost : AdeBotHost
{
    public const string Tenant = "66666666-6666-6666-6666-666666666666";

    public GuidedFixBotHost() : this(new FakeTimeProvider(TimeProvider.System.GetUtcNow()))
    {
    }

    private GuidedFixBotHost(FakeTimeProvider clock) : this(clock, new ChangingGraph(clock), dataPath: null, connector: null)
    {
    }

    private GuidedFixBotHost(FakeTimeProvider clock, ChangingGraph graph, string? dataPath, FakeConnectorServer? connector) : base(
        Settings(dataPath),
        services => services.AddSingleton(new GraphNetwork(graph)),
        connector,
        authenticated: true,
        clock: clock)
    {
        Clock = clock;
        Graph = graph;
    }

    /// A host on a data folder and connector of the caller's, sharing this one's clock and Graph:
    /// starting it after this one stopped is a restart.
    public GuidedFixBotHost RestartedOn(string dataPath, FakeConnectorServer connector) => new(Clock, Graph, dataPath, connector);

    /// A host on a data folder of the caller's (kept across a restart) and a connector it shares.
    public static GuidedFixBotHost On(string dataPath, FakeConnectorServer connector)
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        return new GuidedFixBotHost(clock, new ChangingGraph(clock), dataPath, connector);
    }

    public FakeTimeProvider Clock { get; }

    public ChangingGraph Graph { get; }

    private static Dictionary<string, string?> Settings(string? dataPath)
    {
        Dictionary<string, string?> settings = new()
        {
            ["Graph:TenantId"] = Tenant,
            ["Graph:ClientId"] = "22222222-2222-2222-2222-222222222222",
            ["Graph:ClientSecret"] = "client-secret-for-tests",
            ["Access:AllowAllUsers"] = "true",
        };
        if (dataPath is not null) settings["Storage:DataPath"] = dataPath;
        return settings;
    }
}

/// Graph at the network edge: Entra ID sign-in from FakeDirectoryNetwork, the token reads from the
/// sample tenant's recording as of the clock, which a test edits between reads. Counts the reads of
/// the ADE token list.
public sealed class ChangingGraph : HttpMessageHandler
{
    private readonly HttpMessageInvoker _signIn = new(new FakeDirectoryNetwork(), disposeHandler: true);
    private readonly HttpMessageInvoker _reads;
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private GraphRecording _recording;
    private RecordedAnswers _answers;
    private int _tokenListReads;

    public ChangingGraph(TimeProvider clock)
    {
        _clock = clock;
        _recording = SampleTenant.Recording(clock.GetUtcNow());
        _answers = new RecordedAnswers(_recording);
        _reads = new HttpMessageInvoker(new RecordingHandler(() => { lock (_gate) return _answers; }), disposeHandler: true);
    }

    public int TokenListReads => Volatile.Read(ref _tokenListReads);

    /// Back to the sample tenant as of now.
    public void Reset()
    {
        lock (_gate)
        {
            _recording = SampleTenant.Recording(_clock.GetUtcNow());
            _answers = new RecordedAnswers(_recording);
        }
    }

    /// The ADE token renewed in the portal: its new expiry date, as Graph will report it.
    public void Renew(string tokenId, DateTimeOffset expires) =>
        ChangeAdeToken(tokenId, token => token["tokenExpirationDateTime"] = expires.ToString("O"));

    /// The ADE token synced again: no error, a successful sync at `at`.
    public void RecoverSync(string tokenId, DateTimeOffset at) => ChangeAdeToken(tokenId, token =>
    {
        token["lastSyncErrorCode"] = 0;
        token["lastSuccessfulSyncDateTime"] = at.ToString("O");
    });

    private void ChangeAdeToken(string tokenId, Action<JsonObject> change)
    {
        lock (_gate)
        {
            var found = false;
            List<RecordedResponse> responses = [];
            foreach (var response in _recording.Responses)
            {
                var body = response.Body?.DeepClone();
                if (response.Url.Contains("/depOnboardingSettings", StringComparison.Ordinal) && body?["value"] is JsonArray tokens)
                {
                    foreach (var token in tokens.OfType<JsonObject>().Where(t => (string?)t["id"] == tokenId))
                    {
                        change(token);
                        found = true;
                    }
                }
                responses.Add(response with { Body = body });
            }
            if (!found) throw new ArgumentException($"The recording has no ADE token {tokenId}.", nameof(tokenId));
            _recording = new GraphRecording(responses);
            _answers = new RecordedAnswers(_recording);
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.Host != "graph.microsoft.com") return _signIn.SendAsync(request, cancellationToken);
        if (uri.AbsolutePath.EndsWith("/depOnboardingSettings", StringComparison.OrdinalIgnoreCase) && !uri.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase))
            Interlocked.Increment(ref _tokenListReads);
        return _reads.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _signIn.Dispose();
            _reads.Dispose();
        }
        base.Dispose(disposing);
    }
}
