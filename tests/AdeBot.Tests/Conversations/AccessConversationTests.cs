using AdeBot.Testing;
using System.Text.Json.Nodes;
using AdeBot.Domain.Alerts;
using AdeBot.Domain.Cards;
using AdeBot.Domain.Localization;
using AdeBot.Inventory;
using AdeBot.Tests.Access;
using AdeBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AdeBot.Tests.Conversations.ConversationAssert;
using static AdeBot.Tests.Infrastructure.CardReading;

namespace AdeBot.Tests.Conversations;

/// Only the tenant in Access:AllowedTenantIds is served; answers come from the sample.
public sealed class AllowListBotHost() : AdeBotHost(new Dictionary<string, string?>
{
    ["Access:AllowedTenantIds:0"] = AllowedTenant,
    // The refusal logs are Debug; captured here so a test can see their level.
    ["Logging:LogLevel:AdeBot.Access"] = "Debug",
    ["Logging:LogLevel:AdeBot.Conversations"] = "Debug",
})
{
    public const string AllowedTenant = "11111111-1111-1111-1111-111111111111";
}

public sealed class TenantAccessConversationTests(AllowListBotHost host) : IClassFixture<AllowListBotHost>
{
    public static TheoryData<string, string, string> Refused => new()
    {
        { SampleTenant.TenantId, "en-US", "are my ADE tokens healthy?" },
        { "33333333-3333-3333-3333-333333333333", "fi-FI", "onko DEP-tunnukset kunnossa?" },
        { "33333333-3333-3333-3333-333333333333", "uk-UA", "чи все гаразд з маркерами ADE?" },
        { "33333333-3333-3333-3333-333333333333", "en-US", "what expires in the next 14 days" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_tenant_that_is_not_allowed_gets_the_polite_refusal_and_nothing_about_its_tokens(string tenantId, string locale, string question)
    {
        var chat = new TeamsChat(host, tenantId: tenantId, locale: locale);

        var replies = await chat.SayAsync(question);

        var refusal = IsText(Assert.Single(replies));
        Assert.Equal(ChatReplies.Refusal(SupportedCultures.Resolve(locale)), refusal);
        Assert.All(FailingSampleTokens, name => Assert.DoesNotContain(name, refusal));
        Assert.Null(await host.Get<ISubscriptionStore>().GetAsync(chat.Key, TestTimeout.Token));
    }

    [Fact]
    public async Task A_refusal_is_logged_at_Debug_only_so_outsiders_cannot_fill_the_log()
    {
        var chat = new TeamsChat(host, tenantId: "66666666-6666-6666-6666-666666666666");

        var replies = await chat.SayAsync("are my ADE tokens healthy?");

        Assert.Equal(ChatReplies.Refusal(SupportedCultures.Resolve("en-US")), IsText(Assert.Single(replies)));
        var refusals = host.Logs.Entries.Where(e => e.EventId.Id is 3160 or 4001).ToList();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, entry => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, entry.Level));
    }

    [Fact]
    public async Task A_tenant_that_is_not_allowed_gets_no_card_from_a_button_or_an_install()
    {
        var chat = new TeamsChat(host, tenantId: "33333333-3333-3333-3333-333333333333", locale: "fi-FI");
        var install = chat.InstallationUpdate("add");

        var invoked = await chat.InvokeAsync(JsonNode.Parse("""{ "action": { "type": "Action.Execute", "verb": "checkAgain", "data": { "verb": "checkAgain" } } }"""));
        var installReplies = await chat.SendAsync(install);

        var refusal = ChatReplies.Refusal(SupportedCultures.Resolve("fi-FI"));
        Assert.Equal(refusal, invoked.Message);
        Assert.Empty(invoked.Posted);
        Assert.Equal(refusal, IsText(Assert.Single(installReplies)));
        Assert.Null(await host.Get<ISubscriptionStore>().GetAsync(chat.Key, TestTimeout.Token));
    }

    [Fact]
    public async Task The_allowed_tenant_gets_the_answer()
    {
        var chat = new TeamsChat(host, tenantId: AllowListBotHost.AllowedTenant);

        var (_, tokenCards) = IsHealthAnswer(await chat.SayAsync("are my ADE tokens healthy?"), "Apple token health");

        Assert.All(FailingSampleTokens, name => Assert.Contains(name, string.Join("\n", tokenCards.Select(AllText))));
    }
}

