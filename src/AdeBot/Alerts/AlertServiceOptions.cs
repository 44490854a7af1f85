using System.ComponentModel.DataAnnotations;

namespace AdeBot.Alerts;

/// How the host runs the alert checks and delivers them, bound from the same `Alerts` section as
/// the domain's AlertOptions (which says when to alert, not how to run).
public sealed class AlertServiceOptions : IValidatableObject
{
    /// Off: no background checks (RunCheckAsync still works on demand).
    public bool Enabled { get; set; } = true;

    /// The wait between start-up and the first check, capped at one regular check delay so a short
    /// CheckInterval starts as soon as it says. A restart loses nothing (the ledger says what is
    /// due), so this only keeps start-up quiet and a crash loop from hammering Graph and Teams.
    public TimeSpan FirstCheckDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// Proactive sends into one tenant per second. Teams allows about 50 per app per tenant
    /// (protocol reference §7; an older copy of the page says 30, hence the default).
    [Range(1, 50)]
    public int TenantSendsPerSecond { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstCheckDelay < TimeSpan.Zero || FirstCheckDelay > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult(
                $"{nameof(FirstCheckDelay)} ({FirstCheckDelay}) must be between zero and one day.", [nameof(FirstCheckDelay)]);
        }
    }
}
