using System.Text.Json;

namespace AdeBot.Domain.Health;

/// Thresholds of the health rules, bound from the `Health` configuration section and validated at
/// start-up by the host (HealthRulesOptionsValidator).
public sealed class HealthRulesOptions
{
    public const string SectionName = "Health";

    private static readonly ProblemCode[] SyncErrorProblems = [ProblemCode.TermsNotAccepted, ProblemCode.AccessDenied, ProblemCode.SyncError];

    /// The meanings a mapped `lastSyncErrorCode` may be given (camelCase of the ProblemCode).
    /// `syncError` maps a code back to the generic sync error, which is how configuration switches
    /// off a default entry (binding merges into the defaults, it cannot remove one). Anything else
    /// is rejected at start-up, so a typo cannot silently change what a code means.
    public static IReadOnlyList<string> SyncErrorMeanings { get; } = [.. SyncErrorProblems.Select(code => JsonNamingPolicy.CamelCase.ConvertName(code.ToString()))];

    public int ExpiryWarningDays { get; set; } = 30;

    public int ExpiryCriticalDays { get; set; } = 7;

    public int SyncWarningHours { get; set; } = 24;

    public int SyncCriticalHours { get; set; } = 72;

    /// Microsoft does not document `lastSyncErrorCode`. 3 = terms not accepted is a community
    /// finding (CIPP, the Inu+ dashboard), unverified by Microsoft; add entries only after seeing
    /// a code in a real tenant. Codes not listed here are reported as a generic sync error.
    public Dictionary<int, string> KnownSyncErrorCodes { get; set; } = new() { [3] = "termsNotAccepted" };

    /// What a non-zero `lastSyncErrorCode` means under this configuration: a mapped meaning, or the
    /// generic SyncError (which shows the number) for anything unmapped. Never guesses.
    public ProblemCode ProblemForSyncErrorCode(int code) =>
        KnownSyncErrorCodes.TryGetValue(code, out var meaning)
            && Enum.TryParse<ProblemCode>(meaning, ignoreCase: true, out var mapped)
            && SyncErrorProblems.Contains(mapped)
                ? mapped
                : ProblemCode.SyncError;
}
