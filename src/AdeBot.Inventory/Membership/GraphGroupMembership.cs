using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Users.Item.CheckMemberGroups;

namespace AdeBot.Inventory.Membership;

/// POST /v1.0/users/{id}/checkMemberGroups through the tenant's own GraphServiceClient (the one the
/// inventory signs in with), in chunks of 20 group ids, stopping at the first chunk with a match.
/// Definite answers (Member / NotMember) are cached per tenant, user and group set; failures are not,
/// so a permission granted a moment ago is picked up on the next message.
internal sealed class GraphGroupMembership(
    TokenInventory inventory,
    IOptions<GroupMembershipOptions> options,
    IOptions<GraphOptions> graphOptions,
    TimeProvider time,
    ILogger<GraphGroupMembership> logger) : IGroupMembership
{
    /// checkMemberGroups accepts at most 20 group ids per request.
    internal const int MaxGroupsPerRequest = 20;

    private readonly ConcurrentDictionary<CacheKey, CachedAnswer> _cache = new();
    private readonly TimeSpan _cacheFor = TimeSpan.FromMinutes(options.Value.CacheMinutes);
    private readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(graphOptions.Value.RequestTimeoutSeconds);
    private long _nextSweepTicks;

    public async Task<MembershipResult> IsMemberOfAnyAsync(string tenantId, string userObjectId, IReadOnlyCollection<string> groupIds,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userObjectId, out var user))
            return Invalid(tenantId, "the user id");
        List<Guid> groups = [];
        foreach (var id in groupIds)
        {
            if (!Guid.TryParse(id, out var group)) return Invalid(tenantId, "a group id");
            groups.Add(group);
        }
        groups = [.. groups.Distinct().Order()];
        if (groups.Count == 0) return MembershipResult.NotMember;

        if (inventory.GraphClientFor(tenantId) is not { } client)
        {
            MembershipLog.NoCredentials(logger, tenantId, inventory.DefaultSource);
            return MembershipResult.CannotCheck(MembershipCheckFailure.NoCredentials);
        }

        var key = new CacheKey(tenantId.ToLowerInvariant(), user, string.Join(',', groups));
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && now < cached.ExpiresAt)
        {
            MembershipLog.CacheHit(logger, tenantId, userObjectId, cached.Result.Outcome, cached.ExpiresAt);
            return cached.Result;
        }

        var result = await AskGraphAsync(client, tenantId, user, groups, cancellationToken);
        if (result.Outcome != MembershipOutcome.CannotCheck && _cacheFor > TimeSpan.Zero)
        {
            SweepExpired(now);
            _cache[key] = new CachedAnswer(result, now + _cacheFor);
        }
        return result;
    }

    private async Task<MembershipResult> AskGraphAsync(GraphServiceClient client, string tenantId, Guid user, List<Guid> groups,
        CancellationToken cancellationToken)
    {
        var userId = user.ToString();
        var requests = 0;
        try
        {
            foreach (var chunk in groups.Chunk(MaxGroupsPerRequest))
            {
                requests++;
                var body = new CheckMemberGroupsPostRequestBody { GroupIds = [.. chunk.Select(g => g.ToString())] };
                var response = await GraphRequestTimeout.SendAsync(token =>
                    client.Users[userId].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(body, cancellationToken: token),
                    "checkMemberGroups", _requestTimeout, time, cancellationToken);
                var found = response?.Value ?? throw new InvalidDataException("Graph answered checkMemberGroups without a \"value\" array.");
                if (found.Any(id => Guid.TryParse(id, out var group) && chunk.Contains(group)))
                {
                    MembershipLog.Checked(logger, tenantId, userId, MembershipOutcome.Member, groups.Count, requests);
                    return MembershipResult.Member;
                }
            }
            MembershipLog.Checked(logger, tenantId, userId, MembershipOutcome.NotMember, groups.Count, requests);
            return MembershipResult.NotMember;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            return Classify(ex, tenantId, userId);
        }
    }

    /// The causes GraphFailures reads for the inventory, with this check's permissions and one
    /// difference: a user the directory does not know is in none of its groups.
    private MembershipResult Classify(Exception exception, string tenantId, string userId)
    {
        var failure = GraphFailures.Cause(exception);
        switch (failure.Cause)
        {
            case GraphFailureCause.PermissionMissing:
                MembershipLog.PermissionMissing(logger, tenantId, failure.StatusCode, failure.RequestId, string.Join(" and ", MembershipResult.RequiredPermissions));
                return MembershipResult.CannotCheck(MembershipCheckFailure.PermissionMissing);
            case GraphFailureCause.NotFound:
                MembershipLog.UserNotFound(logger, tenantId, userId, failure.RequestId);
                return MembershipResult.NotMember;
            case GraphFailureCause.Unavailable:
                MembershipLog.GraphUnavailable(logger, tenantId, failure.StatusCode, failure.RequestId, failure.Reason);
                return MembershipResult.CannotCheck(MembershipCheckFailure.GraphUnavailable);
            case GraphFailureCause.SignInRejected:
                MembershipLog.SignInFailed(logger, tenantId, failure.Reason);
                return MembershipResult.CannotCheck(MembershipCheckFailure.SignInFailed);
            default:
                MembershipLog.Unexpected(logger, tenantId, exception);
                return MembershipResult.CannotCheck(MembershipCheckFailure.Unexpected);
        }
    }

    private MembershipResult Invalid(string tenantId, string what)
    {
        MembershipLog.InvalidRequest(logger, tenantId, what);
        return MembershipResult.CannotCheck(MembershipCheckFailure.InvalidRequest);
    }

    /// Keeps the cache to the users seen within the cache time; runs at most once per cache time.
    private void SweepExpired(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + _cacheFor).UtcTicks, due) != due) return;
        foreach (var (key, answer) in _cache)
            if (answer.ExpiresAt <= now) _cache.TryRemove(key, out _);
    }

    private readonly record struct CacheKey(string TenantId, Guid User, string Groups);

    private sealed record CachedAnswer(MembershipResult Result, DateTimeOffset ExpiresAt);
}
