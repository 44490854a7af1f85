using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Health;

/// Decides, for every Apple token of a tenant, whether it is healthy and why not.
public sealed class HealthEvaluator(HealthRulesOptions options, TimeProvider time)
{
    /// The APNs certificate is a singleton; this id stays the same whether or not it is configured,
    /// so an alert on "not configured" can clear once a certificate exists.
    public const string ApnsTokenId = "applePushNotificationCertificate";

    /// The portal's name for the certificate, used as the token name because it has no name of its own.
    public const string ApnsTokenName = "Apple MDM Push certificate";

    /// Apple keeps accepting a renewal of an expired APNs certificate for this long.
    public const int ApnsGracePeriodDays = 30;

    /// ADE tokens live one year; used to estimate when a never-synced token was uploaded.
    private static readonly TimeSpan AdeTokenLifetime = TimeSpan.FromDays(365);

    public TenantHealth Evaluate(TenantSnapshot snapshot)
    {
        // Judged as of now, not as of the snapshot: a last-good snapshot served while Graph is down
        // must still show an expiry coming closer.
        var now = time.GetUtcNow();
        List<TokenHealth> tokens =
        [
            .. snapshot.AdeTokens.Select(token => Ade(token, now) with { LastSyncTriggeredAt = token.LastSyncTriggeredAt }),
            Apns(snapshot.Apns, now),
            .. snapshot.VppTokens.Select(token => Vpp(token, now)),
        ];
        if (snapshot.PortalConnectors.Count > 0) tokens = [.. tokens.Select(token => CrossChecked(token, snapshot.PortalConnectors))];
        tokens.Sort(WorstFirst);
        return new TenantHealth(snapshot.TenantId, snapshot.Source, snapshot.AsOf, Worst(tokens.Select(t => t.Status)), tokens);
    }

    /// Intune's own roll-up is the floor: a token the portal rates worse than the rules above do
    /// gets a problem saying so, at the portal's severity, so AdeBot never calls healthy (or merely
    /// a warning) what the portal calls unhealthy. A portal rating as good or better adds nothing.
    private static TokenHealth CrossChecked(TokenHealth token, IReadOnlyList<PortalConnectorStatus> portal)
    {
        var rows = portal.Where(p => p.Kind == token.Kind
            && (token.Kind == TokenKind.Apns || string.Equals(p.InstanceId, token.Id, StringComparison.OrdinalIgnoreCase)));
        var severity = rows.Select(p => p.Status).DefaultIfEmpty(PortalHealth.Unknown).Max() switch
        {
            PortalHealth.Unhealthy => HealthStatus.Critical,
            PortalHealth.Warning => HealthStatus.Warning,
            _ => HealthStatus.Healthy,
        };
        if (severity <= token.Status) return token;
        List<Problem> problems = [.. token.Problems, new Problem(ProblemCode.PortalUnhealthy, severity)];
        return Token(token.Kind, token.Id, token.Name, token.AppleId, token.Program, token.ExpiresAt, token.LastSuccessfulSyncAt, problems)
            with { LastSyncTriggeredAt = token.LastSyncTriggeredAt };
    }

    public static HealthStatus Worst(IEnumerable<HealthStatus> statuses) =>
        statuses.DefaultIfEmpty(HealthStatus.Healthy).Max();

    private TokenHealth Ade(AdeToken token, DateTimeOffset now)
    {
        List<Problem> problems = [];
        Add(problems, Expiry(token.ExpiresAt, now));
        Add(problems, SyncErrorCode(token.LastSyncErrorCode));
        Add(problems, token.LastSuccessfulSyncAt is { } lastSync ? Staleness(lastSync, now) : NeverSynced(token.ExpiresAt, now));
        return Token(TokenKind.Ade, token.Id, token.Name, token.AppleId, token.Program, token.ExpiresAt, token.LastSuccessfulSyncAt, problems);
    }

    private TokenHealth Apns(ApnsCertificate? certificate, DateTimeOffset now)
    {
        if (certificate is null)
        {
            // Without a push certificate no Apple device can enroll, so this is critical, but it is
            // a setup gap in the tenant, not a failure of AdeBot.
            return Token(TokenKind.Apns, ApnsTokenId, ApnsTokenName, null, AppleProgram.Unknown, null, null,
                [new Problem(ProblemCode.NotConfigured, HealthStatus.Critical)]);
        }

        List<Problem> problems = [];
        Add(problems, Expiry(certificate.ExpiresAt, now));
        return Token(TokenKind.Apns, ApnsTokenId, ApnsTokenName, certificate.AppleId, AppleProgram.Unknown, certificate.ExpiresAt, null, problems);
    }

