using AdeBot.Inventory.Membership;
using AdeBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Inventory.Tests.Membership;

/// The inventory and the membership check as the host registers them, over a FakeNetwork and a manual clock.
public sealed class MembershipHost : IDisposable
{
    public const string User = "5b000000-0000-0000-0000-000000000001";

    private readonly ServiceProvider _services;

    public MembershipHost(IDictionary<string, string?> settings, FakeNetwork network, int cacheMinutes = 5)
    {
        Network = network;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(new GraphNetwork(network));
        services.AddTokenInventory(configuration);
        services.AddGroupMembership();
        services.Configure<GroupMembershipOptions>(o => o.CacheMinutes = cacheMinutes);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; } = new(TestClock.Start);
    public FakeNetwork Network { get; }
    public CapturedLogs Logs { get; } = new();

    public IGroupMembership Membership => _services.GetRequiredService<IGroupMembership>();

    public Task<MembershipResult> CheckAsync(IReadOnlyCollection<string> groupIds, string user = User, string tenantId = TestHost.TenantA) =>
        Membership.IsMemberOfAnyAsync(tenantId, user, groupIds, TestTimeout.Token);

    public void Dispose() => _services.Dispose();
}
