namespace AdeBot.Conversations.SyncNow;

/// The "Actions" section: what AdeBot may change in Intune. Everything is off by default; a
/// read-only deployment never needs a write permission.
public sealed class SyncNowOptions
{
    public const string SectionName = "Actions";

    /// Offers "Sync now" on ADE tokens with a sync problem and lets the people who pass the access
    /// rules ask Intune to sync them with Apple. Needs DeviceManagementServiceConfig.ReadWrite.All.
    public bool AllowSync { get; set; }
}
