using AdeBot.Access;
using Microsoft.Extensions.Options;
using static AdeBot.Inventory.Testing.InventoryTestHost;
using static AdeBot.Tests.Access.AccessSetup;

namespace AdeBot.Tests.Access;

public sealed class AccessOptionsTests
{
    [Fact]
    public void Nothing_configured_means_no_lists_and_a_five_minute_cache()
    {
        using var host = AccessSetup.Create("sample");

        var options = host.Get<IOptions<AccessOptions>>().Value;

        Assert.Empty(options.AllowedTenantIds);
        Assert.Empty(options.AdminGroupIds);
        Assert.Equal(5, options.MembershipCacheMinutes);
        Assert.Equal(30, options.CardActionsPerUserPerMinute);
        Assert.Equal(3600, options.RefusalReplyIntervalSeconds);
    }

    [Fact]
    public void Configured_lists_are_exactly_what_configuration_says()
    {
        using var host = AccessSetup.Create("sample", Settings(
            ("Access:AllowedTenantIds:0", TenantB),
            ("Access:AdminGroupIds:0", AdminGroup),
            ("Access:AdminGroupIds:1", "9a000000-0000-0000-0000-000000000002"),
            ("Access:MembershipCacheMinutes", "15")));

        var options = host.Get<IOptions<AccessOptions>>().Value;

        Assert.Equal([TenantB], options.AllowedTenantIds);
        Assert.Equal([AdminGroup, "9a000000-0000-0000-0000-000000000002"], options.AdminGroupIds);
        Assert.Equal(15, options.MembershipCacheMinutes);
    }

    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        { "Access:AllowedTenantIds:0", "contoso.onmicrosoft.com", "Access:AllowedTenantIds:0 must be a directory (tenant) id GUID" },
        { "Access:AdminGroupIds:0", "IT Admins", "Access:AdminGroupIds:0 must be an Entra group's object id (a GUID)" },
        { "Access:AdminGroupIds:0", "", "Access:AdminGroupIds:0 must be an Entra group's object id" },
        { "Access:MembershipCacheMinutes", "-1", "Access:MembershipCacheMinutes must be between 0" },
        { "Access:MembershipCacheMinutes", "1441", "Access:MembershipCacheMinutes must be between 0" },
        { "Access:RefusalReplyIntervalSeconds", "-1", "Access:RefusalReplyIntervalSeconds must be between 0" },
        { "Access:CardActionsPerUserPerMinute", "0", "Access:CardActionsPerUserPerMinute must be between 1 and 100000" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void A_wrong_setting_stops_start_up_naming_the_key(string key, string value, string expected)
    {
        using var host = AccessSetup.Create("sample", Settings((key, value)));

        var error = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<AccessOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }
}
