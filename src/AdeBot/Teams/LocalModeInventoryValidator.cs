using AdeBot.Connector;
using AdeBot.Domain.Tokens;
using Microsoft.Extensions.Options;

namespace AdeBot.Teams;

/// Local mode lets whoever reaches it name any tenant and user. With the sample or a replay that
/// shows made-up or recorded data; with real Graph tenants it would show theirs, so the two never
/// run together.
internal sealed class LocalModeInventoryValidator(ITokenInventory inventory) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options) =>
        options.AllowUnauthenticatedLocalRequests && inventory.DefaultSource == SnapshotSource.Graph
            ? ValidateOptionsResult.Fail(
                $"{BotOptions.SectionName}:AllowUnauthenticatedLocalRequests is refused while Graph tenants are configured (Graph:TenantId, Graph:Tenants): "
                + "anyone reaching local mode could read their tokens. Answer from the sample or a recording (Graph:ReplayPath), "
                + $"or set {BotOptions.SectionName}:AllowUnauthenticatedLocalRequests=false and {BotOptions.SectionName}:AppId.")
            : ValidateOptionsResult.Success;
}
