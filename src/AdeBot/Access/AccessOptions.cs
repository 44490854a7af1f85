namespace AdeBot.Access;

/// The "Access" section: who may ask AdeBot and subscribe to its alerts. The arrays default to empty
/// (not to built-in entries) because configuration binding appends to an array's existing items.
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    /// Directory (tenant) id GUIDs. Empty: the tenants with Graph credentials, or any tenant on the sample or a replay.
    public string[] AllowedTenantIds { get; set; } = [];

    /// Entra group object ids; when set, only their (transitive) members may ask. Empty: anyone in an allowed tenant.
    public string[] AdminGroupIds { get; set; } = [];

    /// With Graph tenants and no AdminGroupIds, start-up fails unless this says on purpose that
    /// everyone in an allowed tenant (B2B guests included) may read token health.
    public bool AllowAllUsers { get; set; }

    /// How long a membership answer is reused for the same user; 0 asks Graph on every message.
    public int MembershipCacheMinutes { get; set; } = 5;

    /// Card clicks (Action.Execute invokes and their Action.Submit fallbacks) one user may make in
    /// any minute; more get a short "slow down" and nothing is read.
    public int CardActionsPerUserPerMinute { get; set; } = 30;

    /// A refused user gets at most one refusal reply per conversation in this interval; later
    /// messages are not answered (logged at Debug). 0 answers every one.
    public int RefusalReplyIntervalSeconds { get; set; } = 3600;
}