    private TokenHealth Vpp(VppToken token, DateTimeOffset now)
    {
        List<Problem> problems = [];
        var expiry = Expiry(token.ExpiresAt, now);
        Add(problems, expiry);

        // Apple marks an expired token `expired` too; one problem is enough when the date already says so.
        var stateRepeatsExpiry = expiry?.Code == ProblemCode.Expired && string.Equals(token.State, VppStates.Expired, StringComparison.OrdinalIgnoreCase);
        if (!string.Equals(token.State, VppStates.Valid, StringComparison.OrdinalIgnoreCase) && !stateRepeatsExpiry)
        {
            problems.Add(new Problem(ProblemCode.InvalidState, HealthStatus.Critical, State: token.State));
        }

        if (string.Equals(token.LastSyncStatus, VppStates.SyncFailed, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new Problem(ProblemCode.SyncFailed, HealthStatus.Critical, HoursSinceSync: token.LastSyncAt is { } at ? WholeHours(now - at) : null));
        }

        var program = token.AccountType?.ToLowerInvariant() switch
        {
            "business" => AppleProgram.BusinessManager,
            "education" => AppleProgram.SchoolManager,
            _ => AppleProgram.Unknown,
        };
        return Token(TokenKind.Vpp, token.Id, token.Name, token.AppleId, program, token.ExpiresAt, token.LastSyncAt, problems);
    }

    private Problem? Expiry(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (expiresAt is not { } at) return null;

        var left = at - now;
        // Truncating toward zero: 6.9 days left is "6 days", 12.5 days past is "12 days ago".
        var days = WholeDays(left);
        if (left <= TimeSpan.Zero) return new Problem(ProblemCode.Expired, HealthStatus.Critical, DaysLeft: days);
        if (left <= TimeSpan.FromDays(options.ExpiryCriticalDays)) return new Problem(ProblemCode.ExpiringSoon, HealthStatus.Critical, DaysLeft: days);
        if (left <= TimeSpan.FromDays(options.ExpiryWarningDays)) return new Problem(ProblemCode.ExpiringSoon, HealthStatus.Warning, DaysLeft: days);
        return null;
    }

    private Problem? SyncErrorCode(int? errorCode)
    {
        if (errorCode is not { } code || code == 0) return null;

        return new Problem(options.ProblemForSyncErrorCode(code), HealthStatus.Critical, ErrorCode: code);
    }

    private Problem? Staleness(DateTimeOffset lastSuccessfulSync, DateTimeOffset now)
    {
        var since = now - lastSuccessfulSync;
        if (since >= TimeSpan.FromHours(options.SyncCriticalHours)) return new Problem(ProblemCode.SyncStale, HealthStatus.Critical, HoursSinceSync: WholeHours(since));
        if (since > TimeSpan.FromHours(options.SyncWarningHours)) return new Problem(ProblemCode.SyncStale, HealthStatus.Warning, HoursSinceSync: WholeHours(since));
        return null;
    }

    /// Intune syncs a token right after upload, so a token that has never synced is a warning while
    /// it is young and critical once it is as old as a critically stale sync. Graph gives no upload
    /// date; it is estimated as one year before expiry. Unknown age counts as old.
    private Problem NeverSynced(DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        var age = expiresAt is { } at ? now - (at - AdeTokenLifetime) : TimeSpan.MaxValue;
        var severity = age >= TimeSpan.FromHours(options.SyncCriticalHours) ? HealthStatus.Critical : HealthStatus.Warning;
        return new Problem(ProblemCode.NeverSynced, severity);
    }

    /// Whole days and hours, truncated toward zero; the cards count the same way so they agree with the problems.
    internal static int WholeDays(TimeSpan span) => (int)span.TotalDays;

    internal static int WholeHours(TimeSpan span) => (int)span.TotalHours;

    private static void Add(List<Problem> problems, Problem? problem)
    {
        if (problem is not null) problems.Add(problem);
    }

    private static TokenHealth Token(
        TokenKind kind, string id, string name, string? appleId, AppleProgram program,
        DateTimeOffset? expiresAt, DateTimeOffset? lastSync, List<Problem> problems)
    {
        // Stable sort: worst first, otherwise in the order the rules run (expiry, error, sync).
        List<Problem> ordered = [.. problems.OrderByDescending(p => p.Severity)];
        return new TokenHealth(kind, id, name, appleId, program, expiresAt, lastSync, Worst(ordered.Select(p => p.Severity)), ordered);
    }

    private static int WorstFirst(TokenHealth a, TokenHealth b)
    {
        var byStatus = b.Status.CompareTo(a.Status);
        if (byStatus != 0) return byStatus;

        var byExpiry = (a.ExpiresAt, b.ExpiresAt) switch
        {
            ({ } x, { } y) => x.CompareTo(y),
            (null, { }) => 1,
            ({ }, null) => -1,
            _ => 0,
        };
        if (byExpiry != 0) return byExpiry;

        var byName = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        if (byName != 0) return byName;

        var byKind = a.Kind.CompareTo(b.Kind);
        return byKind != 0 ? byKind : string.CompareOrdinal(a.Id, b.Id);
    }
}
