namespace AdeBot.Access;

public enum AccessReason
{
    Allowed,
    /// The activity carried no tenant id.
    UnknownTenant,
    /// The tenant is not in Access:AllowedTenantIds, or (when that is empty) has no Graph credentials.
    TenantNotAllowed,
    /// Graph says the user is in none of Access:AdminGroupIds.
    NotInAdminGroup,
    /// Admin groups are set but membership could not be confirmed (no aadObjectId, no credentials,
    /// missing permission, Graph down): refused, because access fails closed.
    CannotVerifyMembership,
}

/// What AccessPolicy decided. A refused user gets a polite refusal; `Reason` is for logs and tests, never for the chat.
public sealed record AccessDecision(AccessReason Reason)
{
    public static AccessDecision Allow { get; } = new(AccessReason.Allowed);

    public bool Allowed => Reason == AccessReason.Allowed;
}
