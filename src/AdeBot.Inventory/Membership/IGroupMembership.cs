namespace AdeBot.Inventory.Membership;

/// Answers "is this user in any of these Entra groups?" for a tenant AdeBot has Graph credentials for.
/// Never throws for a Graph, sign-in or network failure: those become CannotCheck. Cancelling the
/// caller's own token still throws OperationCanceledException.
public interface IGroupMembership
{
    Task<MembershipResult> IsMemberOfAnyAsync(string tenantId, string userObjectId, IReadOnlyCollection<string> groupIds,
        CancellationToken cancellationToken);
}

public enum MembershipOutcome { Member, NotMember, CannotCheck }

public enum MembershipCheckFailure
{
    /// The sample or a replay answers, or the tenant has no credentials: there is no directory to ask.
    NoCredentials,
    /// Graph answered 401/403 or the app is not consented: grant `MembershipResult.RequiredPermissions` with admin consent.
    PermissionMissing,
    /// Throttling, an outage or a timeout outlasted the retries.
    GraphUnavailable,
    /// Entra ID rejected AdeBot's own credential (secret, certificate, managed identity).
    SignInFailed,
    /// The user or a group id is not an object id (GUID).
    InvalidRequest,
    /// Anything else; the detail is in the log.
    Unexpected,
}

public sealed record MembershipResult(MembershipOutcome Outcome, MembershipCheckFailure? Failure = null)
{
    /// Least-privilege application permissions for checkMemberGroups on a user, per Microsoft's Graph reference.
    public static IReadOnlyList<string> RequiredPermissions { get; } = ["GroupMember.Read.All", "User.Read.All"];

    public static MembershipResult Member { get; } = new(MembershipOutcome.Member);

    public static MembershipResult NotMember { get; } = new(MembershipOutcome.NotMember);

    public static MembershipResult CannotCheck(MembershipCheckFailure failure) => new(MembershipOutcome.CannotCheck, failure);
}
