using System.Globalization;
using System.Text.Json.Nodes;

namespace AdeBot.Tests.Acceptance;

/// A problem as docs/health-rules.md says the `check --json` report must show it.
internal sealed record ExpectedProblem(string Code, string Severity)
{
    public int? DaysLeft { get; init; }
    public int? ErrorCode { get; init; }
    public int? HoursSinceSync { get; init; }
    public string? State { get; init; }
}

/// A token written into the recording, with the verdict the health rules give it. `Id` is null for
/// the APNs certificate that is absent from the recording (Graph's 404).
internal sealed record DesignedToken(string Kind, string? Id, string? Name, string Status, IReadOnlyList<ExpectedProblem> Problems)
{
    public bool IsFailing => Status != "healthy";
}

/// A Graph recording written by hand in the documented replay format (README, "Recordings"), the
/// way an admin or support engineer would capture a tenant: ADE tokens over three pages linked by
/// `$skiptoken`, VPP tokens over two pages linked by `$skip`, and no APNs certificate entry, so
/// that read gets the unmatched-request 404 ("not configured"). Every date is relative to `now`,
/// because the app under test reads the real clock; offsets sit half a day or half an hour away
/// from any rule boundary so the seconds between writing and reading cannot change a verdict.
internal sealed class DesignedTenant
{
    private const string Graph = "https://graph.microsoft.com";
    private const string AdePath = "/beta/deviceManagement/depOnboardingSettings";
    private const string VppPath = "/v1.0/deviceAppManagement/vppTokens";

    private readonly DateTimeOffset _now;
    private readonly List<DesignedToken> _tokens = [];

    public DesignedTenant(DateTimeOffset now)
    {
        _now = now;
        Recording = Build();
    }

    public JsonObject Recording { get; }

    public IReadOnlyList<DesignedToken> Tokens => _tokens;

    public IReadOnlyList<DesignedToken> Failing => [.. _tokens.Where(t => t.IsFailing)];

    public string WriteTo(string folder)
    {
        var path = Path.Combine(folder, "designed-tenant.json");
        File.WriteAllText(path, Recording.ToJsonString(new() { WriteIndented = true }));
        return path;
    }

    private JsonObject Build()
    {
        JsonArray page1 =
        [
            Ade("healthy-abm", "Northwind ABM – Helsinki", expiresInDays: 300, syncedHoursAgo: 2, errorCode: 0, "healthy"),
            Ade("expired", "Northwind ABM – Oslo", expiresInDays: -12.5, syncedHoursAgo: 3, errorCode: 0, "critical",
                new ExpectedProblem("expired", "critical")),
            Ade("expiring-warning", "Northwind ABM – Tallinn", expiresInDays: 20.5, syncedHoursAgo: 4, errorCode: 0, "warning",
                new ExpectedProblem("expiringSoon", "warning") { DaysLeft = 20 }),
        ];
        JsonArray page2 =
        [
            Ade("expiring-critical", "Northwind ABM – Riga", expiresInDays: 3.5, syncedHoursAgo: 2, errorCode: 0, "critical",
                new ExpectedProblem("expiringSoon", "critical") { DaysLeft = 3 }),
            Ade("sync-error", "Northwind ABM – Vilnius", expiresInDays: 250, syncedHoursAgo: 5, errorCode: 7, "critical",
                new ExpectedProblem("syncError", "critical") { ErrorCode = 7 }),
        ];
        JsonArray page3 =
        [
            Ade("terms", "Northwind ASM – Schools", expiresInDays: 240, syncedHoursAgo: 6, errorCode: 3, "critical",
                new ExpectedProblem("termsNotAccepted", "critical"), tokenType: "appleSchoolManager"),
            Ade("stale-warning", "Northwind ABM – Tartu", expiresInDays: 230, syncedHoursAgo: 30.5, errorCode: 0, "warning",
                new ExpectedProblem("syncStale", "warning") { HoursSinceSync = 30 }),
            Ade("stale-critical", "Northwind ABM – Kaunas", expiresInDays: 220, syncedHoursAgo: 100.5, errorCode: 0, "critical",
                new ExpectedProblem("syncStale", "critical") { HoursSinceSync = 100 }),
            // Graph has no upload date; the rules estimate it as a year before expiry. This one
            // was uploaded about 165 days ago and never synced: critical.
            Ade("never-synced-old", "Northwind ABM – Bergen", expiresInDays: 200.5, syncedHoursAgo: null, errorCode: 0, "critical",
                new ExpectedProblem("neverSynced", "critical")),
            // Uploaded about 12 hours ago (a year before expiry): still young, a warning.
            Ade("never-synced-new", "Northwind ABM – Turku", expiresInDays: 365 - 0.5, syncedHoursAgo: null, errorCode: 0, "warning",
                new ExpectedProblem("neverSynced", "warning"), omitSyncDate: true),
        ];

        JsonArray vpp1 =
        [
            Vpp("vpp-healthy", "Northwind Oy", "valid", "completed", "healthy"),
            Vpp("vpp-invalid", "Northwind Retail", "invalid", "completed", "critical",
                new ExpectedProblem("invalidState", "critical") { State = "invalid" }),
        ];
        JsonArray vpp2 =
        [
            Vpp("vpp-sync-failed", "Northwind Education", "valid", "failed", "critical",
                new ExpectedProblem("syncFailed", "critical")),
            // A state Graph may add later must still count as "not valid".
            Vpp("vpp-future-state", "Northwind Labs", "suspendedByApple", "completed", "critical",
                new ExpectedProblem("invalidState", "critical") { State = "suspendedByApple" }),
        ];

        // No entry for the APNs certificate: the replay answers 404, Graph's "none configured".
        _tokens.Add(new DesignedToken("apns", null, null, "critical", [new ExpectedProblem("notConfigured", "critical")]));

        return new JsonObject
        {
            ["responses"] = new JsonArray
            {
                Page(AdePath, page1, next: "?$skiptoken=RFNQ-page-2", query: "", context: Graph + "/beta/$metadata#deviceManagement/depOnboardingSettings"),
                Page(AdePath, page2, next: "?$skiptoken=RFNQ-page-3", query: "?$skiptoken=RFNQ-page-2"),
                Page(AdePath, page3, next: null, query: "?$skiptoken=RFNQ-page-3"),
                Page(VppPath, vpp1, next: "?$skip=2", query: "", context: Graph + "/v1.0/$metadata#deviceAppManagement/vppTokens"),
                Page(VppPath, vpp2, next: null, query: "?$skip=2"),
            },
        };
    }

