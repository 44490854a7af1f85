using AdeBot.Domain.Inbox;

namespace AdeBot.Inbox;

/// Does the work of an inbox entry. The inbox only orders, runs and records; what an entry means
/// is the processor's business (Teams/TeamsActivityHandler).
public interface IInboxProcessor
{
    /// Handles the entry. Failures a user should hear about are answered by the processor itself.
    Task ProcessAsync(InboxEntry entry, CancellationToken cancellationToken);

    /// The entry was running when the process stopped: it is not run again (it may have answered
    /// already); the processor may tell the user, once.
    Task ReportInterruptedAsync(InboxEntry entry, CancellationToken cancellationToken);
}
