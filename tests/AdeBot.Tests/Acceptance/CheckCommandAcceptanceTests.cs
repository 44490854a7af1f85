using AdeBot.Testing;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdeBot.Tests.Acceptance;

/// Acceptance: `check` on the built app. With nothing configured it reports the sample and
/// exits 2; with `Graph:ReplayPath` set to a recording written outside the product, `check --json`
/// reports every token across pages with the statuses and problem codes of the health rules; a
/// recording whose depOnboardingSettings answer 403 exits 3 and names the missing permission.
public sealed class CheckCommandAcceptanceTests : IDisposable
{
    private const string Permission = "DeviceManagementServiceConfig.Read.All";

    private readonly TempFolder _folder = new("adebot-accept-");

    [Fact]
    public async Task Check_with_nothing_configured_prints_the_sample_report_and_exits_2()
    {
        var result = await AdeBotProcess.RunCommandAsync(["check"], Settings());

        Assert.True(result.ExitCode == 2, $"check exited {result.ExitCode}. Output:\n{result.AllOutput}");
        Assert.Contains("(built-in sample data)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[Critical]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("[Healthy]", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_json_reports_every_token_of_a_recording_across_pages_with_the_rules_verdicts()
    {
        var tenant = new DesignedTenant(TimeProvider.System.GetUtcNow());
        var replay = tenant.WriteTo(_folder.Path);

        var result = await AdeBotProcess.RunCommandAsync(["check", "--json"], Settings(("Graph__ReplayPath", replay)));

        Assert.True(result.ExitCode == 2, $"check --json exited {result.ExitCode}; critical findings mean 2. Output:\n{result.AllOutput}");
        var report = JsonNode.Parse(result.Stdout)!;
        var tenants = report["tenants"]!.AsArray();
        var only = Assert.Single(tenants)!;
        Assert.Equal("replay", (string?)only["source"]);
        Assert.Equal("critical", (string?)only["status"]);
        Assert.Null(only["error"]);

        var reported = only["tokens"]!.AsArray().Select(t => t!).ToList();
        var differences = tenant.Tokens
            .Select(expected => (Expected: DescribeExpected(expected), Reported: DescribeReported(expected, FindReported(reported, expected))))
            .Where(pair => pair.Expected != pair.Reported)
            .Select(pair => $"expected {pair.Expected}\n reported {pair.Reported}")
            .ToList();
        Assert.True(differences.Count == 0, $"The report differs from the rules:\n{string.Join("\n", differences)}");
        Assert.Equal(tenant.Tokens.Count, reported.Count);
    }

    [Fact]
    public async Task A_recording_whose_ade_read_answers_403_exits_3_and_names_the_permission()
    {
        var replay = WriteForbiddenAdeRecording();
        var settings = Settings(("Graph__ReplayPath", replay));

        var text = await AdeBotProcess.RunCommandAsync(["check"], settings);
        var json = await AdeBotProcess.RunCommandAsync(["check", "--json"], settings);

        Assert.True(text.ExitCode == 3, $"check exited {text.ExitCode}. Output:\n{text.AllOutput}");
        Assert.Contains(Permission, text.Stdout, StringComparison.Ordinal);

        Assert.True(json.ExitCode == 3, $"check --json exited {json.ExitCode}. Output:\n{json.AllOutput}");
        var tenant = Assert.Single(JsonNode.Parse(json.Stdout)!["tenants"]!.AsArray())!;
        var error = tenant["error"];
        Assert.NotNull(error);
        Assert.Contains(Permission, error.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_option_is_never_taken_as_the_value_of_the_one_before_it()
    {
        var result = await AdeBotProcess.RunCommandAsync(["check", "--locale", "--json"], Settings());

        Assert.True(result.ExitCode == 64, $"check exited {result.ExitCode}; a usage error is 64. Output:\n{result.AllOutput}");
        Assert.Contains("--locale needs a value", result.AllOutput, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

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

    /// As Graph answers an app without the permission: 403 on the ADE read, while the other reads of
    /// the same recording succeed.
    private string WriteForbiddenAdeRecording()
    {
        var requestId = Guid.NewGuid().ToString();
        var recording = new JsonObject
        {
            ["responses"] = new JsonArray
            {
                new JsonObject
                {
                    ["method"] = "GET",
                    ["url"] = "https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings",
                    ["status"] = 403,
                    ["headers"] = new JsonObject { ["Content-Type"] = "application/json", ["request-id"] = requestId },
                    ["body"] = new JsonObject
                    {
                        ["error"] = new JsonObject
                        {
                            ["code"] = "Forbidden",
                            ["message"] = "Application is not authorized to perform this operation.",
                            ["innerError"] = new JsonObject { ["request-id"] = requestId, ["client-request-id"] = requestId },
                        },
                    },
                },
                new JsonObject
                {
                    ["method"] = "GET",
                    ["url"] = "/v1.0/deviceManagement/applePushNotificationCertificate",
                    ["status"] = 200,
                    ["body"] = new JsonObject
                    {
                        ["id"] = Guid.NewGuid().ToString(),
                        ["appleIdentifier"] = "mdm-push@northwind.example",
                        ["topicIdentifier"] = "com.apple.mgmt.External." + Guid.NewGuid(),
                        ["expirationDateTime"] = DesignedTenant.Date(TimeProvider.System.GetUtcNow().AddDays(200)),
                    },
                },
                new JsonObject
                {
                    ["method"] = "GET",
                    ["url"] = "/v1.0/deviceAppManagement/vppTokens",
                    ["status"] = 200,
                    ["body"] = new JsonObject { ["value"] = new JsonArray() },
                },
            },
        };
        var path = Path.Combine(_folder.Path, "forbidden-ade.json");
        File.WriteAllText(path, recording.ToJsonString());
        return path;
    }

    private static JsonNode? FindReported(List<JsonNode> reported, DesignedToken expected) =>
        expected.Id is null
            ? reported.SingleOrDefault(t => (string?)t["kind"] == expected.Kind)
            : reported.SingleOrDefault(t => (string?)t["kind"] == expected.Kind && (string?)t["id"] == expected.Id);

    /// One line per token, so a failure shows every difference at once.
    private static string DescribeExpected(DesignedToken expected) =>
        Line(expected.Kind, expected.Id, expected.Name, expected.Status, expected.Problems.Select(Describe));

    private static string DescribeReported(DesignedToken expected, JsonNode? reported)
    {
        if (reported is null) return $"{expected.Kind} {expected.Id ?? "(the certificate)"}: MISSING from the report";
        var problems = reported["problems"]!.AsArray().Select(p => p!).Select(p =>
        {
            // The extra facts the rules name for this problem are compared; others are not the rules' business here.
            var code = (string?)p["code"] ?? "";
            var like = expected.Problems.FirstOrDefault(e => e.Code == code) ?? new ExpectedProblem(code, "");
            return Describe(new ExpectedProblem(code, (string?)p["severity"] ?? "")
            {
                DaysLeft = like.DaysLeft is null ? null : Int(p["daysLeft"]),
                ErrorCode = like.ErrorCode is null ? null : Int(p["errorCode"]),
                HoursSinceSync = like.HoursSinceSync is null ? null : Int(p["hoursSinceSync"]),
                State = like.State is null ? null : (string?)p["state"],
            });
        });
        return Line((string?)reported["kind"] ?? "", expected.Id is null ? null : (string?)reported["id"],
            expected.Name is null ? null : (string?)reported["name"], (string?)reported["status"] ?? "", problems);
    }

    private static string Line(string kind, string? id, string? name, string status, IEnumerable<string> problems) =>
        $"{kind} {id ?? "(the certificate)"} \"{name}\": {status} [{string.Join(", ", problems)}]";

    private static string Describe(ExpectedProblem problem)
    {
        var facts = new List<string>();
        if (problem.DaysLeft is { } days) facts.Add($"daysLeft={days}");
        if (problem.ErrorCode is { } code) facts.Add($"errorCode={code}");
        if (problem.HoursSinceSync is { } hours) facts.Add($"hoursSinceSync={hours}");
        if (problem.State is { } state) facts.Add($"state={state}");
        return facts.Count == 0 ? $"{problem.Code}/{problem.Severity}" : $"{problem.Code}/{problem.Severity}({string.Join(" ", facts)})";
    }

    private static int? Int(JsonNode? node) => node?.GetValueKind() == JsonValueKind.Number ? node.GetValue<int>() : null;

    public void Dispose() => _folder.Dispose();
}
