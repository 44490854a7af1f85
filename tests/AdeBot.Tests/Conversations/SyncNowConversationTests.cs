using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AdeBot.Domain.Audit;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Localization;
using AdeBot.Inventory;
using AdeBot.Testing;
using AdeBot.Tests.Access;
using AdeBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// Intune at the network edge for Sync now: the sample tenant's token reads, the sync POST answered
/// with a status per token (204 unless set), and, like Intune, a token's lastSyncTriggeredDateTime
/// set by an accepted sync. Every Graph request is logged.
public sealed class FakeIntune(FakeDirectoryNetwork directory) : HttpMessageHandler
{
    private const string SyncAction = "/syncWithAppleDeviceEnrollmentProgram";
    private readonly HttpMessageInvoker _directory = new(directory, disposeHandler: false);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _triggered = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<(HttpMethod Method, string Path)> Requests { get; } = new();

    /// Per ADE token id: the status its sync POST gets, with a Retry-After in seconds when set.
    public ConcurrentDictionary<string, (HttpStatusCode Status, int? RetryAfterSeconds)> SyncAnswers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// HttpStatusCode.Forbidden for every POST: the app has only DeviceManagementServiceConfig.Read.All.
    public HttpStatusCode? EverySync { get; set; }

    public IReadOnlyList<string> SyncPosts => [.. Requests.Where(r => r.Method == HttpMethod.Post && r.Path.EndsWith(SyncAction, StringComparison.Ordinal)).Select(r => r.Path)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var path = uri.AbsolutePath;
        if (uri.Host != "graph.microsoft.com" || !(path.Contains("/deviceManagement/", StringComparison.OrdinalIgnoreCase) || path.Contains("/deviceAppManagement/", StringComparison.OrdinalIgnoreCase)))
            return await _directory.SendAsync(request, cancellationToken);

        Requests.Enqueue((request.Method, path));
        var now = TimeProvider.System.GetUtcNow();
        if (request.Method == HttpMethod.Post && path.EndsWith(SyncAction, StringComparison.Ordinal))
        {
            var tokenId = path.Split('/')[^2];
            var (status, retryAfter) = EverySync is { } every ? (every, null) : SyncAnswers.GetValueOrDefault(tokenId, (HttpStatusCode.NoContent, null));
            if (status == HttpStatusCode.NoContent) _triggered[tokenId] = now;
            var answer = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(status == HttpStatusCode.NoContent ? "" : """{"error":{"code":"TooManyRequests","message":"faked refusal text"}}""", Encoding.UTF8, "application/json") };
            if (retryAfter is { } seconds) answer.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return answer;
        }

        using var sample = new HttpMessageInvoker(new RecordingHandler(() => new RecordedAnswers(SampleTenant.Recording(now))));
        var response = await sample.SendAsync(request, cancellationToken);
        if (!path.EndsWith("/depOnboardingSettings", StringComparison.OrdinalIgnoreCase) || _triggered.IsEmpty) return response;
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        foreach (var token in page["value"]!.AsArray())
        {
            if (_triggered.TryGetValue((string)token!["id"]!, out var at)) token["lastSyncTriggeredDateTime"] = at.ToString("O");
        }
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(page.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}

/// Graph credentials for one tenant, an admin group, and Actions:AllowSync as given.
public class SyncBotHost : AdeBotHost
{
    public const string Tenant = AdminGroupBotHost.Tenant;

    public SyncBotHost() : this(allowSync: true)
    {
    }

    protected SyncBotHost(bool allowSync, HttpStatusCode? everySync = null) : this(allowSync, new FakeIntune(new FakeDirectoryNetwork()
        .WithUser(AdminGroupBotHost.Admin, AdminGroupBotHost.AdminGroup)
        .WithUser(AdminGroupBotHost.Outsider, "9a000000-0000-0000-0000-0000000000ff")) { EverySync = everySync })
    {
    }

    private SyncBotHost(bool allowSync, FakeIntune intune)
        : base(Settings(allowSync), services => services.AddSingleton(new GraphNetwork(intune)), authenticated: true) => Intune = intune;

    public FakeIntune Intune { get; }

    private static Dictionary<string, string?> Settings(bool allowSync)
    {
        Dictionary<string, string?> settings = new()
        {
            ["Graph:TenantId"] = Tenant,
            ["Graph:ClientId"] = "22222222-2222-2222-2222-222222222222",
            ["Graph:ClientSecret"] = "client-secret-for-tests",
            ["Access:AdminGroupIds:0"] = AdminGroupBotHost.AdminGroup,
        };
        if (allowSync) settings["Actions:AllowSync"] = "true";
        return settings;
    }
}

public sealed class SyncOffBotHost() : SyncBotHost(allowSync: false);

public sealed class SyncForbiddenBotHost() : SyncBotHost(allowSync: true, everySync: HttpStatusCode.Forbidden);

public sealed class SyncNowConversationTests(SyncBotHost host) : IClassFixture<SyncBotHost>
{
    private const string Vantaa = "0b8f6c1e-0008-4a52-9d7e-5a3b1e000008";
    private const string Kyiv = "0b8f6c1e-0005-4a52-9d7e-5a3b1e000005";
    private const string Lviv = "0b8f6c1e-0006-4a52-9d7e-5a3b1e000006";
    private const string Turku = "0b8f6c1e-0007-4a52-9d7e-5a3b1e000007";
    private const string Oulu = "0b8f6c1e-0004-4a52-9d7e-5a3b1e000004";

