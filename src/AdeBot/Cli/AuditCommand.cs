using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdeBot.Domain.Audit;

namespace AdeBot.Cli;

/// `audit [--tenant <id>] [--since <date>] [--json]`: who asked what, and which buttons they
/// pressed, from the audit trail in the bot's database, oldest first. For an admin who must show
/// who looked at a tenant's tokens; the message text itself is never recorded.
public sealed class AuditCommand(string? tenantId, DateTimeOffset? since, bool json) : CliCommand
{
    public const string Name = "audit";

    public string? TenantId { get; } = tenantId;
    public DateTimeOffset? Since { get; } = since;
    public bool Json { get; } = json;

    protected override int FailureExitCode => 1;

    private static readonly JsonSerializerOptions JsonLines = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    protected override async Task<int> ExecuteAsync(IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var entries = await services.GetRequiredService<IAuditTrail>().ListAsync(new AuditQuery(TenantId, Since), cancellationToken);
        if (Json)
        {
            foreach (var entry in entries) await stdout.WriteLineAsync(JsonSerializer.Serialize(JsonLine.Of(entry), JsonLines));
            return 0;
        }
        if (entries.Count == 0)
        {
            await stdout.WriteLineAsync("No audit entries" + (TenantId is null ? "" : $" for tenant {TenantId}") + (Since is { } from ? $" since {Format(from)}" : "") + ".");
            return 0;
        }
        await stdout.WriteLineAsync($"{"When (UTC)",-20}  {"Tenant",-36}  {"Asker",-36}  {"Kind",-10}  {"Action",-16}  {"Outcome",-12}  Concerning");
        foreach (var entry in entries)
        {
            await stdout.WriteLineAsync(
                $"{Format(entry.At),-20}  {entry.TenantId,-36}  {entry.UserAadObjectId ?? "-",-36}  {entry.Kind,-10}  {entry.Action,-16}  {entry.Outcome,-12}  {(entry.Subjects.Count == 0 ? "-" : string.Join(", ", entry.Subjects))}");
        }
        return 0;
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// One JSON line per entry; the field names are the README's.
    private sealed record JsonLine(DateTimeOffset At, string Tenant, string? Asker, string Conversation, AuditKind Kind,
        string Action, IReadOnlyList<string> Subjects, string Outcome, string? TurnId)
    {
        public static JsonLine Of(AuditEntry entry) => new(entry.At, entry.TenantId, entry.UserAadObjectId, entry.ConversationId,
            entry.Kind, entry.Action, entry.Subjects, entry.Outcome, entry.TurnId);
    }

    /// `2026-11-01` is midnight UTC of that day; a date-time without an offset is UTC too.
    internal static ParsedValue<DateTimeOffset?> ParseSince(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var since)
            ? new ParsedValue<DateTimeOffset?>(since)
            : ParsedValue<DateTimeOffset?>.Invalid($"--since takes an ISO 8601 date or date-time such as 2026-11-01 or 2026-11-01T08:00:00Z, not '{text}'.");

    internal static ParsedValue<string> ParseTenant(string text) =>
        Guid.TryParse(text, out var tenant)
            ? new ParsedValue<string>(tenant.ToString())
            : ParsedValue<string>.Invalid($"--tenant takes a tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47), not '{text}'.");

    /// What `audit --help` shows, and how its words become the command.
    internal sealed class Syntax : Command, IHostedCommandSyntax
    {
        private readonly Option<string> _tenant = CommandLineOptions.WithValue("--tenant", "tenant-id",
            "Only this tenant's entries.", ParseTenant);

        private readonly Option<DateTimeOffset?> _since = CommandLineOptions.WithValue("--since", "date",
            "Only entries from this moment on: an ISO 8601 date (UTC midnight) or date-time.", ParseSince);

        private readonly Option<bool> _json = CommandLineOptions.Switch("--json",
            "Print one JSON object per line: at, tenant, asker, conversation, kind, action, subjects, outcome, turnId.");

        public Syntax() : base(AuditCommand.Name, "Lists the audit trail, oldest first: every question answered and every card button pressed, " +
            "when, in which tenant and conversation, by whom (the Entra object id), what it concerned and how it ended. Never the message text.")
        {
            Options.Add(_tenant);
            Options.Add(_since);
            Options.Add(_json);
        }

        public CliCommand Bind(ParseResult parsed) => new AuditCommand(parsed.GetValue(_tenant), parsed.GetValue(_since), parsed.GetValue(_json));
    }
}
