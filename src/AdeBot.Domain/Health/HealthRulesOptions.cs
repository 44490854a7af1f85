using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace AdeBot.Domain.Health;

/// Thresholds of the health rules, bound from the `Health` configuration section.
public sealed class HealthRulesOptions : IValidatableObject
{
    public const string SectionName = "Health";

    private static readonly ProblemCode[] SyncErrorProblems = [ProblemCode.TermsNotAccepted, ProblemCode.AccessDenied, ProblemCode.SyncError];

    /// The meanings a mapped `lastSyncErrorCode` may be given (camelCase of the ProblemCode).
    /// `syncError` maps a code back to the generic sync error, which is how configuration switches
    /// off a default entry (binding merges into the defaults, it cannot remove one). Anything else
    /// is rejected at start-up, so a typo cannot silently change what a code means.
    public static IReadOnlyList<string> SyncErrorMeanings { get; } = [.. SyncErrorProblems.Select(code => JsonNamingPolicy.CamelCase.ConvertName(code.ToString()))];

    [Range(1, 365)]
    public int ExpiryWarningDays { get; set; } = 30;

    [Range(0, 364)]
    public int ExpiryCriticalDays { get; set; } = 7;

    [Range(1, 24 * 30)]
    public int SyncWarningHours { get; set; } = 24;

    [Range(2, 24 * 60)]
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ExpiryCriticalDays >= ExpiryWarningDays)
        {
            yield return new ValidationResult(
                $"{nameof(ExpiryCriticalDays)} ({ExpiryCriticalDays}) must be less than {nameof(ExpiryWarningDays)} ({ExpiryWarningDays}).",
                [nameof(ExpiryCriticalDays), nameof(ExpiryWarningDays)]);
        }

        if (SyncCriticalHours <= SyncWarningHours)
        {
            yield return new ValidationResult(
                $"{nameof(SyncCriticalHours)} ({SyncCriticalHours}) must be greater than {nameof(SyncWarningHours)} ({SyncWarningHours}).",
                [nameof(SyncCriticalHours), nameof(SyncWarningHours)]);
        }

        foreach (var (code, meaning) in KnownSyncErrorCodes)
        {
            if (code == 0)
            {
                yield return new ValidationResult(
                    $"{nameof(KnownSyncErrorCodes)} cannot map code 0: it means no error.", [nameof(KnownSyncErrorCodes)]);
            }
            else if (!SyncErrorMeanings.Contains(meaning, StringComparer.OrdinalIgnoreCase))
            {
                yield return new ValidationResult(
                    $"{nameof(KnownSyncErrorCodes)}:{code} is '{meaning}'; allowed meanings are {string.Join(", ", SyncErrorMeanings)}.",
                    [nameof(KnownSyncErrorCodes)]);
            }
        }
    }
}
