using AdeBot.Domain.Health;

namespace AdeBot.Domain.Alerts;

public enum AlertKind
{
    /// A problem appeared or crossed a new threshold (30, 14, 7, 3, 1 days; expired; every 7 days while expired).
    Raised,
    /// A problem that was alerted on has cleared ("renewed", "sync recovered").
    Cleared,
}

/// One thing to tell a conversation about in an alert. `Threshold` names the step that was
/// crossed (for example `days:7`, `expired:0`, `expired:14`, `errorCode:3`, `stale:72h`) and, with
/// tenant, token and problem, is the key that keeps the same alert from going out twice.
public sealed record AlertFinding(
    string TenantId,
    TokenHealth Token,
    ProblemCode Code,
    string Threshold,
    HealthStatus Severity,
    AlertKind Kind,
    Problem? Problem)
{
    public string Key => $"{TenantId}|{Token.Kind}|{Token.Id}|{Code}|{Threshold}";
}
