using AdeBot.Domain.Health;

namespace AdeBot.Domain.Alerts;

public enum AlertKind
{
    /// A problem appeared or crossed a new threshold (30, 14, 7, 3, 1 days; expired; every 7 days while expired).
    Raised,
    /// A problem that was alerted on has cleared ("renewed", "sync recovered").
    Cleared,
}

/// Why a Cleared finding cleared, for the wording of the alert.
public enum AlertClearReason
{
    /// The expiry problem is gone: the token's expiry date moved (it was renewed).
    Renewed,
    /// A sync problem (error, stale, never synced, VPP sync failed) is gone.
    SyncRecovered,
    /// Anything else is gone (APNs now configured, VPP state valid again).
    Resolved,
}

/// One thing to tell a conversation about in an alert. `Threshold` names the step that was
/// crossed (for example `days:7`, `expired:0`, `expired:14`, `errorCode:3`, `stale:critical`; for
/// a Cleared finding `renewed`, `syncRecovered` or `resolved`); the ledger records it per `Finding`,
/// which keeps the same alert from going out twice.
/// For a Cleared finding `Problem` is null, `Code` is the problem that cleared and `Severity` the
/// worst severity the conversation was alerted with, so a critical-only subscription hears of it.
public sealed record AlertFinding(
    string TenantId,
    TokenHealth Token,
    ProblemCode Code,
    string Threshold,
    HealthStatus Severity,
    AlertKind Kind,
    Problem? Problem,
    AlertClearReason? ClearReason = null)
{
    /// The token and problem this alert is about, whatever the threshold: what a snooze applies to.
    public FindingId Finding => new(TenantId, Token.Kind, Token.Id, AlertTracks.Of(Code));

    /// `Finding.Key`: what a Snooze button carries in `data.findingKeys`.
    public string FindingKey => Finding.Key;
}
