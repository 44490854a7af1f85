namespace AdeBot.Testing;

/// A safety net so a broken test fails instead of hanging the run; no test depends on it firing.
public static class TestTimeout
{
    public static CancellationToken Token => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;
}
