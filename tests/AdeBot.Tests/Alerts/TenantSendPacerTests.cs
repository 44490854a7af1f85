using AdeBot.Alerts;
using AdeBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Tests.Alerts;

public sealed class TenantSendPacerTests
{
    [Fact]
    public void A_burst_up_to_the_limit_goes_at_once_and_the_rest_waits_for_the_window()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var pacer = new TenantSendPacer(time, sendsPerSecond: 2);

        var sends = Enumerable.Range(0, 5).Select(_ => pacer.WaitTurnAsync("tenant-a", CancellationToken.None)).ToList();
        var otherTenant = pacer.WaitTurnAsync("tenant-b", CancellationToken.None);

        Assert.Equal([true, true, false, false, false], sends.Select(s => s.IsCompleted));
        Assert.True(otherTenant.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal([true, true, false, false, false], sends.Select(s => s.IsCompleted));
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([true, true, true, true, false], sends.Select(s => s.IsCompleted));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.All(sends, s => Assert.True(s.IsCompleted));
    }

    [Fact]
    public void After_a_quiet_second_the_full_burst_is_available_again()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        var pacer = new TenantSendPacer(time, sendsPerSecond: 2);
        Assert.True(pacer.WaitTurnAsync("tenant", CancellationToken.None).IsCompleted);
        Assert.True(pacer.WaitTurnAsync("TENANT", CancellationToken.None).IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(pacer.WaitTurnAsync("tenant", CancellationToken.None).IsCompleted);
        Assert.True(pacer.WaitTurnAsync("tenant", CancellationToken.None).IsCompleted);
        Assert.False(pacer.WaitTurnAsync("tenant", CancellationToken.None).IsCompleted);
    }
}
