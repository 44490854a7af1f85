using AdeBot.Testing;
using System.Net;
using AdeBot.Inventory.Membership;
using Microsoft.Extensions.DependencyInjection;
using static AdeBot.Inventory.Tests.Membership.FakeDirectory;

namespace AdeBot.Inventory.Tests.Membership;

/// The real Graph SDK and Azure.Identity sign-in against a fake network: checkMemberGroups as Graph documents it.
public sealed class MembershipTests
{
    private const string User = InventoryTestHost.User;

    /// The inventory and the membership check as the host registers them.
    private static InventoryTestHost<FakeNetwork> Host(IDictionary<string, string?> settings, FakeNetwork network, int cacheMinutes = 5) =>
        InventoryTestHost.Create(settings, network, register: (services, _) =>
        {
            services.AddGroupMembership();
            services.Configure<GroupMembershipOptions>(o => o.CacheMinutes = cacheMinutes);
        });

    [Fact]
    public async Task A_user_in_one_of_the_groups_is_a_member()
    {
        var network = new FakeNetwork().WithUser(User, Group(2), Group(7));
        using var host = Host(InventoryTestHost.OneTenant(), network);

        var result = await host.CheckAsync([Group(1), Group(2)]);

        Assert.Equal(MembershipResult.Member, result);
        var request = Assert.Single(network.GraphRequests(CheckPath(User)));
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal($"Bearer access-for-{InventoryTestHost.TenantA}", request.Authorization);
        Assert.Equal([Group(1), Group(2)], RequestedGroupIds(request.Body!));
    }

    [Fact]
    public async Task A_user_in_none_of_the_groups_is_not_a_member()
    {
        var network = new FakeNetwork().WithUser(User, Group(7));
        using var host = Host(InventoryTestHost.OneTenant(), network);

        var result = await host.CheckAsync([Group(1), Group(2)]);

        Assert.Equal(MembershipResult.NotMember, result);
    }

