using AdeBot.Domain.Health;
using AdeBot.Health;
using AdeBot.Tests.Infrastructure;

namespace AdeBot.Tests.Health;

/// The `Health` section as configured: every rule stops the start with a message naming the full key.
public sealed class HealthRulesOptionsValidationTests
{
    [Fact]
    public void Nothing_configured_is_valid()
    {
        Assert.Empty(Failures(new Dictionary<string, string?>()));
    }

    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        { "Health:ExpiryWarningDays", "0", "Health:ExpiryWarningDays must be between 1 and 365; it is 0." },
        { "Health:ExpiryWarningDays", "366", "Health:ExpiryWarningDays must be between 1 and 365; it is 366." },
        { "Health:ExpiryCriticalDays", "-1", "Health:ExpiryCriticalDays must be between 0 and 364; it is -1." },
        { "Health:ExpiryCriticalDays", "30", "Health:ExpiryCriticalDays must be less than Health:ExpiryWarningDays (30); it is 30." },
        { "Health:ExpiryCriticalDays", "31", "Health:ExpiryCriticalDays must be less than Health:ExpiryWarningDays (30); it is 31." },
        { "Health:SyncWarningHours", "0", "Health:SyncWarningHours must be between 1 and 720; it is 0." },
        { "Health:SyncCriticalHours", "1441", "Health:SyncCriticalHours must be between 2 and 1440; it is 1441." },
        { "Health:SyncCriticalHours", "24", "Health:SyncCriticalHours must be greater than Health:SyncWarningHours (24); it is 24." },
        { "Health:KnownSyncErrorCodes:5", "probablyExpired", "Health:KnownSyncErrorCodes:5 must be one of termsNotAccepted, accessDenied, syncError; it is 'probablyExpired'." },
        { "Health:KnownSyncErrorCodes:0", "termsNotAccepted", "Health:KnownSyncErrorCodes:0 cannot be mapped: code 0 means no error." },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void A_wrong_setting_stops_the_start_naming_the_key(string key, string value, string expected)
    {
        var failures = Failures(new Dictionary<string, string?> { [key] = value });

        // ExpiryWarningDays 0 also puts the critical threshold above the warning one: both are reported.
        Assert.Contains(expected, failures);
        Assert.All(failures, failure => Assert.StartsWith("Health:", failure, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Health:KnownSyncErrorCodes:3", "syncError")]
    [InlineData("Health:KnownSyncErrorCodes:7", "AccessDenied")]
    [InlineData("Health:ExpiryCriticalDays", "0")]
    public void Allowed_settings_pass(string key, string value)
    {
        Assert.Empty(Failures(new Dictionary<string, string?> { [key] = value }));
    }

    private static IReadOnlyList<string> Failures(IDictionary<string, string?> settings) =>
        OptionsFailures.Of<HealthRulesOptions>((services, configuration) => services.AddTokenHealth(configuration), settings);
}
