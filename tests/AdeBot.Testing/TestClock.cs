namespace AdeBot.Testing;

/// Where every test's FakeTimeProvider starts unless the test says otherwise. FakeTimeProvider's own
/// default (1 January 2000) would put the approved card texts' dates and the alert timelines decades off.
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
}