    [Fact]
    public async Task A_refusal_means_the_check_cannot_be_made_and_names_both_permissions()
    {
        var network = new FakeNetwork().On(CheckPath(User), _ => GraphJson.Status(HttpStatusCode.Forbidden, ("request-id", "req-403")));
        using var host = Host(InventoryTestHost.OneTenant(), network);

        var result = await host.CheckAsync([Group(1)]);

        Assert.Equal(MembershipOutcome.CannotCheck, result.Outcome);
        Assert.Equal(MembershipCheckFailure.PermissionMissing, result.Failure);
        var warning = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 2102);
        Assert.Contains("GroupMember.Read.All and User.Read.All", warning.Text);
        Assert.Contains("req-403", warning.Text);
        Assert.DoesNotContain(InventoryTestHost.ClientSecret, host.Logs.AllText);
    }

    public static TheoryData<int, int, MembershipOutcome, int[]> Chunking => new()
    {
        // groups asked, the one the user is in (0: none), outcome, group ids sent per request
        { 20, 0, MembershipOutcome.NotMember, [20] },
        { 21, 0, MembershipOutcome.NotMember, [20, 1] },
        { 45, 0, MembershipOutcome.NotMember, [20, 20, 5] },
        { 45, 30, MembershipOutcome.Member, [20, 20] },
        { 45, 45, MembershipOutcome.Member, [20, 20, 5] },
        { 45, 3, MembershipOutcome.Member, [20] },
    };

    [Theory]
    [MemberData(nameof(Chunking))]
    public async Task More_than_20_groups_are_asked_in_chunks_until_one_matches(int groupCount, int memberOf, MembershipOutcome expected, int[] chunkSizes)
    {
        var network = new FakeNetwork().WithUser(User, memberOf == 0 ? [] : [Group(memberOf)]);
        using var host = Host(InventoryTestHost.OneTenant(), network);
        var groups = Groups(groupCount);

        var result = await host.CheckAsync(groups);

        Assert.Equal(expected, result.Outcome);
        var requests = network.CheckRequests(User);
        Assert.Equal(chunkSizes, requests.Select(r => r.Count));
        var asked = requests.SelectMany(r => r).ToList();
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.All(asked, id => Assert.Contains(id, groups));
        if (expected == MembershipOutcome.NotMember) Assert.Equal(groups.Order(), asked.Order());
    }

    [Fact]
    public async Task The_same_group_written_twice_is_asked_once()
    {
        var network = new FakeNetwork().WithUser(User);
        using var host = Host(InventoryTestHost.OneTenant(), network);

        await host.CheckAsync([Group(1), Group(1).ToUpperInvariant(), Group(2)]);

        Assert.Equal([[Group(1), Group(2)]], network.CheckRequests(User));
    }

    [Fact]
    public async Task An_answer_is_reused_for_the_cache_time_and_then_asked_again()
    {
        var network = new FakeNetwork().WithUser(User, Group(1));
        using var host = Host(InventoryTestHost.OneTenant(), network, cacheMinutes: 5);

        var first = await host.CheckAsync([Group(1)]);
        host.Time.Advance(TimeSpan.FromMinutes(4));
        var cached = await host.CheckAsync([Group(1)]);
        Assert.Single(network.GraphRequests(CheckPath(User)));
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await host.CheckAsync([Group(1)]);

        Assert.All([first, cached, refreshed], r => Assert.Equal(MembershipResult.Member, r));
        Assert.Equal(2, network.GraphRequests(CheckPath(User)).Count);
    }

    [Fact]
    public async Task The_cache_keeps_users_and_tenants_apart()
    {
        const string other = "5b000000-0000-0000-0000-000000000002";
        var network = new FakeNetwork().WithUser(User, Group(1)).WithUser(other);
        using var host = Host(InventoryTestHost.OneTenant(
            ("Graph:Tenants:0:TenantId", InventoryTestHost.TenantB),
            ("Graph:Tenants:0:ClientId", InventoryTestHost.ClientId),
            ("Graph:Tenants:0:ClientSecret", "second-secret")), network);

        var member = await host.CheckAsync([Group(1)]);
        var outsider = await host.CheckAsync([Group(1)], user: other);
        var inOtherTenant = await host.CheckAsync([Group(1)], tenantId: InventoryTestHost.TenantB);

        Assert.Equal(MembershipResult.Member, member);
        Assert.Equal(MembershipResult.NotMember, outsider);
        Assert.Equal(MembershipResult.Member, inOtherTenant);
        Assert.Equal([$"Bearer access-for-{InventoryTestHost.TenantA}", $"Bearer access-for-{InventoryTestHost.TenantB}"],
            network.GraphRequests(CheckPath(User)).Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_failed_check_is_not_cached_so_a_granted_permission_counts_at_once()
    {
        var granted = false;
        var network = new FakeNetwork().On(CheckPath(User), _ => granted
            ? FakeNetwork.Json($$"""{"value":["{{Group(1)}}"]}""")
            : GraphJson.Status(HttpStatusCode.Forbidden));
        using var host = Host(InventoryTestHost.OneTenant(), network);

        var refused = await host.CheckAsync([Group(1)]);
        granted = true;
        var allowed = await host.CheckAsync([Group(1)]);

        Assert.Equal(MembershipCheckFailure.PermissionMissing, refused.Failure);
        Assert.Equal(MembershipResult.Member, allowed);
        Assert.Equal(2, network.GraphRequests(CheckPath(User)).Count);
    }

    [Fact]
    public async Task A_user_the_directory_does_not_know_is_not_a_member()
    {
        var network = new FakeNetwork(); // every unrouted path answers 404 ResourceNotFound
        using var host = Host(InventoryTestHost.OneTenant(), network);

        var result = await host.CheckAsync([Group(1)]);

        Assert.Equal(MembershipResult.NotMember, result);
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 2107);
    }

    [Fact]
    public async Task Graph_still_unavailable_after_retries_means_the_check_cannot_be_made()
    {
        var network = new FakeNetwork().On(CheckPath(User), _ => GraphJson.Status(HttpStatusCode.ServiceUnavailable, ("Retry-After", "0")));
        using var host = Host(InventoryTestHost.OneTenant(), network);

        var result = await host.CheckAsync([Group(1)]);

        Assert.Equal(MembershipResult.CannotCheck(MembershipCheckFailure.GraphUnavailable), result);
        Assert.True(network.GraphRequests(CheckPath(User)).Count > 1, "the tenant's throttle retries a 503");
    }

    [Fact]
    public async Task A_check_that_outlasts_the_request_timeout_means_Graph_is_unavailable()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var network = new FakeNetwork().On(CheckPath(User), async (_, cancellationToken) =>
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });
        using var host = Host(InventoryTestHost.OneTenant(("Graph:RequestTimeoutSeconds", "30")), network);

        var check = host.CheckAsync([Group(1)]);
        await started.Task.WaitAsync(TestTimeout.Token);
        host.Time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(check.IsCompleted);
        host.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(MembershipResult.CannotCheck(MembershipCheckFailure.GraphUnavailable), await check);
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("replay")]
    public async Task Without_credentials_there_is_no_directory_to_ask(string mode)
    {
        var network = new FakeNetwork().WithUser(User, Group(1));
        Dictionary<string, string?> settings = mode == "replay"
            ? new() { ["Graph:ReplayPath"] = Path.Combine(AppContext.BaseDirectory, "Recordings", "multi-page.json") }
            : [];
        using var host = Host(settings, network);

        var result = await host.CheckAsync([Group(1)]);

        Assert.Equal(MembershipResult.CannotCheck(MembershipCheckFailure.NoCredentials), result);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task A_tenant_without_credentials_cannot_be_checked()
    {
        var network = new FakeNetwork().WithUser(User, Group(1));
        using var host = Host(InventoryTestHost.OneTenant(), network);

        var result = await host.CheckAsync([Group(1)], tenantId: InventoryTestHost.TenantB);

        Assert.Equal(MembershipResult.CannotCheck(MembershipCheckFailure.NoCredentials), result);
        Assert.Empty(network.Requests);
    }

    [Theory]
    [InlineData("not-a-user-id", "9a000000-0000-0000-0000-000000000001")]
    [InlineData("", "9a000000-0000-0000-0000-000000000001")]
    [InlineData(User, "Admins")]
    [InlineData("../../groups", "9a000000-0000-0000-0000-000000000001")]
    public async Task Ids_that_are_not_object_ids_are_never_sent(string user, string group)
    {
        var network = new FakeNetwork().WithUser(User, Group(1));
        using var host = Host(InventoryTestHost.OneTenant(), network);

        var result = await host.CheckAsync([group], user: user);

        Assert.Equal(MembershipResult.CannotCheck(MembershipCheckFailure.InvalidRequest), result);
        Assert.Empty(network.Requests);
    }
}

internal static class MembershipChecks
{
    public static Task<MembershipResult> CheckAsync(this InventoryTestHost<FakeNetwork> host, IReadOnlyCollection<string> groupIds,
        string user = InventoryTestHost.User, string tenantId = InventoryTestHost.TenantA) =>
        host.Get<IGroupMembership>().IsMemberOfAnyAsync(tenantId, user, groupIds, TestTimeout.Token);
}
