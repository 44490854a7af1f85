using System.Collections.Concurrent;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Inventory.Tests;

/// The inventory as the host builds it (AddTokenInventory over configuration), with the network
/// edge replaced by a FakeNetwork and the clock by a FakeTimeProvider.
public sealed class TestHost : IDisposable
{
    public const string TenantA = "11111111-1111-1111-1111-111111111111";
    public const string TenantB = "33333333-3333-3333-3333-333333333333";
    public const string ClientId = "22222222-2222-2222-2222-222222222222";
    public const string ClientSecret = "client-secret-never-logged";

    private readonly ServiceProvider _services;

    public TestHost(IDictionary<string, string?> settings, FakeNetwork? network = null, FakeTimeProvider? time = null)
    {
        Time = time ?? new FakeTimeProvider(TestClock.Start);
        Network = network ?? new FakeNetwork();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(new GraphNetwork(Network));
        services.AddTokenInventory(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static Dictionary<string, string?> OneTenant(params (string Key, string? Value)[] extra)
    {
        Dictionary<string, string?> settings = new()
        {
            ["Graph:TenantId"] = TenantA,
            ["Graph:ClientId"] = ClientId,
            ["Graph:ClientSecret"] = ClientSecret,
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    public FakeTimeProvider Time { get; }
    public FakeNetwork Network { get; }
    public CapturedLogs Logs { get; } = new();

    public ITokenInventory Inventory => _services.GetRequiredService<ITokenInventory>();

    /// What ValidateOnStart checks when the host starts.
    public GraphOptions ValidatedOptions => _services.GetRequiredService<IOptions<GraphOptions>>().Value;

    public Task<InventoryReading> ReadAsync(string tenantId = TenantA, bool forceRefresh = false) =>
        Inventory.ReadAsync(tenantId, forceRefresh, TestTimeout.Token);

    public void Dispose() => _services.Dispose();
}


