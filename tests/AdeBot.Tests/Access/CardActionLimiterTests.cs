using AdeBot.Access;
using static AdeBot.Inventory.Testing.InventoryTestHost;
using static AdeBot.Tests.Access.AccessSetup;

namespace AdeBot.Tests.Access;

public sealed class CardActionLimiterTests
{
    [Fact]
    public void F5_each_user_gets_the_configured_clicks_in_any_minute()
    {
        using var host = AccessSetup.Create("sample", Settings(("Access:CardActionsPerUserPerMinute", "3")));
        var limiter = host.Get<CardActionLimiter>();

        List<bool> first = [.. Enumerable.Range(0, 4).Select(_ => limiter.TryAcquire(TenantA, User))];
        var otherUser = limiter.TryAcquire(TenantA, "5b000000-0000-0000-0000-0000000000b2");
        host.Time.Advance(TimeSpan.FromSeconds(59));
        var stillLimited = limiter.TryAcquire(TenantA, User);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var again = limiter.TryAcquire(TenantA, User);

        Assert.Equal([true, true, true, false], first);
        Assert.True(otherUser);
        Assert.False(stillLimited);
        Assert.True(again);
    }

    [Fact]
    public void The_default_is_thirty_clicks_a_minute()
    {
        using var host = AccessSetup.Create("sample");
        var limiter = host.Get<CardActionLimiter>();

        Assert.Equal(30, Enumerable.Range(0, 40).Count(_ => limiter.TryAcquire(TenantA, User)));
    }
}
