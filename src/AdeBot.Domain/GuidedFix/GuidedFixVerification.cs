using AdeBot.Domain.Alerts;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Health;

namespace AdeBot.Domain.GuidedFix;

/// What the verification read after the last step saw.
public enum VerificationOutcome
{
    /// The problem is gone: the token's problem on the same alert track, or the device's verdict is Enrolled.
    Fixed,
    /// Still there (Graph and Apple lag), or the device is in another state now.
    NotYet,
    /// The token is no longer in the tenant: nothing left to verify.
    TokenGone,
}

/// The verification of a guided fix against a fresh read. `Token` is the token as read now (for
/// the new expiry date or the last sync), `Problem` the problem still open, `Diagnosis` the
/// device's fresh diagnosis.
public sealed record FixVerification(VerificationOutcome Outcome, TokenHealth? Token = null, Problem? Problem = null, DeviceDiagnosis? Diagnosis = null)
{
    /// The token's problem counts as fixed when no problem on its alert track is left: an expired
    /// token that is now only "expiring in 25 days" was not renewed, while a code-5 sync error that
    /// became code 3 (terms) is still a sync error. The same rule the alert ledger clears by.
    public static FixVerification Of(GuidedFixSubject subject, TenantHealth health)
    {
        if (subject.TokenKind is not { } kind || subject.TokenId is not { } id || subject.Problem is not { } code)
            throw new ArgumentException("A device fix is verified from a device diagnosis.", nameof(subject));
        var token = health.Tokens.FirstOrDefault(t => t.Kind == kind && string.Equals(t.Id, id, StringComparison.Ordinal));
        if (token is null) return new FixVerification(VerificationOutcome.TokenGone);
        var track = AlertTracks.Of(code);
        var open = token.Problems.FirstOrDefault(p => p.Severity != HealthStatus.Healthy && AlertTracks.Of(p.Code) == track);
        return open is null ? new FixVerification(VerificationOutcome.Fixed, token) : new FixVerification(VerificationOutcome.NotYet, token, open);
    }

    public static FixVerification Of(DeviceDiagnosis diagnosis) =>
        new(diagnosis.Verdict == DeviceVerdict.Enrolled ? VerificationOutcome.Fixed : VerificationOutcome.NotYet, Diagnosis: diagnosis);
}
