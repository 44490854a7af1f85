using System.CommandLine;
using System.Text.Json;
using AdeBot.Devices;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Cards.Model;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Tokens;

namespace AdeBot.Cli;

/// `diagnose <serial> [--json] [--locale <bcp47>] [--tenant <id>]`: why one device is or is not
/// enrolling, through the same lookup and rules as a chat question. Exit codes: 0 enrolled, 1 a
/// warning, 2 it will not enroll, 3 the check failed (permission, Graph down), 64 usage.
public sealed class DiagnoseCommand(string serial, bool json, string? locale, string? tenantId) : CliCommand
{
    public const string Name = "diagnose";

    /// EX_USAGE from sysexits.h, as for every usage error of the command line.
    public const int UsageExitCode = 64;

    public const int CheckFailedExitCode = 3;

    protected override int FailureExitCode => CheckFailedExitCode;

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var culture = SupportedCultures.Resolve(locale);
        if (!SerialNumbers.IsValid(serial))
        {
            await stderr.WriteLineAsync($"AdeBot diagnose: {ChatReplies.NotASerial(serial, culture)} See 'AdeBot diagnose --help'.");
            return UsageExitCode;
        }

        var normalized = SerialNumbers.Normalize(serial);
        var inventory = services.GetRequiredService<ITokenInventory>();
        var tenant = tenantId ?? inventory.WatchedTenantIds.FirstOrDefault() ?? "";
        var answer = await services.GetRequiredService<DeviceDiagnoses>().DiagnoseAsync(tenant, normalized, forceRefresh: false, cancellationToken);

        if (answer.Diagnosis is not { } diagnosis)
        {
            var failure = answer.Lookup.Failure;
            // An unexpected failure has been logged on stderr already, with the detail it needs.
            var message = (failure is null ? null : ChatReplies.ForInventoryFailure(failure, culture))
                ?? "The answer from Microsoft Graph could not be read; the log on stderr says why.";
            if (json) await stdout.WriteLineAsync(DiagnoseReport.FailureJson(normalized, tenant, answer.Lookup.Tokens.Source, failure, message));
            else await stderr.WriteLineAsync(message);
            return CheckFailedExitCode;
        }

        if (json)
        {
            await stdout.WriteLineAsync(DiagnoseReport.ToJson(diagnosis));
        }
        else
        {
            var card = services.GetRequiredService<CardComposer>().ComposeDevice(diagnosis, new CardContext(culture) { IsStale = answer.Lookup.Tokens.IsStale });
            await stdout.WriteLineAsync(CardText.Render(AdaptiveCardJson.ToElement(card)));
        }
        return DiagnoseReport.ExitCode(diagnosis.Severity);
    }

    /// What `diagnose --help` shows, and how its words become the command.
    internal sealed class Syntax : Command, IHostedCommandSyntax
    {
        private readonly Argument<string> _serial = new("serial")
        {
            Description = "The device's serial number: 10 or 12 letters and digits, as Apple Business Manager shows it.",
        };

        private readonly Option<bool> _json = CommandLineOptions.Switch("--json",
            "Print the diagnosis as JSON (the shape is in the README).");

        private readonly Option<string> _locale = CommandLineOptions.WithValue("--locale", "bcp47",
            "The language of the text report, e.g. en-US, fi-FI, uk-UA.");

        private readonly Option<string> _tenant = CommandLineOptions.WithValue("--tenant", "tenant id",
            "The Entra tenant to look the device up in (default: the first watched tenant).");

        public Syntax() : base(DiagnoseCommand.Name, "Says why one device is or is not enrolling through ADE. Exit code: 0 enrolled, 1 a warning, 2 it will not enroll, 3 the check itself failed, 64 a usage error (not a serial number).")
        {
            Arguments.Add(_serial);
            Options.Add(_json);
            Options.Add(_locale);
            Options.Add(_tenant);
        }

        public CliCommand Bind(ParseResult parsed) =>
            new DiagnoseCommand(parsed.GetValue(_serial) ?? "", parsed.GetValue(_json), parsed.GetValue(_locale), parsed.GetValue(_tenant));
    }
}

/// The machine-readable shape of `diagnose --json`. Verdict, severity and blocker codes come from
/// the diagnosis; this type only decides how they are written.
public static class DiagnoseReport
{
    public static int ExitCode(DiagnosisSeverity severity) => severity switch
    {
        DiagnosisSeverity.Ok => 0,
        DiagnosisSeverity.Warning => 1,
        _ => 2,
    };

    public static string ToJson(DeviceDiagnosis diagnosis)
    {
        var device = diagnosis.Device;
        var managed = diagnosis.ManagedDevice;
        return JsonSerializer.Serialize(new
        {
            serialNumber = diagnosis.SerialNumber,
            tenantId = diagnosis.TenantId,
            source = diagnosis.Source,
            asOf = diagnosis.AsOf,
            verdict = diagnosis.Verdict,
            severity = diagnosis.Severity,
            blockers = diagnosis.Blockers.Select(b => b.Code).Distinct(),
            missingPermissions = diagnosis.MissingPermissions,
            device = device is null ? null : new
            {
                tokenId = device.Record.TokenId,
                tokenName = device.TokenName,
                platform = PlatformName(device.Record.Platform),
                enrollmentState = device.Record.EnrollmentState,
                profileId = device.Profile?.Id,
                profileName = device.Profile?.Name,
                profileIsDefault = device.ProfileIsDefault,
                profileAssignedAt = device.Record.ProfileAssignedAt,
                lastContactedAt = device.Record.LastContactedAt,
                removedFromAbm = device.Record.IsDeleted,
            },
            managedDevice = managed is null ? null : new
            {
                id = managed.Id,
                deviceName = managed.DeviceName,
                enrollmentType = managed.EnrollmentType,
                enrolledAt = managed.EnrolledAt,
                lastSyncAt = managed.LastSyncAt,
                userPrincipalName = managed.UserPrincipalName,
            },
            matches = diagnosis.Matches.Count,
        }, Json);
    }

    /// Graph's own spelling of the platform, as `importedAppleDeviceIdentity.platform` has it.
    public static string PlatformName(DevicePlatform platform) => platform switch
    {
        DevicePlatform.Ios => "ios",
        DevicePlatform.MacOs => "macOS",
        DevicePlatform.TvOs => "tvOS",
        DevicePlatform.VisionOs => "visionOS",
        DevicePlatform.Other => "other",
        _ => "unknown",
    };

    public static string FailureJson(string serial, string tenantId, SnapshotSource source, InventoryFailure? failure, string message) =>
        JsonSerializer.Serialize(new
        {
            serialNumber = serial,
            tenantId,
            source,
            error = new
            {
                code = JsonNamingPolicy.CamelCase.ConvertName((failure?.Kind ?? InventoryFailureKind.Unexpected).ToString()),
                message,
                permission = failure?.MissingPermission,
            },
        }, CheckReport.JsonOptions);

    /// Like `check --json`, but every contract field is written, null included.
    private static readonly JsonSerializerOptions Json = new(CheckReport.JsonOptions)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };
}
