using System.Net;
using System.Text.Json.Nodes;
using AdeBot.Domain.Tokens;

namespace AdeBot.Inventory.Tests;

public sealed class ReplayTests
{
    private static string Recording(string name) => Path.Combine(AppContext.BaseDirectory, "Recordings", name);

    private static readonly GraphRecording Pages = new(
    [
        new("GET", "https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings", 200, Body: JsonNode.Parse("""{"page":1}""")),
        new("GET", "https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings?$skiptoken=two", 200, Body: JsonNode.Parse("""{"page":2}""")),
        new("GET", "/v1.0/deviceAppManagement/vppTokens?$skip=5&$top=5", 200, Body: JsonNode.Parse("""{"page":"skip5"}""")),
        new("GET", "/v1.0/deviceManagement/applePushNotificationCertificate", 503, new Dictionary<string, string> { ["Retry-After"] = "7" }, JsonValue.Create("not json")),
    ]);

    [Theory]
    [InlineData("https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings", "{\"page\":1}")]
    [InlineData("https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings?$select=id,tokenName&$top=50", "{\"page\":1}")]
    [InlineData("https://graph.microsoft.com/BETA/devicemanagement/DEPONBOARDINGSETTINGS", "{\"page\":1}")]
    [InlineData("https://graph.microsoft.us/beta/deviceManagement/depOnboardingSettings/", "{\"page\":1}")]
    [InlineData("https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings?$skiptoken=two", "{\"page\":2}")]
    [InlineData("https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings?%24skiptoken=two&$select=id", "{\"page\":2}")]
    [InlineData("https://graph.microsoft.com/v1.0/deviceAppManagement/vppTokens?$skip=5", "{\"page\":\"skip5\"}")]
    public async Task A_request_matches_on_method_path_and_paging_parameters(string url, string expectedBody)
    {
        using var client = new HttpClient(new RecordingHandler(new RecordedAnswers(Pages)));

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expectedBody, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings?$skiptoken=three")] // another page
    [InlineData("https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings?$skip=2")] // paging the recording lacks
    [InlineData("https://graph.microsoft.com/v1.0/deviceAppManagement/vppTokens")] // page 1 was not recorded, only $skip=5
    [InlineData("https://graph.microsoft.com/v1.0/deviceAppManagement/vppTokens?$skip=6")]
    [InlineData("https://graph.microsoft.com/v1.0/deviceManagement/managedDevices")]
    public async Task A_request_that_matches_nothing_gets_a_Graph_404(string url)
    {
        using var client = new HttpClient(new RecordingHandler(new RecordedAnswers(Pages)));

        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("ResourceNotFound", (string?)error["code"]);
        Assert.Contains(new Uri(url).AbsolutePath, (string?)error["message"]);
    }

    [Fact]
    public async Task Only_the_recorded_method_matches_and_recorded_headers_and_raw_text_bodies_are_replayed()
    {
        using var client = new HttpClient(new RecordingHandler(new RecordedAnswers(Pages)));

        using var post = await client.PostAsync("https://graph.microsoft.com/beta/deviceManagement/depOnboardingSettings", null);
        using var apns = await client.GetAsync("https://graph.microsoft.com/v1.0/deviceManagement/applePushNotificationCertificate");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, apns.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), apns.Headers.RetryAfter?.Delta);
        Assert.Equal("not json", await apns.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_replay_file_is_read_across_pages_for_any_tenant()
    {
        using var host = InventoryTestHost.Create(new Dictionary<string, string?> { ["Graph:ReplayPath"] = Recording("multi-page.json") }, new FakeNetwork());
        const string anyTenant = "44444444-4444-4444-4444-444444444444";

        var reading = await host.ReadAsync(anyTenant);

        Assert.True(reading.Succeeded);
        Assert.Equal(SnapshotSource.Replay, reading.Source);
        Assert.Equal(SnapshotSource.Replay, reading.Snapshot!.Source);
        Assert.Equal(anyTenant, reading.Snapshot.TenantId);
        Assert.Equal(SnapshotSource.Replay, host.Inventory.DefaultSource);
        Assert.True(host.Inventory.CanRead(anyTenant));
        Assert.Equal([SampleTenant.TenantId], host.Inventory.WatchedTenantIds);
        Assert.Equal(["Fabrikam ABM – Stockholm", "Fabrikam ASM – Schools", "Fabrikam ABM – Gothenburg", "Fabrikam ABM – Malmö"],
            reading.Snapshot.AdeTokens.Select(t => t.Name));
        Assert.Equal(3, reading.Snapshot.AdeTokens.Single(t => t.Name == "Fabrikam ABM – Malmö").LastSyncErrorCode);
        Assert.Equal(AppleProgram.SchoolManager, reading.Snapshot.AdeTokens[1].Program);
        Assert.Equal(DateTimeOffset.Parse("2027-01-10T10:00:00Z"), reading.Snapshot.Apns?.ExpiresAt);
        Assert.Equal([("Fabrikam AB", "valid"), ("Fabrikam Schools", "expired")], reading.Snapshot.VppTokens.Select(v => (v.Name, v.State)));
        Assert.Empty(host.Network.Requests); // nothing left the process
    }

    [Fact]
    public async Task A_recorded_403_is_a_missing_permission()
    {
        using var host = InventoryTestHost.Create(new Dictionary<string, string?> { ["Graph:ReplayPath"] = Recording("forbidden.json") }, new FakeNetwork());

        var reading = await host.ReadAsync(SampleTenant.TenantId);

        Assert.Equal(new InventoryFailure(InventoryFailureKind.PermissionMissing, "DeviceManagementServiceConfig.Read.All"), reading.Failure);
        Assert.Equal(SnapshotSource.Replay, reading.Source);
        Assert.Null(reading.Snapshot);
    }

    [Fact]
    public void A_recording_round_trips_through_its_file_format()
    {
        var path = Path.Combine(Path.GetTempPath(), $"adebot-recording-{Guid.NewGuid():N}.json");
        try
        {
            Pages.Save(path);
            var loaded = GraphRecording.Load(path);

            Assert.Equal(Pages.Responses.Select(r => (r.Method, r.Url, r.Status, r.Body?.ToJsonString())),
                loaded.Responses.Select(r => (r.Method, r.Url, r.Status, r.Body?.ToJsonString())));
            Assert.Equal("7", loaded.Responses[3].Headers!["Retry-After"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("{}", "\"responses\" array")]
    [InlineData("""{"responses":[{"url":"/v1.0/x","status":200}]}""", "responses[0] needs \"method\" and \"url\"")]
    [InlineData("""{"responses":[{"method":"GET","url":"/v1.0/x","status":200},{"method":"GET","url":"/v1.0/y"}]}""", "responses[1] has status 0")]
    [InlineData("""{"responses":[{"method":"GET","url":"/v1.0/x","status":200,"delayMs":-5}]}""", "responses[0] has delayMs -5")]
    public void An_invalid_recording_is_rejected_with_the_reason(string json, string reason)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<InvalidDataException>(() => GraphRecording.Read(stream));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task A_replayed_device_list_that_ignores_the_filter_still_yields_only_the_serial_asked_for()
    {
        using var host = InventoryTestHost.Create(new Dictionary<string, string?> { ["Graph:ReplayPath"] = Recording("devices-managed-forbidden.json") }, new FakeNetwork());

        var lookup = await host.Devices.LookUpAsync("any-tenant", "f9k2lm0qwx11", forceRefresh: false, AdeBot.Testing.TestTimeout.Token);

        Assert.True(lookup.Succeeded);
        Assert.Equal(SnapshotSource.Replay, lookup.Tokens.Source);
        var record = Assert.Single(lookup.Facts!.AdeRecords);
        Assert.Equal("F9K2LM0QWX11", record.SerialNumber);
        Assert.Equal("Fabrikam iPads", Assert.Single(lookup.Facts.ProfilesByToken.Values.Single().Profiles).Name);
        Assert.Null(lookup.Facts.ManagedDevices);
        Assert.Equal(["DeviceManagementManagedDevices.Read.All"], lookup.Facts.MissingPermissions);
        Assert.Equal(15, lookup.Facts.Restrictions!.DeviceLimit);
    }

    private static readonly GraphRecording SlowTenant = new(
    [
        new("GET", "/beta/deviceManagement/depOnboardingSettings", 200, Body: JsonNode.Parse("""{"value":[]}"""), DelayMs: 5000),
        new("GET", "/v1.0/deviceAppManagement/vppTokens", 200, Body: JsonNode.Parse("""{"value":[]}""")),
    ]);

    [Fact]
    public async Task A_replayed_answer_waits_for_its_delay_on_the_injected_clock()
    {
        var time = new TimerWatchingClock();
        using var host = InventoryTestHost.Create(new Dictionary<string, string?>(), new FakeNetwork(), time, replay: SlowTenant);

        var read = host.ReadAsync(SampleTenant.TenantId);
        await time.TimerCreated(TimeSpan.FromMilliseconds(5000)).WaitAsync(AdeBot.Testing.TestTimeout.Token);
        time.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.False(read.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var reading = await read.WaitAsync(AdeBot.Testing.TestTimeout.Token);

        Assert.True(reading.Succeeded);
        Assert.Null(reading.Snapshot!.Apns); // not recorded: 404, answered at once with no default latency
    }

    [Fact]
    public async Task The_replay_latency_delays_every_answer_without_its_own_delay()
    {
        var clock = new BackoffClock(firesWithin: TimeSpan.FromSeconds(10));
        using var host = InventoryTestHost.Create(new Dictionary<string, string?> { ["Graph:ReplayLatencyMilliseconds"] = "300" },
            new FakeNetwork(), replay: SlowTenant, clock: clock);

        var reading = await host.ReadAsync(SampleTenant.TenantId);

        Assert.True(reading.Succeeded);
        // ADE with its own 5 s, then the APNs 404, the VPP page and the unrecorded connector status at the replay's 300 ms.
        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300)], clock.Waits);
    }

    /// A FakeTimeProvider that tells the test when a timer of a given due time exists, so the test
    /// advances the clock only once the code under test is waiting on it.
    private sealed class TimerWatchingClock() : Microsoft.Extensions.Time.Testing.FakeTimeProvider(AdeBot.Testing.TestClock.Start)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<TimeSpan, TaskCompletionSource> _created = new();

        public Task TimerCreated(TimeSpan due) => Signal(due).Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Signal(dueTime).TrySetResult();
            return timer;
        }

        private TaskCompletionSource Signal(TimeSpan due) =>
            _created.GetOrAdd(due, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
