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
public sealed class CheckCommand(string[] arguments) : CliCommand(arguments)
{
    public const string Usage = "Usage: check [--json] [--locale <bcp47, e.g. en-US, fi-FI, uk-UA>]";

    protected override int FailureExitCode => 3;

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var json = Arguments.Contains("--json");
        var locale = OptionValue(Arguments, "--locale");
        var unknown = Arguments.Where((a, i) => a != "--json" && a != "--locale" && !(i > 0 && Arguments[i - 1] == "--locale" && a == locale)).ToList();
        var missing = MissingValue(Arguments, "--locale");
        if (unknown.Count > 0 || missing is not null)
        {
            await stderr.WriteLineAsync(unknown.Count > 0 ? $"Unknown argument: {unknown[0]}" : missing);
            await stderr.WriteLineAsync(Usage);
            return FailureExitCode;
        }

        var culture = SupportedCultures.Resolve(locale);
        var report = await BuildReportAsync(services, culture, cancellationToken);
        await stdout.WriteLineAsync(json ? report.ToJson() : Describe(report, services.GetRequiredService<RemediationCatalog>(), culture));
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
}