/// Graph credentials for one tenant and Access:AdminGroupIds set. Graph and Entra ID are faked at the
/// network edge (the inventory's GraphNetwork): sign-in and checkMemberGroups by a FakeDirectoryNetwork,
/// the token reads by a recording of the sample tenant served through the same signed-in Graph client.
public sealed class AdminGroupBotHost : AdeBotHost
{
    public const string Tenant = "44444444-4444-4444-4444-444444444444";
    public const string AdminGroup = "9a000000-0000-0000-0000-0000000000ad";
    public const string Admin = "5b000000-0000-0000-0000-0000000000ad";
    public const string Outsider = "5b000000-0000-0000-0000-0000000000ee";

    public AdminGroupBotHost() : this(new FakeDirectoryNetwork()
        .WithUser(Admin, AdminGroup)
        .WithUser(Outsider, "9a000000-0000-0000-0000-0000000000ff"))
    {
    }

    internal AdminGroupBotHost(FakeDirectoryNetwork directory) : base(
        new Dictionary<string, string?>
        {
            ["Graph:TenantId"] = Tenant,
            ["Graph:ClientId"] = "22222222-2222-2222-2222-222222222222",
            ["Graph:ClientSecret"] = "client-secret-for-tests",
            ["Access:AdminGroupIds:0"] = AdminGroup,
        },
        services => services.AddSingleton(new GraphNetwork(new GraphEdge(directory))),
        // Local mode is refused next to real Graph tenants: anyone reaching it could name one.
        authenticated: true)
    {
        Directory = directory;
    }

    public FakeDirectoryNetwork Directory { get; }

    private sealed class GraphEdge(FakeDirectoryNetwork directory) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _directory = new(directory, disposeHandler: false);
        private readonly HttpMessageInvoker _tokenReads = new(new RecordingHandler(() => new RecordedAnswers(SampleTenant.Recording(TimeProvider.System.GetUtcNow()))));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            var readsTokens = request.RequestUri.Host == "graph.microsoft.com"
                && (path.Contains("/deviceManagement/", StringComparison.OrdinalIgnoreCase) || path.Contains("/deviceAppManagement/", StringComparison.OrdinalIgnoreCase));
            return (readsTokens ? _tokenReads : _directory).SendAsync(request, cancellationToken);
        }
    }
}

public sealed class AdminGroupConversationTests(AdminGroupBotHost host) : IClassFixture<AdminGroupBotHost>
{
    [Theory]
    [InlineData("en-US", "are my ADE tokens healthy?", "Apple token health")]
    [InlineData("fi-FI", "onko DEP-tunnukset kunnossa?", "Apple-yhteyksien kunto")]
    public async Task A_member_of_an_admin_group_gets_the_answer(string locale, string question, string heading)
    {
        var chat = new TeamsChat(host, tenantId: AdminGroupBotHost.Tenant, locale: locale, userAadObjectId: AdminGroupBotHost.Admin);

        var (summary, tokenCards) = IsHealthAnswer(await chat.SayAsync(question), heading);

        Assert.All(FailingSampleTokens, name => Assert.Contains(name, string.Join("\n", tokenCards.Select(AllText))));
        Assert.Contains(AdminGroupBotHost.Tenant, Strings(summary));
        Assert.Contains(host.Directory.GraphRequests, r => r.Uri.AbsolutePath == $"/v1.0/users/{AdminGroupBotHost.Admin}/checkMemberGroups"
            && r.Body!.Contains(AdminGroupBotHost.AdminGroup, StringComparison.Ordinal));
    }

    public static TheoryData<string, string?, string> Refused => new()
    {
        // tenant, user, locale
        { AdminGroupBotHost.Tenant, AdminGroupBotHost.Outsider, "en-US" },
        { AdminGroupBotHost.Tenant, AdminGroupBotHost.Outsider, "uk-UA" },
        { AdminGroupBotHost.Tenant, null, "fi-FI" },
        { AdminGroupBotHost.Tenant, "5b000000-0000-0000-0000-00000000dead", "en-US" },
        { "55555555-5555-5555-5555-555555555555", AdminGroupBotHost.Admin, "en-US" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Anyone_else_gets_the_polite_refusal_by_message_and_by_button(string tenantId, string? user, string locale)
    {
        var chat = new TeamsChat(host, tenantId: tenantId, locale: locale, userAadObjectId: user);
        var refusal = ChatReplies.Refusal(SupportedCultures.Resolve(locale));

        var replies = await chat.SayAsync("are my ADE tokens healthy?");
        var invoked = await chat.InvokeAsync(JsonNode.Parse("""{ "action": { "type": "Action.Execute", "verb": "details", "data": { "verb": "details", "tokenId": "0b8f6c1e-0004-4a52-9d7e-5a3b1e000004", "tokenKind": "ade" } } }"""));

        Assert.Equal(refusal, IsText(Assert.Single(replies)));
        Assert.Equal(refusal, invoked.Message);
        Assert.Empty(invoked.Posted);
    }
}
