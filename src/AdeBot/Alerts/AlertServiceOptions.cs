namespace AdeBot.Alerts;

/// How the host runs the alert checks and delivers them, bound from the same `Alerts` section as
/// the domain's AlertOptions (which says when to alert, not how to run); validated at start-up by
/// AlertServiceOptionsValidator.
public sealed class AlertServiceOptions
{
    /// Off: no background checks (RunCheckAsync still works on demand).
    public bool Enabled { get; set; } = true;

    /// The wait between start-up and the first check, capped at one regular check delay so a short
    /// CheckInterval starts as soon as it says. A restart loses nothing (the ledger says what is
    /// due), so this only keeps start-up quiet and a crash loop from hammering Graph and Teams.
    public TimeSpan FirstCheckDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// Proactive sends into one tenant per second. Teams allows about 50 per app per tenant
    /// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit; an older version of the page says 30, hence the default).
    public int TenantSendsPerSecond { get; set; } = 30;

    /// Tenants checked at the same time by one instance. Each tenant's conversations are still
    /// handled one after another (TenantSendPacer paces them), and each tenant backs off on its own
    /// when Graph throttles it, so one slow or throttled tenant holds up only its own place.
    public int MaxConcurrentTenants { get; set; } = 8;

    /// How long an instance holds a tenant it checks (renewed before each alert it sends). An
    /// instance that dies loses its tenants once this passes and another instance's next check takes
    /// them; one that stops cleanly gives them back at once.
    public int TenantLeaseSeconds { get; set; } = 300;
}
