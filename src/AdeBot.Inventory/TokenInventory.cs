using System.Collections.Concurrent;
using AdeBot.Domain.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AdeBot.Inventory;

/// ITokenInventory over Microsoft Graph, the built-in sample or a replay. Snapshots are cached per
/// tenant for Graph:SnapshotCacheMinutes; concurrent reads of one tenant share a single Graph read;
/// when a read fails, the last good snapshot is served with IsStale and the failure.
internal sealed class TokenInventory : ITokenInventory, IDisposable
{
    private readonly Dictionary<string, GraphTokenReader> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly GraphTokenReader? _anyTenant;
    private readonly List<HttpClient> _httpClients = [];
    private readonly ConcurrentDictionary<string, TenantCache> _caches = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TokenCredential> _credentials = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _scope;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TimeSpan _cacheFor;
    private readonly TimeSpan _forcedMinimumAge;
    private readonly TimeProvider _time;
    private readonly ILogger<TokenInventory> _logger;

    public TokenInventory(IOptions<GraphOptions> options, GraphNetwork network, ReplayFile replay, TimeProvider time, ILogger<TokenInventory> logger,
        GraphRequestObserver? observer = null)
    {
        var settings = options.Value;
        observer ??= GraphRequestObserver.None;
        _scope = $"{settings.GraphRoot}/.default";
        _time = time;
        _logger = logger;
        _cacheFor = TimeSpan.FromMinutes(settings.SnapshotCacheMinutes);
        _forcedMinimumAge = settings.ForcedRefreshMinimumAge;
        var timeout = TimeSpan.FromSeconds(settings.RequestTimeoutSeconds);
        var configured = settings.ConfiguredTenants.Select(t => t.Tenant).ToList();

        if (!string.IsNullOrEmpty(settings.ReplayPath))
        {
            if (configured.Count > 0) InventoryLog.ReplayOverridesTenants(logger, settings.ReplayPath);
            DefaultSource = SnapshotSource.Replay;
            _anyTenant = Reader(SampleTenant.TenantId, new AnonymousAuthenticationProvider(), new RecordingHandler(replay.Answers(settings.ReplayPath), time,
                TimeSpan.FromMilliseconds(settings.ReplayLatencyMilliseconds)));
        }
        else if (configured.Count == 0)
        {
            DefaultSource = SnapshotSource.Sample;
            _anyTenant = Reader(SampleTenant.TenantId, new AnonymousAuthenticationProvider(),
                new RecordingHandler(() => new RecordedAnswers(SampleTenant.Recording(time.GetUtcNow()))));
        }
        else
        {
            DefaultSource = SnapshotSource.Graph;
            foreach (var tenant in configured)
            {
                var credential = new ObservedCredential(GraphCredentials.Create(tenant, settings.AuthorityHost, network), tenant.TenantId!, OnSignIn);
                _credentials[tenant.TenantId!] = credential;
                // Tokens go only to the configured Graph host, never to a host a response points at.
                var auth = new AzureIdentityAuthenticationProvider(credential, [settings.Endpoint.Host], null, true, _scope);
                _tenants[tenant.TenantId!] = Reader(tenant.TenantId!, auth, network.Handler);
            }
        }
        WatchedTenantIds = _anyTenant is null ? [.. _tenants.Keys] : [SampleTenant.TenantId];
        InventoryLog.Started(logger, DefaultSource, WatchedTenantIds.Count);

        GraphTokenReader Reader(string tenantId, IAuthenticationProvider auth, HttpMessageHandler? finalHandler)
        {
            // The observer sees each attempt below the tenant's throttle and its retries; the sample
            // and replays are measured too, so a dashboard works the same on the sample.
            var http = GraphClientFactory.Create(GraphPipeline.Handlers(time, new ObservedGraphHandler(observer, tenantId, time)),
                finalHandler: finalHandler);
            http.Timeout = Timeout.InfiniteTimeSpan; // Graph:RequestTimeoutSeconds applies per request, on our clock.
            _httpClients.Add(http);
            return new GraphTokenReader(new GraphServiceClient(http, auth, $"{settings.GraphRoot}/v1.0"), settings.GraphRoot, timeout, time, logger);
        }
    }

    public IReadOnlyList<string> WatchedTenantIds { get; }

    /// The tenants signed in with a credential of their own (none on the sample or a replay).
    internal IReadOnlyCollection<string> CredentialTenantIds => _credentials.Keys;

    /// Raised after each attempt of a tenant's credential to obtain a token.
    internal event Action<string, bool, string?>? SignedIn;

