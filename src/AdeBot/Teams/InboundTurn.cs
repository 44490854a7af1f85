using AdeBot.Connector;

namespace AdeBot.Teams;

/// One inbound activity as the features see it: what arrived, and whether it came through local
/// mode (so a stored reference to it gets no token later).
public sealed record InboundTurn(Activity Activity, bool IsLocal);
