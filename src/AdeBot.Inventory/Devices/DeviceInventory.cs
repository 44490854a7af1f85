using System.Collections.Concurrent;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdeBot.Inventory;

/// IDeviceInventory over the token inventory's Graph clients (or the sample and replays, which
/// answer the device reads from the same recordings). The token list and APNs certificate come
/// from the token inventory's per-tenant cache; profiles, restrictions and the devices-at-risk
/// count are cached per tenant for Graph:SnapshotCacheMinutes; a serial lookup itself is never
/// cached. "Check again" (forceRefresh) reads everything again that is older than
/// Graph:ForcedRefreshMinimumAgeSeconds.
internal sealed class DeviceInventory(TokenInventory tokens, IOptions<GraphOptions> options, TimeProvider time, ILogger<DeviceInventory> logger)
    : IDeviceInventory
{
    /// Tokens searched at the same time; Graph's Intune limits are per tenant, so a small cap.
    public const int TokenConcurrency = 4;

    /// Pages of devices counted per token for the health answer; past them the count is "at least".
    public const int CountPagesPerToken = 5;

    /// The optional permission that lets AdeBot see Intune's device records.
    public const string ManagedDevicesPermission = "DeviceManagementManagedDevices.Read.All";

    private readonly TimeSpan _cacheFor = TimeSpan.FromMinutes(options.Value.SnapshotCacheMinutes);
    private readonly TimeSpan _forcedMinimumAge = options.Value.ForcedRefreshMinimumAge;
    private readonly ConcurrentDictionary<(string Tenant, string Token), Cached<TokenProfiles>> _profiles = new();
    private readonly ConcurrentDictionary<string, Cached<EnrollmentRestrictions?>> _restrictions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Cached<IReadOnlyList<TokenEnrollmentRisk>>> _risks = new(StringComparer.OrdinalIgnoreCase);

    public async Task<DeviceLookup> LookUpAsync(string tenantId, string serialNumber, bool forceRefresh, CancellationToken cancellationToken)
    {
        var reading = await tokens.ReadAsync(tenantId, forceRefresh, cancellationToken);
        if (reading.Snapshot is not { } snapshot || tokens.ReaderFor(tenantId) is not { } tokenReader)
            return new DeviceLookup(reading, null, reading.Failure ?? new InventoryFailure(InventoryFailureKind.TenantNotConfigured));

        var serial = SerialNumbers.Normalize(serialNumber);
        var graph = tokenReader.Devices();
        try
        {
            var managed = ManagedDevicesAsync(tenantId, graph, serial, cancellationToken);
            var restrictions = RestrictionsAsync(tenantId, graph, forceRefresh, cancellationToken);
            ConcurrentBag<AdeDeviceRecord> found = [];
            await Parallel.ForEachAsync(snapshot.AdeTokens, AtMostTokenConcurrency(cancellationToken), async (token, ct) =>
            {
                foreach (var record in await graph.FindOnTokenAsync(token.Id, serial, ct)) found.Add(record);
            });
            List<AdeDeviceRecord> records = [.. found.OrderBy(r => IndexOf(snapshot, r.TokenId)).ThenBy(r => r.Id, StringComparer.Ordinal)];

            Dictionary<string, TokenProfiles> profiles = [];
            foreach (var tokenId in records.Select(r => r.TokenId).Distinct())
                profiles[tokenId] = await ProfilesAsync(tenantId, graph, tokenId, forceRefresh, cancellationToken);

            var (managedDevices, missing) = await managed;
            InventoryLog.DeviceLookedUp(logger, tenantId, snapshot.AdeTokens.Count, records.Count, managedDevices?.Count);
            return new DeviceLookup(reading, new DeviceFacts(serial, records, profiles, managedDevices, await restrictions, missing), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new DeviceLookup(reading, null, GraphFailures.Classify(ex, tenantId, logger));
        }
    }

    public async Task<IReadOnlyList<TokenEnrollmentRisk>> CountDevicesWithoutProfileAsync(string tenantId, IReadOnlyList<string> adeTokenIds, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (Fresh(_risks.GetValueOrDefault(tenantId), forceRefresh) is { } cached) return cached;
        if (tokens.ReaderFor(tenantId) is not { } tokenReader) return [];

        var graph = tokenReader.Devices();
        ConcurrentBag<TokenEnrollmentRisk> risks = [];
        await Parallel.ForEachAsync(adeTokenIds, AtMostTokenConcurrency(cancellationToken), async (tokenId, ct) =>
        {
            try
            {
                var profiles = await ProfilesAsync(tenantId, graph, tokenId, forceRefresh, ct);
                if (EnrollmentRiskRules.NoneCanFail(profiles))
                {
                    risks.Add(new TokenEnrollmentRisk(tokenId, 0, AtLeast: false));
                    return;
                }
                var (devices, stoppedEarly) = await graph.ListOnTokenAsync(tokenId, CountPagesPerToken, ct);
                risks.Add(EnrollmentRiskRules.Count(tokenId, devices, profiles, stoppedEarly));
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The count is a bonus to the health answer; a token that cannot be counted is left out.
                InventoryLog.DevicesNotCounted(logger, tenantId, GraphFailures.Cause(ex).Cause);
            }
        });
        List<string> order = [.. adeTokenIds];
        IReadOnlyList<TokenEnrollmentRisk> result = [.. risks.OrderBy(r => order.IndexOf(r.TokenId))];
        _risks[tenantId] = new(time.GetUtcNow(), result);
        return result;
    }

    /// Without the optional permission the diagnosis goes on without Intune's records and says so.
    private async Task<(IReadOnlyList<ManagedDeviceRecord>? Devices, IReadOnlyList<string> Missing)> ManagedDevicesAsync(
        string tenantId, GraphDeviceReader graph, string serial, CancellationToken cancellationToken)
    {
        try
        {
            return (await graph.FindManagedDevicesAsync(serial, cancellationToken), []);
        }
        catch (Exception ex) when (GraphFailures.Cause(ex) is { Cause: GraphFailureCause.PermissionMissing } failure)
        {
            InventoryLog.ManagedDevicesForbidden(logger, tenantId, failure.StatusCode, failure.RequestId, ManagedDevicesPermission);
            return (null, [ManagedDevicesPermission]);
        }
    }

    /// The restrictions only add the platform check: when they cannot be read (a Graph that rejects
    /// the derived-type $select, say), the diagnosis goes on without it. A missing permission is
    /// the tokens' own and fails the lookup like any token read.
    private async Task<EnrollmentRestrictions?> RestrictionsAsync(string tenantId, GraphDeviceReader graph, bool forceRefresh, CancellationToken cancellationToken)
    {
        if (_restrictions.TryGetValue(tenantId, out var cached) && time.GetUtcNow() - cached.At < MaxAge(forceRefresh)) return cached.Value;
        EnrollmentRestrictions? restrictions;
        try
        {
            restrictions = await graph.ReadRestrictionsAsync(cancellationToken);
        }
        catch (Exception ex) when (GraphFailures.Cause(ex) is { Cause: not GraphFailureCause.PermissionMissing and not GraphFailureCause.Unavailable } failure
            && ex is not OperationCanceledException)
        {
            InventoryLog.RestrictionsUnreadable(logger, tenantId, failure.StatusCode, failure.RequestId);
            restrictions = null;
        }
        _restrictions[tenantId] = new(time.GetUtcNow(), restrictions);
        return restrictions;
    }

    private async Task<TokenProfiles> ProfilesAsync(string tenantId, GraphDeviceReader graph, string tokenId, bool forceRefresh, CancellationToken cancellationToken)
    {
        var key = (tenantId.ToUpperInvariant(), tokenId);
        if (Fresh(_profiles.GetValueOrDefault(key), forceRefresh) is { } cached) return cached;
        var profiles = await graph.ReadProfilesAsync(tokenId, cancellationToken);
        _profiles[key] = new(time.GetUtcNow(), profiles);
        return profiles;
    }

    private T? Fresh<T>(Cached<T>? cached, bool forceRefresh) where T : class =>
        cached is not null && time.GetUtcNow() - cached.At < MaxAge(forceRefresh) ? cached.Value : null;

    private TimeSpan MaxAge(bool forceRefresh) => forceRefresh ? _forcedMinimumAge : _cacheFor;

    private static ParallelOptions AtMostTokenConcurrency(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = TokenConcurrency, CancellationToken = cancellationToken };

    private static int IndexOf(TenantSnapshot snapshot, string tokenId)
    {
        for (var i = 0; i < snapshot.AdeTokens.Count; i++)
            if (snapshot.AdeTokens[i].Id == tokenId) return i;
        return int.MaxValue;
    }

    private sealed record Cached<T>(DateTimeOffset At, T Value);
}