    internal async Task SignInAsync(string tenantId, CancellationToken cancellationToken) =>
        await _credentials[tenantId].GetTokenAsync(new TokenRequestContext([_scope]), cancellationToken);

    private void OnSignIn(string tenantId, bool succeeded, string? failure) => SignedIn?.Invoke(tenantId, succeeded, failure);

    public SnapshotSource DefaultSource { get; }

    public bool CanRead(string tenantId) =>
        !string.IsNullOrWhiteSpace(tenantId) && (_anyTenant is not null || _tenants.ContainsKey(tenantId));

    /// The reader of a tenant, for the device reads: its Graph client, or the sample or replay.
    internal GraphTokenReader? ReaderFor(string tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) ? null : _anyTenant ?? _tenants.GetValueOrDefault(tenantId);

    /// The Graph client of a tenant with credentials; null on the sample or a replay, which have no directory to ask.
    internal GraphServiceClient? GraphClientFor(string tenantId) =>
        _anyTenant is null && !string.IsNullOrWhiteSpace(tenantId) ? _tenants.GetValueOrDefault(tenantId)?.Client : null;

    public Task<InventoryReading> ReadAsync(string tenantId, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, forceRefresh: false, cancellationToken);

    public Task<InventoryReading> ReadAsync(string tenantId, bool forceRefresh, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, forceRefresh ? _forcedMinimumAge : _cacheFor, cancellationToken);

    public Task<InventoryReading> ReadFreshAsync(string tenantId, CancellationToken cancellationToken) =>
        ReadAsync(tenantId, TimeSpan.Zero, cancellationToken);

    /// The cached snapshot when it is younger than `servedUpTo`, else a read (shared with one under way).
    private async Task<InventoryReading> ReadAsync(string tenantId, TimeSpan servedUpTo, CancellationToken cancellationToken)
    {
        var reader = ReaderFor(tenantId);
        if (reader is null)
        {
            InventoryLog.TenantNotConfigured(_logger, tenantId);
            return new InventoryReading(tenantId, DefaultSource, null, new InventoryFailure(InventoryFailureKind.TenantNotConfigured), IsStale: false);
        }

        var cache = _caches.GetOrAdd(tenantId, _ => new TenantCache());
        Task<InventoryReading> read;
        lock (cache.Gate)
        {
            // A forced refresh ("Check again") still serves a snapshot younger than the minimum age.
            if (cache.LastGood is { } good && _time.GetUtcNow() - good.AsOf < servedUpTo)
                return new InventoryReading(tenantId, DefaultSource, good, null, IsStale: false);
            // Task.Run: the refresh must not finish (and clear InFlight) before it is stored here.
            read = cache.InFlight ??= Task.Run(() => RefreshAsync(tenantId, reader, cache));
        }
        return await read.WaitAsync(cancellationToken);
    }

    /// Runs once for all callers waiting on a tenant, so it is not tied to any one caller's cancellation.
    private async Task<InventoryReading> RefreshAsync(string tenantId, GraphTokenReader reader, TenantCache cache)
    {
        InventoryReading reading;
        try
        {
            var snapshot = await reader.ReadAsync(tenantId, DefaultSource, _shutdown.Token);
            InventoryLog.Read(_logger, tenantId, DefaultSource, snapshot.AdeTokens.Count,
                snapshot.Apns is null ? "not configured" : "present", snapshot.VppTokens.Count);
            reading = new InventoryReading(tenantId, DefaultSource, snapshot, null, IsStale: false);
        }
        catch (Exception ex)
        {
            var failure = GraphFailures.Classify(ex, tenantId, _logger);
            TenantSnapshot? lastGood;
            lock (cache.Gate) lastGood = cache.LastGood;
            if (lastGood is not null) InventoryLog.ServingStale(_logger, tenantId, lastGood.AsOf, failure.Kind);
            reading = new InventoryReading(tenantId, DefaultSource, lastGood, failure, IsStale: lastGood is not null);
        }
        lock (cache.Gate)
        {
            if (reading.Succeeded) cache.LastGood = reading.Snapshot;
            cache.InFlight = null;
        }
        return reading;
    }

    public void Dispose()
    {
        // Registered under two service types (ITokenInventory and TokenInventory), so disposed twice.
        if (_shutdown.IsCancellationRequested) return;
        _shutdown.Cancel();
        foreach (var http in _httpClients) http.Dispose();
        _shutdown.Dispose();
    }

    private sealed class TenantCache
    {
        public readonly Lock Gate = new();
        public TenantSnapshot? LastGood;
        public Task<InventoryReading>? InFlight;
    }
}
