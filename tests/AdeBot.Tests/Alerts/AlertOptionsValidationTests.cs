using AdeBot.Alerts;
using AdeBot.Domain.Alerts;
using AdeBot.Tests.Infrastructure;

namespace AdeBot.Tests.Alerts;

/// The `Alerts` section as configured, both the domain's AlertOptions and the host's
/// AlertServiceOptions: every rule stops the start with a message naming the full key.
public sealed class AlertOptionsValidationTests
{
    [Fact]
    public void Nothing_configured_is_valid()
    {
        Assert.Empty(AlertFailures(new Dictionary<string, string?>()));
        Assert.Empty(ServiceFailures(new Dictionary<string, string?>()));
    }

    public static TheoryData<string, string, string> InvalidAlertSettings => new()
    {
        { "Alerts:CheckInterval", "00:00:00", "Alerts:CheckInterval must be at least one second; it is 00:00:00." },
        { "Alerts:CheckJitter", "-00:01:00", "Alerts:CheckJitter must be zero or more and less than Alerts:CheckInterval (01:00:00); it is -00:01:00." },
        { "Alerts:CheckJitter", "01:00:00", "Alerts:CheckJitter must be zero or more and less than Alerts:CheckInterval (01:00:00); it is 01:00:00." },
        { "Alerts:ExpiredReminderDays", "0", "Alerts:ExpiredReminderDays must be between 1 and 365; it is 0." },
        { "Alerts:ExpiredReminderDays", "366", "Alerts:ExpiredReminderDays must be between 1 and 365; it is 366." },
        { "Alerts:ExpiryThresholdDays:1", "0", "Alerts:ExpiryThresholdDays:1 must be between 1 and 365 days; it is 0." },
        { "Alerts:ExpiryThresholdDays:0", "400", "Alerts:ExpiryThresholdDays:0 must be between 1 and 365 days; it is 400." },
        { "Alerts:SnoozeDays:1", "0", "Alerts:SnoozeDays:1 must be between 1 and 30 days; it is 0." },
        { "Alerts:SnoozeDays:1", "36500", "Alerts:SnoozeDays:1 must be between 1 and 30 days; it is 36500." },
    };

    [Theory]
    [MemberData(nameof(InvalidAlertSettings))]
    public void A_wrong_alert_setting_stops_the_start_naming_the_key(string key, string value, string expected)
    {
        // A list index replaces the default entry: binding merges into the default array.
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Alerts:ExpiryThresholdDays:", StringComparison.Ordinal)) settings.TryAdd("Alerts:ExpiryThresholdDays:0", "30");
        if (key.StartsWith("Alerts:SnoozeDays:", StringComparison.Ordinal)) settings.TryAdd("Alerts:SnoozeDays:0", "1");

        var failures = AlertFailures(settings);

        Assert.Equal(expected, Assert.Single(failures));
    }

    [Theory]
    [InlineData("Alerts:ExpiryThresholdDays", "30, 14, 30")]
    [InlineData("Alerts:SnoozeDays", "7, 7")]
    public void A_list_that_repeats_a_value_stops_the_start_naming_the_key(string key, string values)
    {
        var settings = new Dictionary<string, string?>();
        var entries = values.Split(", ");
        for (var i = 0; i < entries.Length; i++) settings[$"{key}:{i}"] = entries[i];

        var failures = AlertFailures(settings);

        Assert.Equal($"{key} must not repeat a value; it is {values}.", Assert.Single(failures));
    }

    [Fact]
    public void An_empty_list_is_refused_naming_the_key()
    {
        // Configuration cannot express an empty array; code that builds the options can.
        var result = new AlertOptionsValidator().Validate(null, new AlertOptions { ExpiryThresholdDays = [], SnoozeDays = [] });

        Assert.Equal(["Alerts:ExpiryThresholdDays needs at least one value.", "Alerts:SnoozeDays needs at least one value."], result.Failures);
    }

    public static TheoryData<string, string, string> InvalidServiceSettings => new()
    {
        { "Alerts:FirstCheckDelay", "-00:00:01", "Alerts:FirstCheckDelay must be between zero and one day; it is -00:00:01." },
        { "Alerts:FirstCheckDelay", "2.00:00:00", "Alerts:FirstCheckDelay must be between zero and one day; it is 2.00:00:00." },
        { "Alerts:TenantSendsPerSecond", "0", "Alerts:TenantSendsPerSecond must be between 1 and 50; it is 0." },
        { "Alerts:TenantSendsPerSecond", "51", "Alerts:TenantSendsPerSecond must be between 1 and 50; it is 51." },
        { "Alerts:MaxConcurrentTenants", "0", "Alerts:MaxConcurrentTenants must be between 1 and 256; it is 0." },
        { "Alerts:MaxConcurrentTenants", "257", "Alerts:MaxConcurrentTenants must be between 1 and 256; it is 257." },
        { "Alerts:TenantLeaseSeconds", "9", "Alerts:TenantLeaseSeconds must be between 10 and 3600; it is 9." },
        { "Alerts:TenantLeaseSeconds", "3601", "Alerts:TenantLeaseSeconds must be between 10 and 3600; it is 3601." },
    };

    [Theory]
    [MemberData(nameof(InvalidServiceSettings))]
    public void A_wrong_alert_service_setting_stops_the_start_naming_the_key(string key, string value, string expected)
    {
        var failures = ServiceFailures(new Dictionary<string, string?> { [key] = value });

        Assert.Equal(expected, Assert.Single(failures));
    }

    private static IReadOnlyList<string> AlertFailures(IDictionary<string, string?> settings) =>
        OptionsFailures.Of<AlertOptions>((services, configuration) => services.AddAlerts(configuration), settings);

    private static IReadOnlyList<string> ServiceFailures(IDictionary<string, string?> settings) =>
        OptionsFailures.Of<AlertServiceOptions>((services, configuration) => services.AddAlerts(configuration), settings);
}
