using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;

namespace AdeBot.Domain.Devices;

/// Decides why one device is or is not enrolling, from what Graph says about its serial and the
/// tenant's token health (evaluated by the health rules, so a blocker and the health answer never
/// disagree). The order of the rules follows Microsoft's troubleshooting flow:
/// 1. An Intune record decides first: through ADE → enrolled; otherwise → enrolled without ADE.
/// 2. No ADE record in any token → not in ADE.
/// 3. Removed from Apple Business / School Manager.
/// 4. The ADE state that already settles it: enrolled (without an Intune record: deleted or
///    retired), pending reset, blocked.
/// 5. The profile: none and no default for the platform → no profile (will fail); an assigned
///    profile the token no longer has → profile not found.
/// 6. The default platform restriction blocks the platform.
/// 7. Failed, or contacted without enrolling → enrollment failed; never contacted → not contacted.
public sealed class DeviceDiagnostician
{
    public DeviceDiagnosis Diagnose(TenantHealth health, DeviceFacts facts)
    {
        var adeTokens = health.Tokens.Where(t => t.Kind == TokenKind.Ade).ToList();
        List<DeviceMatch> matches = [.. OrderedMatches(facts, adeTokens)];
        var primary = matches.FirstOrDefault();
        var managedKnown = facts.ManagedDevices is not null;
        var serial = SerialNumbers.Normalize(facts.SerialNumber);
        var managed = PrimaryManagedDevice(facts.ManagedDevices?.Where(r => SerialNumbers.Normalize(r.SerialNumber) == serial));

        var verdict = Verdict(primary, managed, managedKnown, facts.Restrictions);
        var blockers = Blockers(health, verdict, matches, adeTokens);
        var severity = SeverityOf(verdict, blockers);

        return new DeviceDiagnosis(
            serial, health.TenantId, health.Source, health.AsOf, verdict, severity,
            blockers, facts.MissingPermissions, primary, matches, managed, managedKnown, facts.Restrictions, adeTokens.Count);
    }

    /// The verdict's own severity, raised to critical by a blocker unless the device is already
    /// enrolled (a token problem does not touch an enrolled device; a push certificate problem
    /// does, so it is a warning there).
    public static DiagnosisSeverity SeverityOf(DeviceVerdict verdict, IReadOnlyList<BlockerFinding> blockers)
    {
        var own = verdict switch
        {
            DeviceVerdict.Enrolled => DiagnosisSeverity.Ok,
            DeviceVerdict.EnrolledWithoutAde or DeviceVerdict.PendingReset or DeviceVerdict.NotContacted => DiagnosisSeverity.Warning,
            _ => DiagnosisSeverity.Critical,
        };
        if (blockers.Count == 0) return own;
        if (IsManaged(verdict)) return (DiagnosisSeverity)Math.Max((int)own, (int)DiagnosisSeverity.Warning);
        return DiagnosisSeverity.Critical;
    }

    private static bool IsManaged(DeviceVerdict verdict) => verdict is DeviceVerdict.Enrolled or DeviceVerdict.EnrolledWithoutAde;

    private static DeviceVerdict Verdict(DeviceMatch? primary, ManagedDeviceRecord? managed, bool managedKnown, EnrollmentRestrictions? restrictions)
    {
        if (managed is not null) return managed.IsAde ? DeviceVerdict.Enrolled : DeviceVerdict.EnrolledWithoutAde;
        if (primary is null) return DeviceVerdict.NotInAde;

        var record = primary.Record;
        if (record.IsDeleted) return DeviceVerdict.RemovedFromAbm;

        switch (record.EnrollmentState)
        {
            // Without Intune's records the ADE state is the best evidence there is.
            case AdeEnrollmentState.Enrolled:
                return managedKnown ? DeviceVerdict.EnrolledButNotInIntune : DeviceVerdict.Enrolled;
            case AdeEnrollmentState.PendingReset:
                return DeviceVerdict.PendingReset;
            case AdeEnrollmentState.Blocked:
                return DeviceVerdict.Blocked;
        }

        if (primary.ProfileMissing) return DeviceVerdict.ProfileNotFound;
        if (primary.Profile is null) return DeviceVerdict.NoProfile;
        if (restrictions?.Blocks(record.Platform) == true) return DeviceVerdict.PlatformBlocked;

        // A device that reached Apple's service and still is not enrolled tried and failed.
        return record.EnrollmentState == AdeEnrollmentState.Failed || record.LastContactedAt is not null
            ? DeviceVerdict.EnrollmentFailed
            : DeviceVerdict.NotContacted;
    }