    private TeamsChat Chat(string locale = "en-US", string user = AdminGroupBotHost.Admin) => new(host, tenantId: SyncBotHost.Tenant, locale: locale, userAadObjectId: user);

    private static JsonObject SyncButton(IReadOnlyList<JsonObject> tokenCards, string tokenId) =>
        Assert.Single(tokenCards.SelectMany(c => Executes(c, CardVerbs.SyncNow)), b => (string?)b["data"]?["tokenId"] == tokenId);

    [Theory]
    [InlineData("en-US", Vantaa, "Sync Contoso ABM – Vantaa with Apple now?", "Intune is syncing Contoso ABM – Vantaa with Apple.")]
    [InlineData("fi-FI", Kyiv, "Synkronoidaanko Contoso ABM – Kyiv Applen kanssa nyt?", "Intune synkronoi tunnusta Contoso ABM – Kyiv Applen kanssa.")]
    [InlineData("uk-UA", Lviv, "Синхронізувати Contoso ABM – Lviv з Apple зараз?", "Intune синхронізує Contoso ABM – Lviv з Apple.")]
    public async Task Sync_now_asks_to_confirm_then_syncs_once_records_it_and_a_second_sync_within_15_minutes_is_not_sent(
        string locale, string tokenId, string question, string started)
    {
        var chat = Chat(locale);
        var (_, tokenCards) = IsHealthAnswer(await chat.SayAsync("status"), locale switch { "fi-FI" => "Apple-yhteyksien kunto", "uk-UA" => "Стан маркерів Apple", _ => "Apple token health" });
        // Offered on sync problems only: Oulu only expires soon.
        Assert.DoesNotContain(tokenCards.SelectMany(c => Executes(c, CardVerbs.SyncNow)), b => (string?)b["data"]?["tokenId"] == Oulu);

        var confirmation = await chat.InvokeAsync(TeamsChat.ExecuteValue(SyncButton(tokenCards, tokenId)));
        Assert.Contains(question, TextBlocks(confirmation.Card));
        Assert.DoesNotContain(host.Intune.SyncPosts, p => p.Contains(tokenId, StringComparison.Ordinal));

        var confirm = Assert.Single(Executes(confirmation.Card, CardVerbs.SyncConfirm));
        var first = await chat.InvokeAsync(TeamsChat.ExecuteValue(confirm));
        var second = await chat.InvokeAsync(TeamsChat.ExecuteValue(confirm));

        Assert.True(first.Message?.StartsWith(started, StringComparison.Ordinal), $"got {first.HttpStatus} {first.Body?.ToJsonString()}");
        Assert.Equal(ChatReplies.SyncNotNow(NameOf(tokenId), TimeSpan.FromMinutes(15), SupportedCultures.Resolve(locale)), second.Message);
        Assert.Single(host.Intune.SyncPosts, p => p.Contains(tokenId, StringComparison.Ordinal));
        var audited = (await host.Get<IAuditTrail>().ListAsync(new AuditQuery(SyncBotHost.Tenant), TestTimeout.Token))
            .Where(e => e.Kind == AuditKind.Sync && e.Subjects.Contains(tokenId)).ToList();
        var entry = Assert.Single(audited);
        Assert.Equal(("syncWithApple", "started", AdminGroupBotHost.Admin), (entry.Action, entry.Outcome, entry.UserAadObjectId));

        // The next health answer shows the wait instead of the button.
        var (_, again) = IsHealthAnswer(await chat.SayAsync("status"), locale switch { "fi-FI" => "Apple-yhteyksien kunto", "uk-UA" => "Стан маркерів Apple", _ => "Apple token health" });
        Assert.DoesNotContain(again.SelectMany(c => Executes(c, CardVerbs.SyncNow)), b => (string?)b["data"]?["tokenId"] == tokenId);
    }

