using static AdeBot.Inventory.Testing.InventoryTestHost;
using static AdeBot.Tests.Access.AccessSetup;

namespace AdeBot.Tests.Access;

public sealed class AccessStartupCheckTests
{
    private const int NoAdminGroup = 3150, AdminGroupsWithoutDirectory = 3151, AllowedTenantUnreadable = 3152;

    public static TheoryData<string, string?, string?, int[]> Warnings => new()
    {
        // where answers come from, Access:AdminGroupIds:0, Access:AllowedTenantIds:0, warnings expected
        // With Access:AllowAllUsers=true, said on purpose (without it this start fails, below).
        { "graph", null, null, [NoAdminGroup] },
        { "graph", AdminGroup, null, [] },
        { "graph", AdminGroup, TenantA, [] },
        { "graph", AdminGroup, TenantB, [AllowedTenantUnreadable] },
        { "sample", null, null, [] },
        { "replay", null, TenantB, [] },
        { "sample", AdminGroup, null, [AdminGroupsWithoutDirectory] },
        { "replay", AdminGroup, TenantB, [AdminGroupsWithoutDirectory] },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public async Task Start_up_warns_about_settings_that_leave_AdeBot_open_or_useless(string mode, string? adminGroup, string? allowedTenant, int[] expected)
    {
        Dictionary<string, string?> settings = [];
        if (adminGroup is not null) settings["Access:AdminGroupIds:0"] = adminGroup;
        if (allowedTenant is not null) settings["Access:AllowedTenantIds:0"] = allowedTenant;
        if (mode == "graph" && adminGroup is null) settings["Access:AllowAllUsers"] = "true";
        using var host = AccessSetup.Create(mode, settings);

        await host.StartAsync();

        Assert.Equal(expected, host.Logs.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.EventId.Id is >= 3150 and < 3160)
            .Select(e => e.EventId.Id));
        Assert.Single(host.Logs.Entries, e => e.EventId.Id == 3153);
        if (expected.Contains(NoAdminGroup))
            Assert.Contains("anyone in an allowed tenant can read token health", host.Logs.AllText);
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Production", TenantB, true)]
    [InlineData("Development", null, true)]
    public async Task F10_a_replay_outside_Development_needs_Access_AllowedTenantIds(string environment, string? allowedTenant, bool starts)
    {
        Dictionary<string, string?> settings = [];
        if (allowedTenant is not null) settings["Access:AllowedTenantIds:0"] = allowedTenant;
        using var host = AccessSetup.Create("replay", settings, environment: environment);

        await StartsOrFailsNamingAsync(host, starts, "Graph:ReplayPath", "Access:AllowedTenantIds");
    }

    [Theory]
    [InlineData("graph", null, null, false)]
    [InlineData("graph", null, "false", false)]
    [InlineData("graph", null, "true", true)]
    [InlineData("graph", AdminGroup, null, true)]
    [InlineData("sample", null, null, true)]
    [InlineData("replay", null, null, true)]
    public async Task F4_graph_tenants_without_admin_groups_start_only_when_Access_AllowAllUsers_says_so(string mode, string? adminGroup, string? allowAllUsers, bool starts)
    {
        Dictionary<string, string?> settings = [];
        if (adminGroup is not null) settings["Access:AdminGroupIds:0"] = adminGroup;
        if (allowAllUsers is not null) settings["Access:AllowAllUsers"] = allowAllUsers;
        using var host = AccessSetup.Create(mode, settings, environment: "Development");

        await StartsOrFailsNamingAsync(host, starts, "Access:AdminGroupIds", "Access:AllowAllUsers=true");
    }

    /// The host starts, or start-up fails with one error that names every one of `keys`.
    private static async Task StartsOrFailsNamingAsync(AdeBot.Inventory.Testing.InventoryTestHost<FakeDirectoryNetwork> host, bool starts, params string[] keys)
    {
        var start = await Record.ExceptionAsync(() => host.StartAsync());

        if (starts)
        {
            Assert.Null(start);
            return;
        }
        var error = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(start);
        var failure = Assert.Single(error.Failures);
        Assert.All(keys, key => Assert.Contains(key, failure, StringComparison.Ordinal));
    }
}
