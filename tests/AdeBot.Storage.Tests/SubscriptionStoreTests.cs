using AdeBot.Domain.Alerts;
using AdeBot.Domain.Health;
using AdeBot.Domain.Tokens;
using static AdeBot.Storage.Tests.TestStorage;

namespace AdeBot.Storage.Tests;

public abstract class SubscriptionStoreTests(TestStorage storage) : StoreTests(storage)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly FindingId AdeExpiry = new(Conversation().Key.TenantId, TokenKind.Ade, "ade-1", AlertTracks.Expiry);

    [Fact]
    public async Task An_install_stores_the_reference_subscribed_to_all_alerts()
    {
        var store = _db.NewStore();

        var (stored, created) = await store.UpsertConversationAsync(Conversation(), subscribeIfNew: true, None);

        Assert.True(created);

        Assert.Equal(Conversation(), stored.Conversation);
        Assert.True(stored.Active);
        Assert.Equal(AlertScope.All, stored.Scope);
        Assert.Null(stored.LocaleOverride);
        Assert.Equal(Start, stored.CreatedAt);
        Assert.Equal(stored, await _db.NewStore().GetAsync(Conversation().Key, None));
    }

    [Fact]
    public async Task A_local_turn_never_overwrites_a_reference_stored_by_an_authenticated_turn()
    {
        var store = _db.NewStore();
        var authenticated = Conversation() with { ServiceUrl = "https://smba.trafficmanager.net/amer/", FromLocalMode = false };
        await store.UpsertConversationAsync(authenticated, subscribeIfNew: true, None);

        var (seen, created) = await _db.NewStore().UpsertConversationAsync(
            authenticated with { ServiceUrl = "http://127.0.0.1:9100/evil/", Locale = "uk-UA", FromLocalMode = true }, subscribeIfNew: true, None);

        Assert.False(created);
        Assert.Equal(authenticated, seen.Conversation);
        Assert.Equal(authenticated, (await _db.NewStore().GetAsync(authenticated.Key, None))!.Conversation);
    }

    [Fact]
    public async Task An_authenticated_turn_takes_over_a_reference_stored_by_a_local_turn()
    {
        var store = _db.NewStore();
        var local = Conversation() with { ServiceUrl = "http://127.0.0.1:3978/", FromLocalMode = true };
        await store.UpsertConversationAsync(local, subscribeIfNew: true, None);

        var (seen, _) = await store.UpsertConversationAsync(
            local with { ServiceUrl = "https://smba.trafficmanager.net/amer/", FromLocalMode = false }, subscribeIfNew: true, None);

        Assert.False(seen.Conversation.FromLocalMode);
        Assert.Equal("https://smba.trafficmanager.net/amer/", seen.Conversation.ServiceUrl);
    }

    [Fact]
    public async Task A_refresh_from_an_inbound_activity_updates_the_reference_and_keeps_the_settings()
    {
        var store = _db.NewStore();
        var key = Conversation().Key;
        await store.UpsertConversationAsync(Conversation() with { TeamId = "19:team", TeamChannelId = "19:general" }, subscribeIfNew: true, None);
        await store.SetScopeAsync(key, AlertScope.CriticalOnly, None);
        await store.SetLocaleOverrideAsync(key, "fi-FI", None);
        await store.SetActiveAsync(key, false, None);
        _db.Clock.Advance(TimeSpan.FromHours(5));

        var (refreshed, createdAgain) = await _db.NewStore().UpsertConversationAsync(
            Conversation() with { ServiceUrl = "https://smba.trafficmanager.net/amer/", Locale = "uk-UA", UserId = null, BotName = null },
            subscribeIfNew: true, None);

        Assert.False(createdAgain);
        Assert.Equal("https://smba.trafficmanager.net/amer/", refreshed.Conversation.ServiceUrl);
        Assert.Equal("uk-UA", refreshed.Conversation.Locale);
        Assert.Equal("29:user", refreshed.Conversation.UserId);
        Assert.Equal("AdeBot", refreshed.Conversation.BotName);
        Assert.Equal("19:team", refreshed.Conversation.TeamId);
        Assert.Equal("19:general", refreshed.Conversation.TeamChannelId);
        Assert.False(refreshed.Active);
        Assert.Equal(AlertScope.CriticalOnly, refreshed.Scope);
        Assert.Equal("fi-FI", refreshed.LocaleOverride);
        Assert.Equal("fi-FI", refreshed.EffectiveLocale);
        Assert.Equal(Start, refreshed.CreatedAt);
        Assert.Equal(Start.AddHours(5), refreshed.UpdatedAt);
    }

    [Fact]
    public async Task A_conversation_first_seen_without_consent_to_subscribe_stays_unsubscribed_on_refresh()
    {
        var store = _db.NewStore();

        await store.UpsertConversationAsync(Conversation(), subscribeIfNew: false, None);
        var (refreshed, _) = await store.UpsertConversationAsync(Conversation(), subscribeIfNew: true, None);

        Assert.False(refreshed.Active);
        Assert.Empty(await store.ListActiveByTenantAsync(None));
    }

    [Fact]
    public async Task The_same_tenant_in_another_letter_case_is_the_same_conversation()
    {
        var store = _db.NewStore();
        await store.UpsertConversationAsync(Conversation("c0ffee00-aaaa-4000-8000-000000000001"), subscribeIfNew: true, None);

        await store.UpsertConversationAsync(Conversation("C0FFEE00-AAAA-4000-8000-000000000001"), subscribeIfNew: true, None);

        var tenant = Assert.Single(await store.ListActiveByTenantAsync(None));
        Assert.Equal("c0ffee00-aaaa-4000-8000-000000000001", tenant.TenantId);
        Assert.Single(tenant.Subscriptions);
    }

    [Fact]
    public async Task Active_subscriptions_are_listed_by_tenant_so_each_tenant_is_read_once()
    {
        var store = _db.NewStore();
        await store.UpsertConversationAsync(Conversation("contoso", "a:1"), true, None);
        await store.UpsertConversationAsync(Conversation("fabrikam", "a:2"), true, None);
        await store.UpsertConversationAsync(Conversation("contoso", "19:channel") with { ConversationType = "channel" }, true, None);
        await store.UpsertConversationAsync(Conversation("contoso", "a:3"), true, None);
        await store.UpsertConversationAsync(Conversation("northwind", "a:4"), true, None);
        await store.SetActiveAsync(new ConversationKey("contoso", "a:3"), false, None);
        await store.SetActiveAsync(new ConversationKey("northwind", "a:4"), false, None);

        var byTenant = await store.ListActiveByTenantAsync(None);

        Assert.Equal(["contoso: a:1, 19:channel", "fabrikam: a:2"],
            byTenant.Select(t => $"{t.TenantId}: {string.Join(", ", t.Subscriptions.Select(s => s.Key.ConversationId))}"));
    }

    [Fact]
    public async Task Unsubscribing_forgets_the_alert_ledger_and_remembers_the_language()
    {
        var store = _db.NewStore();
        var key = Conversation().Key;
        await store.UpsertConversationAsync(Conversation(), true, None);
        await store.SetLocaleOverrideAsync(key, "uk-UA", None);
        await store.CommitAsync(key, [Step(AdeExpiry, ProblemCode.ExpiringSoon, "days:7", -7, HealthStatus.Critical)], None);

        Assert.True(await store.SetActiveAsync(key, false, None));

        Assert.Empty((await store.ReadAsync(key, None)).Entries);
        Assert.Equal("uk-UA", (await store.GetAsync(key, None))!.LocaleOverride);
        Assert.True(await store.SetActiveAsync(key, true, None));
        Assert.True((await store.GetAsync(key, None))!.Active);
    }

    [Fact]
    public async Task Removing_a_conversation_drops_its_ledger_with_it()
    {
        var store = _db.NewStore();
        var key = Conversation().Key;
        await store.UpsertConversationAsync(Conversation(), true, None);
        await store.CommitAsync(key, [Step(AdeExpiry, ProblemCode.ExpiringSoon, "days:7", -7, HealthStatus.Critical)], None);

        Assert.True(await store.RemoveAsync(key, None));

        Assert.Null(await store.GetAsync(key, None));
        await store.UpsertConversationAsync(Conversation(), true, None);
        Assert.Empty((await store.ReadAsync(key, None)).Entries);
    }

    [Fact]
    public async Task Changing_a_conversation_that_is_not_stored_reports_false()
    {
        var store = _db.NewStore();
        var key = new ConversationKey("contoso", "a:unknown");

        Assert.False(await store.SetActiveAsync(key, true, None));
        Assert.False(await store.SetScopeAsync(key, AlertScope.CriticalOnly, None));
        Assert.False(await store.SetLocaleOverrideAsync(key, "fi-FI", None));
        Assert.False(await store.RemoveAsync(key, None));
        Assert.Null(await store.GetAsync(key, None));
    }

    [Fact]
    public async Task Clearing_the_language_choice_returns_to_the_client_locale()
    {
        var store = _db.NewStore();
        var key = Conversation().Key;
        await store.UpsertConversationAsync(Conversation(), true, None);
        await store.SetLocaleOverrideAsync(key, "fi-FI", None);

        await store.SetLocaleOverrideAsync(key, null, None);

        Assert.Equal("en-US", (await store.GetAsync(key, None))!.EffectiveLocale);
    }
}

public sealed class SqliteSubscriptionStoreTests() : SubscriptionStoreTests(new TempDatabase());

public sealed class PostgreSqlSubscriptionStoreTests() : SubscriptionStoreTests(new TempPostgreSqlDatabase());
