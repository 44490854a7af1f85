using System.Net;
using AdeBot.Access;
using static AdeBot.Inventory.Testing.InventoryTestHost;
using static AdeBot.Tests.Access.AccessSetup;

namespace AdeBot.Tests.Access;

public sealed class AccessPolicyTests
{
    private const string Unconfigured = "44444444-4444-4444-4444-444444444444";

    public static TheoryData<string, string[], string?, AccessReason> TenantRules => new()
    {
        // where answers come from, Access:AllowedTenantIds, the activity's tenant, decision
        { "graph", [], TenantA, AccessReason.Allowed },
        { "graph", [], TenantA.ToUpperInvariant(), AccessReason.Allowed },
        { "graph", [], Unconfigured, AccessReason.TenantNotAllowed },
        { "graph", [TenantB], TenantB, AccessReason.Allowed },
        { "graph", [TenantB], TenantA, AccessReason.TenantNotAllowed },
        { "graph", [TenantA, TenantB], TenantA, AccessReason.Allowed },
        { "sample", [], Unconfigured, AccessReason.Allowed },
        { "sample", [TenantA], TenantA, AccessReason.Allowed },
        { "sample", [TenantA], Unconfigured, AccessReason.TenantNotAllowed },
        { "replay", [], Unconfigured, AccessReason.Allowed },
        { "replay", [TenantA], TenantB, AccessReason.TenantNotAllowed },
        { "graph", [], null, AccessReason.UnknownTenant },
        { "sample", [], "", AccessReason.UnknownTenant },
        { "replay", [TenantA], "  ", AccessReason.UnknownTenant },
    };

    [Theory]
    [MemberData(nameof(TenantRules))]
    public async Task Requests_are_served_only_for_allowed_tenants(string mode, string[] allowedTenants, string? tenantId, AccessReason expected)
    {
        using var host = AccessSetup.Create(mode, AllowedTenants(allowedTenants));

        var decision = await host.CheckAsync(tenantId);

        Assert.Equal(expected, decision.Reason);
        Assert.Equal(expected == AccessReason.Allowed, decision.Allowed);
        Assert.Equal(expected == AccessReason.Allowed, host.Policy().IsTenantAllowed(tenantId));
        Assert.Empty(host.Network.GraphRequests); // without admin groups, nobody is looked up
    }

    public static TheoryData<string, AccessReason> AdminGroupRules => new()
    {
        // the user's groups in the directory (comma-separated), decision
        { AdminGroup, AccessReason.Allowed },
        { $"9a000000-0000-0000-0000-000000000077,{AdminGroup}", AccessReason.Allowed },
        { "9a000000-0000-0000-0000-000000000077", AccessReason.NotInAdminGroup },
        { "", AccessReason.NotInAdminGroup },
    };

    [Theory]
    [MemberData(nameof(AdminGroupRules))]
    public async Task With_admin_groups_only_their_members_are_served(string memberOf, AccessReason expected)
    {
        var network = new FakeDirectoryNetwork().WithUser(User, memberOf.Split(',', StringSplitOptions.RemoveEmptyEntries));
        using var host = AccessSetup.Create("graph", AdminGroups(AdminGroup, "9a000000-0000-0000-0000-000000000002"), network);

        var decision = await host.CheckAsync(TenantA);

        Assert.Equal(expected, decision.Reason);
        var (uri, _) = Assert.Single(host.Network.GraphRequests);
        Assert.Equal($"/v1.0/users/{User}/checkMemberGroups", uri.AbsolutePath);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_caller_without_an_aadObjectId_is_refused_when_admin_groups_are_set(string? user)
    {
        var network = new FakeDirectoryNetwork().WithUser(User, AdminGroup);
        using var host = AccessSetup.Create("graph", AdminGroups(AdminGroup), network);

        var decision = await host.CheckAsync(TenantA, user);

        Assert.Equal(AccessReason.CannotVerifyMembership, decision.Reason);
        Assert.False(decision.Allowed);
        Assert.Empty(host.Network.GraphRequests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.BadRequest)]
    public async Task A_membership_check_that_fails_refuses_the_caller(HttpStatusCode status)
    {
        var network = new FakeDirectoryNetwork { FailWith = status }.WithUser(User, AdminGroup);
        using var host = AccessSetup.Create("graph", AdminGroups(AdminGroup), network);

        var decision = await host.CheckAsync(TenantA);

        Assert.Equal(AccessReason.CannotVerifyMembership, decision.Reason);
        Assert.Contains(3160, host.Logs.EventIds);
        Assert.DoesNotContain("client-secret-never-logged", host.Logs.AllText);
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("replay")]
    public async Task Admin_groups_without_a_directory_to_ask_refuse_everyone(string mode)
    {
        using var host = AccessSetup.Create(mode, AdminGroups(AdminGroup));

        var decision = await host.CheckAsync(TenantA);

        Assert.Equal(AccessReason.CannotVerifyMembership, decision.Reason);
        Assert.Empty(host.Network.GraphRequests);
    }

    [Fact]
    public async Task The_tenant_is_checked_before_anyone_is_looked_up()
    {
        var network = new FakeDirectoryNetwork().WithUser(User, AdminGroup);
        using var host = AccessSetup.Create("graph", AdminGroups(AdminGroup), network);

        var decision = await host.CheckAsync(Unconfigured);

        Assert.Equal(AccessReason.TenantNotAllowed, decision.Reason);
        Assert.Empty(host.Network.GraphRequests);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("5", 1)]
    [InlineData("0", 2)]
    public async Task Access_MembershipCacheMinutes_decides_whether_a_second_message_asks_Graph_again(string? cacheMinutes, int expectedRequests)
    {
        var network = new FakeDirectoryNetwork().WithUser(User, AdminGroup);
        var settings = AdminGroups(AdminGroup);
        if (cacheMinutes is not null) settings["Access:MembershipCacheMinutes"] = cacheMinutes;
        using var host = AccessSetup.Create("graph", settings, network);

        var first = await host.CheckAsync(TenantA);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await host.CheckAsync(TenantA);

        Assert.True(first.Allowed && second.Allowed);
        Assert.Equal(expectedRequests, host.Network.GraphRequests.Count);
    }

    private static Dictionary<string, string?> AllowedTenants(string[] tenants) =>
        Settings([.. tenants.Select((t, i) => ($"Access:AllowedTenantIds:{i}", (string?)t))]);

    private static Dictionary<string, string?> AdminGroups(params string[] groups) =>
        Settings([.. groups.Select((g, i) => ($"Access:AdminGroupIds:{i}", (string?)g))]);
}
