namespace AdeBot.Domain.Health;

/// The VPP token `state` and `lastSyncStatus` values Graph reports; compare them ignoring case.
internal static class VppStates
{
    public const string Valid = "valid";
    public const string Invalid = "invalid";
    public const string Expired = "expired";
    public const string AssignedToExternalMdm = "assignedToExternalMDM";
    public const string DuplicateLocationId = "duplicateLocationId";

    /// A `lastSyncStatus`, not a state.
    public const string SyncFailed = "failed";
}