    [Fact]
    public async Task A_429_is_not_now_with_the_wait_from_Retry_After_and_no_error_text()
    {
        host.Intune.SyncAnswers[Turku] = (HttpStatusCode.TooManyRequests, 600);
        var chat = Chat();

        var answer = await chat.InvokeAsync(JsonNode.Parse($$"""{ "action": { "type": "Action.Execute", "verb": "syncConfirm", "data": { "verb": "syncConfirm", "tokenId": "{{Turku}}" } } }"""));

        Assert.Equal("Not now: Contoso ABM – Turku cannot sync with Apple again yet. Try again in 10 minutes.", answer.Message);
        Assert.Single(host.Intune.SyncPosts, p => p.Contains(Turku, StringComparison.Ordinal));
        var entry = Assert.Single((await host.Get<IAuditTrail>().ListAsync(new AuditQuery(SyncBotHost.Tenant), TestTimeout.Token)), e => e.Kind == AuditKind.Sync && e.Subjects.Contains(Turku));
        Assert.Equal("notNow", entry.Outcome);
    }

    [Fact]
    public async Task Someone_outside_the_admin_groups_is_refused_on_the_click_and_nothing_is_sent()
    {
        var chat = Chat(user: AdminGroupBotHost.Outsider);

        var answer = await chat.InvokeAsync(JsonNode.Parse($$"""{ "action": { "type": "Action.Execute", "verb": "syncConfirm", "data": { "verb": "syncConfirm", "tokenId": "{{Oulu}}" } } }"""));

        Assert.Equal(ChatReplies.Refusal(SupportedCultures.Resolve("en-US")), answer.Message);
        Assert.DoesNotContain(host.Intune.SyncPosts, p => p.Contains(Oulu, StringComparison.Ordinal));
    }

    private static string NameOf(string tokenId) => tokenId switch
    {
        Vantaa => "Contoso ABM – Vantaa",
        Kyiv => "Contoso ABM – Kyiv",
        _ => "Contoso ABM – Lviv",
    };
}

public sealed class SyncForbiddenConversationTests(SyncForbiddenBotHost host) : IClassFixture<SyncForbiddenBotHost>
{
    [Theory]
    [InlineData("en-US", "its app registration lacks the application permission DeviceManagementServiceConfig.ReadWrite.All")]
    [InlineData("fi-FI", "puuttuu sovellusoikeus DeviceManagementServiceConfig.ReadWrite.All")]
    public async Task Without_the_write_permission_a_403_says_so_in_the_chat_language_without_Graphs_text(string locale, string says)
    {
        var chat = new TeamsChat(host, tenantId: SyncBotHost.Tenant, locale: locale, userAadObjectId: AdminGroupBotHost.Admin);
        var tokenId = locale == "en-US" ? "0b8f6c1e-0008-4a52-9d7e-5a3b1e000008" : "0b8f6c1e-0007-4a52-9d7e-5a3b1e000007";

        var answer = await chat.InvokeAsync(JsonNode.Parse($$"""{ "action": { "type": "Action.Execute", "verb": "syncConfirm", "data": { "verb": "syncConfirm", "tokenId": "{{tokenId}}" } } }"""));

        Assert.Contains(says, answer.Message);
        Assert.DoesNotContain("faked", answer.Message);
        Assert.Single(host.Intune.SyncPosts, p => p.Contains(tokenId, StringComparison.Ordinal));
    }
}

public sealed class SyncOffConversationTests(SyncOffBotHost host) : IClassFixture<SyncOffBotHost>
{
    [Fact]
    public async Task With_Actions_AllowSync_unset_no_card_offers_it_and_a_click_never_reaches_Graph()
    {
        var chat = new TeamsChat(host, tenantId: SyncBotHost.Tenant, userAadObjectId: AdminGroupBotHost.Admin);

        var (summary, tokenCards) = IsHealthAnswer(await chat.SayAsync("are my ADE tokens healthy?"), "Apple token health");
        var details = await chat.InvokeAsync(TeamsChat.ExecuteValue(Executes(tokenCards[0], CardVerbs.Details)[0]));
        var asked = await chat.InvokeAsync(JsonNode.Parse("""{ "action": { "type": "Action.Execute", "verb": "syncNow", "data": { "verb": "syncNow", "tokenId": "0b8f6c1e-0008-4a52-9d7e-5a3b1e000008" } } }"""));
        var confirmed = await chat.InvokeAsync(JsonNode.Parse("""{ "action": { "type": "Action.Execute", "verb": "syncConfirm", "data": { "verb": "syncConfirm", "tokenId": "0b8f6c1e-0008-4a52-9d7e-5a3b1e000008" } } }"""));

        Assert.All([summary, .. tokenCards, details.Card], card => Assert.Empty(Executes(card, CardVerbs.SyncNow)));
        Assert.Equal(ChatReplies.UnknownReply(SupportedCultures.Resolve("en-US")), asked.Message);
        Assert.Equal(ChatReplies.UnknownReply(SupportedCultures.Resolve("en-US")), confirmed.Message);
        Assert.Empty(host.Intune.SyncPosts);
        Assert.Contains(host.Intune.Requests, r => r.Method == HttpMethod.Get);
        Assert.DoesNotContain(host.Intune.Requests, r => r.Method != HttpMethod.Get);
    }
}
