using System.Collections.Concurrent;
using AdeBot.Domain.Devices;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdeBot.Inventory.Tests;

/// The inventory as the host builds it (AddTokenInventory over configuration), with the network
/// edge replaced by a FakeNetwork and the clock by a ManualTimeProvider.
public sealed class TestHost : IDisposable
{
    public const string TenantA = "11111111-1111-1111-1111-111111111111";
    public const string TenantB = "33333333-3333-3333-3333-333333333333";
    public const string ClientId = "22222222-2222-2222-2222-222222222222";
    public const string ClientSecret = "client-secret-never-logged";

    private readonly ServiceProvider _services;

    /// `clock` replaces the manual clock for tests that need timers to fire on their own (GraphBackoff).
    public TestHost(IDictionary<string, string?> settings, FakeNetwork? network = null, ManualTimeProvider? time = null, TimeProvider? clock = null)
    {
        Time = time ?? new ManualTimeProvider();
        Network = network ?? new FakeNetwork();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(clock ?? Time);
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

    public ManualTimeProvider Time { get; }
    public FakeNetwork Network { get; }
    public CapturedLogs Logs { get; } = new();

    public ITokenInventory Inventory => _services.GetRequiredService<ITokenInventory>();

    public IDeviceInventory Devices => _services.GetRequiredService<IDeviceInventory>();

    public Task<DeviceLookup> LookUpAsync(string serial, string tenantId = TenantA, bool forceRefresh = false) =>
        Devices.LookUpAsync(tenantId, serial, forceRefresh, TestTimeout.Token);

    /// What ValidateOnStart checks when the host starts.
    public GraphOptions ValidatedOptions => _services.GetRequiredService<IOptions<GraphOptions>>().Value;

    public Task<InventoryReading> ReadAsync(string tenantId = TenantA, bool forceRefresh = false) =>
        Inventory.ReadAsync(tenantId, forceRefresh, TestTimeout.Token);

    public void Dispose() => _services.Dispose();
}


