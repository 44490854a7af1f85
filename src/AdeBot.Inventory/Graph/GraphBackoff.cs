using System.Globalization;
using Microsoft.Kiota.Abstractions;

namespace AdeBot.Inventory;

/// Retries a throttled or briefly unavailable Graph read on the injected clock: after Retry-After
/// when Graph sends it, exponentially when it does not (some Intune endpoints throttle without it).
/// The device reads use this instead of the SDK's retry handler, whose waits cannot be tested
/// without waiting.
internal sealed class GraphBackoff(TimeProvider time)
{
    /// The first try and three retries, as the SDK does.
    public const int MaxAttempts = 4;

    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);

    /// A longer Retry-After is not waited for: the answer would come too late for a chat.
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    public async Task<T> SendAsync<T>(Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send(cancellationToken);
            }
            catch (ApiException ex) when (attempt < MaxAttempts && IsTransient(ex) && DelayBefore(attempt, ex) is { } delay)
            {
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    private static bool IsTransient(ApiException ex) => ex.ResponseStatusCode is 429 or 503 or 504;

    /// Retry-After in seconds or as an HTTP date; otherwise 2, 4, 8 seconds. Null: wait no longer.
    internal TimeSpan? DelayBefore(int attempt, ApiException ex)
    {
        var header = ex.ResponseHeaders.FirstOrDefault(h => h.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        TimeSpan? asked = null;
        if (int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) asked = TimeSpan.FromSeconds(seconds);
        else if (DateTimeOffset.TryParseExact(header, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            asked = at - time.GetUtcNow() is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;

        if (asked is { } retryAfter) return retryAfter <= MaxDelay ? retryAfter : null;
        return FirstDelay * Math.Pow(2, attempt - 1);
    }
}
