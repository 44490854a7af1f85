namespace AdeBot.Inventory.Membership;

/// The host copies these from its own configuration (Access:MembershipCacheMinutes), where the default
/// and the start-up validation live.
public sealed class GroupMembershipOptions
{
    /// How long a Member / NotMember answer is reused for the same tenant, user and groups; 0 asks Graph every time.
    public int CacheMinutes { get; set; }
}
