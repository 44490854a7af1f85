using System.Text.Json;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Alerts;

/// One problem of one token as the alerts follow it over time: the tenant, the token and the
/// problem's track (see AlertTracks). The threshold is not part of it, so a snooze and the ledger
/// follow a token's expiry from `days:30` to `expired:14` as one finding.
public readonly record struct FindingId(string TenantId, TokenKind TokenKind, string TokenId, string Track)
{
    private const char Separator = '|';

    /// `tenant|Kind|tokenId|track`, the form a card button carries.
    public string Key => $"{TenantId}{Separator}{TokenKind}{Separator}{TokenId}{Separator}{Track}";

    public override string ToString() => Key;

    /// Reads a key that came back from a card. Tenant, kind and track never contain the separator,
    /// so a token id that does still parses.
    public static bool TryParse(string? key, out FindingId finding)
    {
        finding = default;
        if (string.IsNullOrWhiteSpace(key)) return false;

        var parts = key.Split(Separator);
        if (parts.Length < 4) return false;

        var tenantId = parts[0];
        var tokenId = string.Join(Separator, parts[2..^1]);
        var track = parts[^1];
        if (tenantId.Length == 0 || tokenId.Length == 0 || !AlertTracks.IsKnown(track)) return false;
        if (!Enum.TryParse<TokenKind>(parts[1], ignoreCase: false, out var kind) || !Enum.IsDefined(kind)) return false;

        finding = new FindingId(tenantId, kind, tokenId, track);
        return true;
    }
}

/// Groups problem codes into the tracks an alert follows. An expiring token that expires stays on
/// one track (ExpiringSoon then Expired), and a sync error that changes meaning (code 5, then 3 =
/// terms not accepted) stays on another, so neither transition reads as "cleared".
public static class AlertTracks
{
    public const string Expiry = "expiry";
    public const string SyncError = "syncError";
    public const string SyncStale = "syncStale";
    public const string NeverSynced = "neverSynced";
    public const string NotConfigured = "notConfigured";
    public const string VppState = "vppState";
    public const string VppSync = "vppSync";

    public static string Of(ProblemCode code) => code switch
    {
        ProblemCode.Expired or ProblemCode.ExpiringSoon => Expiry,
        ProblemCode.SyncError or ProblemCode.TermsNotAccepted or ProblemCode.AccessDenied => SyncError,
        ProblemCode.SyncStale => SyncStale,
        ProblemCode.NeverSynced => NeverSynced,
        ProblemCode.NotConfigured => NotConfigured,
        ProblemCode.InvalidState => VppState,
        ProblemCode.SyncFailed => VppSync,
        // A code added later gets a track of its own until it is grouped here.
        _ => JsonNamingPolicy.CamelCase.ConvertName(code.ToString()),
    };

    public static bool IsKnown(string track) =>
        Enum.GetValues<ProblemCode>().Any(code => string.Equals(Of(code), track, StringComparison.Ordinal));

    /// On an ordered track a step only ever gets more urgent while the problem lasts (days left
    /// shrink, a stale sync gets older), so only a more urgent step is news. On the other tracks any
    /// different step is news (another error code, another VPP state).
    internal static bool IsOrdered(string track) => track is Expiry or SyncStale or NeverSynced;

    internal static AlertClearReason ClearReasonOf(string track) => track switch
    {
        Expiry => AlertClearReason.Renewed,
        SyncError or SyncStale or NeverSynced or VppSync => AlertClearReason.SyncRecovered,
        _ => AlertClearReason.Resolved,
    };
}
