using System.Text.Json.Nodes;
using AdeBot.Domain.Devices;
using AdeBot.Inventory;
using AdeBot.Testing;

namespace AdeBot.Tests.Acceptance;

/// Acceptance: `diagnose` on the built app. On a fresh clone a sample serial prints the
/// JSON contract; the exit code says whether the device enrolls; a recording where managedDevices
/// answers 403 still diagnoses and names the permission that would complete it.
public sealed class DiagnoseCommandAcceptanceTests : IDisposable
{
    private readonly TempFolder _folder = new("adebot-accept-");

    private static readonly string[] ContractFields =
        ["serialNumber", "tenantId", "source", "asOf", "verdict", "severity", "blockers", "missingPermissions", "device", "managedDevice", "matches"];

    private static readonly string[] DeviceFields =
        ["tokenId", "tokenName", "platform", "enrollmentState", "profileId", "profileName", "profileIsDefault", "profileAssignedAt", "lastContactedAt", "removedFromAbm"];

    private static readonly string[] ManagedDeviceFields = ["id", "deviceName", "enrollmentType", "enrolledAt", "lastSyncAt", "userPrincipalName"];

    [Fact]
    public async Task A_sample_serial_prints_the_json_contract_and_exits_by_its_severity()
    {
        var enrolled = await RunAsync("diagnose", SampleDevices.SerialFor[DeviceVerdict.Enrolled], "--json");
        var failed = await RunAsync("diagnose", SampleDevices.SerialFor[DeviceVerdict.EnrollmentFailed].ToLowerInvariant(), "--json");

        Assert.True(enrolled.ExitCode == 0, enrolled.AllOutput);
        var report = JsonNode.Parse(enrolled.Stdout)!.AsObject();
        Assert.Equal(ContractFields.Order(), report.Select(p => p.Key).Order());
        Assert.Equal(DeviceFields.Order(), report["device"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(ManagedDeviceFields.Order(), report["managedDevice"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(("enrolled", "ok", "sample", 1), ((string?)report["verdict"], (string?)report["severity"], (string?)report["source"], (int?)report["matches"]));
        Assert.Equal("appleBulkWithUser", (string?)report["managedDevice"]!["enrollmentType"]);

        Assert.True(failed.ExitCode == 2, failed.AllOutput);
        var failure = JsonNode.Parse(failed.Stdout)!;
        Assert.Equal(("DMPXK2ABCD18", "enrollmentFailed", "critical", 2), ((string?)failure["serialNumber"], (string?)failure["verdict"], (string?)failure["severity"], (int?)failure["matches"]));
        Assert.Equal(["tokenExpired", "tokenSyncStale"], failure["blockers"]!.AsArray().Select(b => (string?)b));
        Assert.Null(failure["managedDevice"]);
    }

    [Fact]
    public async Task A_warning_exits_1_and_the_text_answer_is_the_device_card_in_the_language_asked_for()
    {
        var result = await RunAsync("diagnose", SampleDevices.SerialFor[DeviceVerdict.PendingReset], "--locale", "uk-UA");

        Assert.True(result.ExitCode == 1, result.AllOutput);
        Assert.Contains("Пристрій F17ZK5RSET01", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Новий профіль чекає на скидання пристрою", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("353209900176148")]
    [InlineData("--json")]
    public async Task What_is_not_a_serial_is_a_usage_error(string argument)
    {
        var result = await RunAsync("diagnose", argument);

        Assert.True(result.ExitCode == 64, result.AllOutput);
        Assert.Equal("", result.Stdout);
        Assert.Contains("See 'AdeBot diagnose --help'.", result.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recording_where_managed_devices_answer_403_still_diagnoses_and_names_the_permission()
    {
        var replay = Path.Combine(AppContext.BaseDirectory, "Recordings", "devices-managed-forbidden.json");

        var result = await AdeBotProcess.RunCommandAsync(["diagnose", "F9K2LM0QWX11", "--json"], Settings(("Graph__ReplayPath", replay)));

        Assert.True(result.ExitCode == 0, result.AllOutput);
        var report = JsonNode.Parse(result.Stdout)!;
        Assert.Equal(("enrolled", "replay"), ((string?)report["verdict"], (string?)report["source"]));
        Assert.Equal(["DeviceManagementManagedDevices.Read.All"], report["missingPermissions"]!.AsArray().Select(p => (string?)p));
        Assert.Null(report["managedDevice"]);
        Assert.Equal(1, (int?)report["matches"]);
    }

    [Fact]
    public async Task A_check_that_cannot_read_the_tokens_exits_3_with_the_error()
    {
        var replay = Path.Combine(_folder.Path, "forbidden.json");
        File.WriteAllText(replay, """
            {"responses":[{"method":"GET","url":"/beta/deviceManagement/depOnboardingSettings","status":403,
              "body":{"error":{"code":"Forbidden","message":"Application is not authorized to perform this operation."}}}]}
            """);

        var result = await AdeBotProcess.RunCommandAsync(["diagnose", "F9K2LM0QWX11", "--json"], Settings(("Graph__ReplayPath", replay)));

        Assert.True(result.ExitCode == 3, result.AllOutput);
        var error = JsonNode.Parse(result.Stdout)!["error"]!;
        Assert.Equal(("permissionMissing", "DeviceManagementServiceConfig.Read.All"), ((string?)error["code"], (string?)error["permission"]));
    }

    private Task<CommandResult> RunAsync(params string[] arguments) => AdeBotProcess.RunCommandAsync(arguments, Settings());

    private Dictionary<string, string> Settings(params (string Key, string Value)[] extra)
    {
        Dictionary<string, string> settings = new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__DataPath"] = _folder.DataPath,
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    public void Dispose() => _folder.Dispose();
}
