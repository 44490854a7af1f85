using AdeBot.Domain.Tokens;
using AdeBot.Inventory.Membership;
using Microsoft.Extensions.Options;

namespace AdeBot.Access;

/// Who may ask AdeBot and subscribe to its alerts: an allowed tenant first, then, when admin groups
/// are configured, membership of one of them checked through Graph with the caller's aadObjectId.
public sealed class AccessPolicy(
    IOptions<AccessOptions> options,
    ITokenInventory inventory,
    IGroupMembership membership,
    ILogger<AccessPolicy> logger)
{
    private readonly HashSet<string> _allowedTenants = new(options.Value.AllowedTenantIds, StringComparer.OrdinalIgnoreCase);
    private readonly string[] _adminGroups = options.Value.AdminGroupIds;

    private readonly GroupConversationMode _groupMode = options.Value.GroupConversations;

    public bool RequiresAdminGroup => _adminGroups.Length > 0;

    /// What a conversation may see of the tokens: everything in a personal chat; in a channel or a
    /// group chat (Teams' conversationType `channel` or `groupChat`), where every member sees what
    /// is posted, what Access:GroupConversations says.
    public GroupConversationMode GroupModeFor(string? conversationType) =>
        string.Equals(conversationType, "channel", StringComparison.OrdinalIgnoreCase)
        || string.Equals(conversationType, "groupChat", StringComparison.OrdinalIgnoreCase)
            ? _groupMode
            : GroupConversationMode.Allow;

    /// The tenant half of the rule, for work that has no user behind it (e.g. re-checking a subscription).
    public bool IsTenantAllowed(string? tenantId) =>
        !string.IsNullOrWhiteSpace(tenantId)
        && (_allowedTenants.Count > 0 ? _allowedTenants.Contains(tenantId) : inventory.CanRead(tenantId));

    public async Task<AccessDecision> CheckAsync(string? tenantId, string? userAadObjectId, CancellationToken cancellationToken)
    {
        var decision = await DecideAsync(tenantId, userAadObjectId, cancellationToken);
        if (decision.Allowed) AccessLog.Allowed(logger, tenantId, userAadObjectId);
        else AccessLog.Refused(logger, tenantId, userAadObjectId, decision.Reason);
        return decision;
    }

    private async Task<AccessDecision> DecideAsync(string? tenantId, string? userAadObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(tenantId)) return new(AccessReason.UnknownTenant);
        if (!IsTenantAllowed(tenantId)) return new(AccessReason.TenantNotAllowed);
        if (!RequiresAdminGroup) return AccessDecision.Allow;
        if (string.IsNullOrWhiteSpace(userAadObjectId)) return new(AccessReason.CannotVerifyMembership);

        var result = await membership.IsMemberOfAnyAsync(tenantId, userAadObjectId, _adminGroups, cancellationToken);
        return result.Outcome switch
        {
            MembershipOutcome.Member => AccessDecision.Allow,
            MembershipOutcome.NotMember => new(AccessReason.NotInAdminGroup),
            _ => new(AccessReason.CannotVerifyMembership),
        };
    }
}
