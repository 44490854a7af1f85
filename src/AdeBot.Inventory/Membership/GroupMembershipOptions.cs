namespace AdeBot.Inventory.Membership;

/// The host sets these from its own configuration (Access:MembershipCacheMinutes).
public sealed class GroupMembershipOptions
{
    /// How long a Member / NotMember answer is reused for the same tenant, user and groups; 0 asks Graph every time.
    public int CacheMinutes { get; set; } = 5;
}
