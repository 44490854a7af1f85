using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Health;
using AdeBot.Domain.Localization;
using AdeBot.Domain.Remediation;
using AdeBot.Domain.Tokens;

namespace AdeBot.Cli;

/// `check [--json] [--locale fi-FI]`: the health of every watched tenant, for people or for
/// monitoring systems (exit codes follow the monitoring-plugin convention).
public sealed class CheckCommand(bool json, string? locale) : CliCommand
{
    public const string Name = "check";

    public bool Json { get; } = json;
    public string? Locale { get; } = locale;

    protected override int FailureExitCode => 3;

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var culture = SupportedCultures.Resolve(Locale);
        var report = await BuildReportAsync(services, culture, cancellationToken);
        await stdout.WriteLineAsync(Json ? report.ToJson() : Describe(report, services.GetRequiredService<RemediationCatalog>(), culture));
        return report.ExitCode;
    }

    private static async Task<CheckReport> BuildReportAsync(IServiceProvider services, CultureInfo culture, CancellationToken cancellationToken)
    {
        var inventory = services.GetRequiredService<ITokenInventory>();
        var evaluator = services.GetRequiredService<HealthEvaluator>();
        var tenants = new List<TenantReport>();
        foreach (var tenantId in inventory.WatchedTenantIds)
        {
            var reading = await inventory.ReadAsync(tenantId, cancellationToken);
            var health = reading.Snapshot is { } snapshot ? evaluator.Evaluate(snapshot) : null;
            tenants.Add(new TenantReport(tenantId, reading.Source, health, reading.IsStale, ErrorOf(reading.Failure, culture)));
        }
        return new CheckReport(tenants);
    }

    /// The same sentences a chat user gets, so a rule's wording lives in one place.
    private static CheckError? ErrorOf(InventoryFailure? failure, CultureInfo culture) => failure is null ? null : new CheckError(
        JsonNamingPolicy.CamelCase.ConvertName(failure.Kind.ToString()),
        // An unexpected failure: the inventory has already logged the cause (on stderr for this command).
        ChatReplies.ForInventoryFailure(failure, culture) ?? "The answer from Microsoft Graph could not be read; the log on stderr says why.",
        failure.MissingPermission);

    private static string Describe(CheckReport report, RemediationCatalog catalog, CultureInfo culture)
    {
        var text = new StringWriter(culture);
        foreach (var tenant in report.Tenants)
        {
            var source = tenant.Source switch
            {
                SnapshotSource.Sample => " (built-in sample data)",
                SnapshotSource.Replay => " (replayed recording)",
                _ => "",
            };
            text.WriteLine($"Tenant {tenant.TenantId}{source}");
            if (tenant.Error is { } error) text.WriteLine($"  ERROR {error.Code}: {error.Message}");
            if (tenant.Health is not { } health) continue;
            var stale = tenant.IsStale ? " (last good data, Graph is failing)" : "";
            text.WriteLine($"  {catalog.StatusLabel(health.Status, culture).ToUpper(culture)} as of {TextFormat.DateTime(health.AsOf, culture)}{stale}");
            foreach (var token in health.Tokens)
            {
                var expiry = token.ExpiresAt is { } at ? $"  expires {TextFormat.Date(at, culture)}" : "";
                text.WriteLine($"  [{catalog.StatusLabel(token.Status, culture)}] {catalog.KindLabel(token),-4} {token.Name}{(token.AppleId is null ? "" : $" <{token.AppleId}>")}{expiry}");
                foreach (var problem in token.Problems)
                {
                    text.WriteLine($"      - {catalog.Summarize(problem, token, culture)}");
                }
            }
        }
        return text.ToString().TrimEnd();
    }

    /// What `check --help` shows, and how its words become the command.
    internal sealed class Syntax : Command, IHostedCommandSyntax
    {
        private readonly Option<bool> _json = CommandLineOptions.Switch("--json",
            "Print the report as JSON (the shape is in the README).");

        private readonly Option<string> _locale = CommandLineOptions.WithValue("--locale", "bcp47",
            "The language of the text report, e.g. en-US, fi-FI, uk-UA.");

        public Syntax() : base(CheckCommand.Name, "Prints the health of every watched tenant. Exit code: 0 all healthy, 1 a warning, 2 a critical problem, 3 the check itself failed, 64 a usage error.")
        {
            Options.Add(_json);
            Options.Add(_locale);
        }

        public CliCommand Bind(ParseResult parsed) => new CheckCommand(parsed.GetValue(_json), parsed.GetValue(_locale));
    }
}
