using AdeBot.Testing;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdeBot.Testing.Connector;

namespace AdeBot.Tests.Acceptance;

/// Acceptance: the service in local mode with a replayed tenant and a check every two
/// seconds. An `installationUpdate` whose serviceUrl is a local HTTP server gets a welcome, then
/// exactly one alert covering every failing token, then nothing over the following checks; after a
/// restart on the same database, still nothing.
public sealed class ProactiveAlertsAcceptanceTests : IAsyncLifetime
{
    private const string FinishedCheck = "Alert check finished:";
    private const int QuietChecks = 3;
    private static readonly TimeSpan CheckWait = TimeSpan.FromSeconds(30);

    private readonly TempFolder _folder = new("adebot-accept-");
    private readonly string _tenantId = Guid.NewGuid().ToString();
    private readonly string _conversationId = "a:1" + Guid.NewGuid().ToString("N");
    private readonly string _installId = "f:" + Guid.NewGuid().ToString("N");
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartHttpAsync();

    [Fact]
    public async Task An_install_gets_a_welcome_then_one_alert_for_every_failing_token_and_nothing_more_even_after_a_restart()
    {
        var tenant = new DesignedTenant(TimeProvider.System.GetUtcNow());
        Dictionary<string, string> settings = new()
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__DataPath"] = _folder.DataPath,
            ["Graph__ReplayPath"] = tenant.WriteTo(_folder.Path),
            ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
            ["Alerts__CheckInterval"] = "00:00:02",
            ["Alerts__FirstCheckDelay"] = "00:00:01",
        };

        await using (var first = await AdeBotProcess.StartServiceAsync(settings))
        {
            using var http = LoopbackHttp.Create();
            using var install = await http.PostAsync(new Uri(first.BaseUri!, "api/messages"),
                new StringContent(InstallationUpdate().ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, install.StatusCode);

            var arrived = await _connector.WaitForRequestsAsync(2);
            var checksSoFar = first.CountInOutput(FinishedCheck);
            await first.WaitForOutputAsync(output => AdeBotProcess.Occurrences(output, FinishedCheck) >= checksSoFar + QuietChecks + 1, CheckWait);

            Assert.True(_connector.Requests.Count == 2,
                $"Expected a welcome and one alert, got {_connector.Requests.Count} messages:\n{Summaries(_connector.Requests)}\nOutput:\n{first.Output}");
            AssertWelcome(arrived[0]);
            AssertAlertCoversEveryFailingToken(arrived[1], tenant);
            Assert.Equal(1, first.CountInOutput("Alert check finished: 1 alerts sent"));

            await first.StopAsync();
        }

        await using var second = await AdeBotProcess.StartServiceAsync(settings);
        await second.WaitForOutputAsync(output => AdeBotProcess.Occurrences(output, FinishedCheck) >= QuietChecks, CheckWait);

        Assert.True(_connector.Requests.Count == 2,
            $"After the restart the bot sent again:\n{Summaries(_connector.Requests.Skip(2).ToList())}\nOutput:\n{second.Output}");
        // The checks saw the stored subscription and its tenant: the silence is the ledger's doing,
        // not an empty database.
        Assert.Contains("0 alerts sent, 0 not delivered, 0 subscriptions removed, 0 of 1 tenants skipped", second.Output, StringComparison.Ordinal);
    }

    /// What Teams posts when an admin adds the bot in a personal chat (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events).
    private JsonObject InstallationUpdate() => new()
    {
        ["type"] = "installationUpdate",
        ["action"] = "add",
        ["id"] = _installId,
        ["timestamp"] = TimeProvider.System.GetUtcNow().ToString("o"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = _connector.ServiceUrl(),
        ["from"] = new JsonObject { ["id"] = "29:1acceptance-admin", ["name"] = "Acceptance Admin", ["aadObjectId"] = Guid.NewGuid().ToString() },
        ["recipient"] = new JsonObject { ["id"] = "28:" + Guid.NewGuid(), ["name"] = "AdeBot" },
        ["conversation"] = new JsonObject { ["id"] = _conversationId, ["conversationType"] = "personal", ["tenantId"] = _tenantId },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = _tenantId },
            ["source"] = new JsonObject { ["name"] = "message" },
        },
        ["locale"] = "en-US",
    };

    private void AssertWelcome(RecordedConnectorRequest request)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/amer/v3/conversations/{_conversationId}/activities/{_installId}", Uri.UnescapeDataString(request.RawTarget));
        Assert.Null(request.Authorization);
        var activity = JsonNode.Parse(request.Body)!;
        Assert.Equal("message", (string?)activity["type"]);
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
    }

    private void AssertAlertCoversEveryFailingToken(RecordedConnectorRequest request, DesignedTenant tenant)
    {
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/amer/v3/conversations/{_conversationId}/activities", Uri.UnescapeDataString(request.RawTarget));
        var activity = JsonNode.Parse(request.Body)!;
        Assert.Equal("message", (string?)activity["type"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)activity["summary"]), "The alert needs a summary for the Teams notification.");
        var card = Assert.Single(activity["attachments"]!.AsArray())!["content"]!;

        var text = string.Join("\n", Strings(card, "text"));
        foreach (var token in tenant.Tokens.Where(t => t.Name is not null))
        {
            if (token.IsFailing) Assert.True(text.Contains(token.Name!, StringComparison.Ordinal), $"The alert does not mention failing token {token.Name}:\n{text}");
            else Assert.False(text.Contains(token.Name!, StringComparison.Ordinal), $"The alert mentions healthy token {token.Name}:\n{text}");
        }

        // The snooze buttons name every finding the card shows: `tenant|Kind|tokenId|track`.
        var findings = Strings(card, "findingKeys").Select(key => key.Split('|')).ToList();
        Assert.All(findings, f => Assert.Equal(_tenantId, f[0]));
        var alerted = findings.Select(f => $"{f[1].ToLowerInvariant()} {(f[1] == "Apns" ? "(the certificate)" : string.Join('|', f[2..^1]))}").ToHashSet();
        var failing = tenant.Failing.Select(t => $"{t.Kind} {t.Id ?? "(the certificate)"}").ToHashSet();
        Assert.Equal(failing.Order(StringComparer.Ordinal), alerted.Order(StringComparer.Ordinal));
    }

    /// Every string under a property of that name, however deep; arrays of strings included.
    private static IEnumerable<string> Strings(JsonNode? node, string property) => node switch
    {
        JsonObject obj => obj.SelectMany(p => string.Equals(p.Key, property, StringComparison.OrdinalIgnoreCase) ? Values(p.Value) : Strings(p.Value, property)),
        JsonArray array => array.SelectMany(item => Strings(item, property)),
        _ => [],
    };

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [value.GetValue<string>()],
        JsonArray array => array.SelectMany(Values),
        _ => [],
    };

    private static string Summaries(IReadOnlyList<RecordedConnectorRequest> requests) =>
        string.Join("\n", requests.Select(r => $"{r.Method} {r.RawTarget}: {(r.Body.Length > 400 ? r.Body[..400] + "…" : r.Body)}"));

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _folder.Dispose();
    }
}