    private static JsonObject Page(string path, JsonArray items, string? next, string query, string? context = null)
    {
        var body = new JsonObject();
        if (context is not null) body["@odata.context"] = context;
        if (next is not null) body["@odata.nextLink"] = Graph + path + next;
        body["value"] = items;
        return new JsonObject
        {
            ["method"] = "GET",
            ["url"] = Graph + path + query,
            ["status"] = 200,
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json; odata.metadata=minimal", ["request-id"] = Guid.NewGuid().ToString() },
            ["body"] = body,
        };
    }

    private JsonObject Ade(string slug, string name, double expiresInDays, double? syncedHoursAgo, int errorCode, string status,
        ExpectedProblem? problem = null, string tokenType = "dep", bool omitSyncDate = false)
    {
        var id = IdFor(slug);
        _tokens.Add(new DesignedToken("ade", id, name, status, problem is null ? [] : [problem]));
        var token = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.depOnboardingSetting",
            ["id"] = id,
            ["tokenName"] = name,
            ["appleIdentifier"] = $"{slug}@northwind.example",
            ["tokenType"] = tokenType,
            ["tokenExpirationDateTime"] = Date(_now.AddDays(expiresInDays)),
            ["lastModifiedDateTime"] = Date(_now.AddDays(expiresInDays - 365)),
            ["lastSyncTriggeredDateTime"] = Date(_now.AddHours(-1)),
            ["lastSyncErrorCode"] = errorCode,
            ["syncedDeviceCount"] = 42,
            ["roleScopeTagIds"] = new JsonArray("0"),
        };
        if (syncedHoursAgo is { } hours) token["lastSuccessfulSyncDateTime"] = Date(_now.AddHours(-hours));
        else if (!omitSyncDate) token["lastSuccessfulSyncDateTime"] = null;
        return token;
    }

    private JsonObject Vpp(string slug, string organization, string state, string lastSyncStatus, string status, ExpectedProblem? problem = null)
    {
        var id = IdFor(slug);
        _tokens.Add(new DesignedToken("vpp", id, organization, status, problem is null ? [] : [problem]));
        return new JsonObject
        {
            ["id"] = id,
            ["organizationName"] = organization,
            ["vppTokenAccountType"] = "business",
            ["appleId"] = $"{slug}@northwind.example",
            ["expirationDateTime"] = Date(_now.AddDays(180.5)),
            ["lastSyncDateTime"] = Date(_now.AddHours(-5)),
            ["lastModifiedDateTime"] = Date(_now.AddDays(-10)),
            ["state"] = state,
            ["lastSyncStatus"] = lastSyncStatus,
            ["countryOrRegion"] = "fi",
            ["locationName"] = organization,
        };
    }

    // Stable, readable ids: the slug is in the test's failure messages as well as in the recording.
    private static string IdFor(string slug) => $"{slug}-0000-4000-8000-000000000000";

    /// Graph's date format (UTC, whole seconds).
    public static string Date(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
