namespace AdeBot.Inventory;

/// Graph:RequestTimeoutSeconds per request, on the injected clock (the HttpClient itself never times out,
/// so a test's manual clock decides when a request has waited too long).
internal static class GraphRequestTimeout
{
    /// Throws TimeoutException naming `what` when the timeout, not the caller, cancelled the request.
    public static async Task<T> SendAsync<T>(Func<CancellationToken, Task<T>> send, string what, TimeSpan timeout, TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            return await send(linked.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Graph did not answer {what} within {timeout.TotalSeconds:0} s.");
        }
    }
}