    /// Every ADE record of the serial, resolved; the one the verdict is about first: a record
    /// still in Apple's portal before a removed one, then the most recent assignment.
    private static IEnumerable<DeviceMatch> OrderedMatches(DeviceFacts facts, IReadOnlyList<TokenHealth> adeTokens)
    {
        var serial = SerialNumbers.Normalize(facts.SerialNumber);
        return facts.AdeRecords
            .Where(r => SerialNumbers.Normalize(r.SerialNumber) == serial)
            .Select(r => Resolve(r, facts.ProfilesByToken.GetValueOrDefault(r.TokenId) ?? TokenProfiles.None,
                adeTokens.FirstOrDefault(t => t.Id == r.TokenId)))
            .OrderBy(m => m.Record.IsDeleted)
            .ThenByDescending(m => m.Record.ProfileAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(m => m.TokenName, StringComparer.OrdinalIgnoreCase);
    }

    private static DeviceMatch Resolve(AdeDeviceRecord record, TokenProfiles profiles, TokenHealth? token)
    {
        var name = token?.Name ?? record.TokenId;
        var program = token?.Program ?? AppleProgram.Unknown;
        if (string.IsNullOrWhiteSpace(record.RequestedProfileId))
        {
            var fallback = profiles.DefaultFor(record.Platform);
            return new DeviceMatch(record, name, program, fallback, ProfileIsDefault: fallback is not null, ProfileMissing: false);
        }

        var assigned = profiles.Find(record.RequestedProfileId);
        return new DeviceMatch(record, name, program, assigned, assigned is not null && profiles.IsDefault(assigned), ProfileMissing: assigned is null);
    }

    /// Several Intune records can share a serial (a re-enrolled device leaves an old one): the ADE
    /// one, the most recently enrolled first.
    private static ManagedDeviceRecord? PrimaryManagedDevice(IEnumerable<ManagedDeviceRecord>? records) =>
        records?
            .OrderByDescending(r => r.IsAde)
            .ThenByDescending(r => r.EnrolledAt ?? DateTimeOffset.MinValue)
            .FirstOrDefault();

    /// The push certificate's problems always apply; token problems apply to the tokens the
    /// device is in (every token when it is in none, since any could be the one it belongs to),
    /// and not to a device that is already enrolled.
    private static List<BlockerFinding> Blockers(TenantHealth health, DeviceVerdict verdict, IReadOnlyList<DeviceMatch> matches, IReadOnlyList<TokenHealth> adeTokens)
    {
        List<BlockerFinding> blockers = [];
        foreach (var apns in health.Tokens.Where(t => t.Kind == TokenKind.Apns))
        {
            foreach (var problem in apns.Problems)
            {
                if (ApnsBlocker(problem) is { } code) blockers.Add(new BlockerFinding(code, apns, problem));
            }
        }
        if (IsManaged(verdict)) return blockers;

        var tokenIds = matches.Count > 0 ? matches.Select(m => m.Record.TokenId).ToHashSet() : adeTokens.Select(t => t.Id).ToHashSet();
        foreach (var token in adeTokens.Where(t => tokenIds.Contains(t.Id)))
        {
            foreach (var problem in token.Problems)
            {
                if (TokenBlocker(problem) is { } code) blockers.Add(new BlockerFinding(code, token, problem));
            }
        }
        return blockers;
    }

    private static DeviceBlocker? ApnsBlocker(Problem problem) => problem.Code switch
    {
        ProblemCode.Expired => DeviceBlocker.ApnsExpired,
        ProblemCode.NotConfigured => DeviceBlocker.ApnsMissing,
        _ => null,
    };

    /// Only what stops a sync: an expiry that is still ahead is not a blocker, and staleness only
    /// once the health rules call it critical (Health:SyncCriticalHours).
    private static DeviceBlocker? TokenBlocker(Problem problem) => problem.Code switch
    {
        ProblemCode.Expired => DeviceBlocker.TokenExpired,
        ProblemCode.TermsNotAccepted => DeviceBlocker.TermsNotAccepted,
        ProblemCode.SyncError or ProblemCode.AccessDenied => DeviceBlocker.TokenSyncError,
        ProblemCode.SyncStale or ProblemCode.NeverSynced when problem.Severity == HealthStatus.Critical => DeviceBlocker.TokenSyncStale,
        _ => null,
    };
}
