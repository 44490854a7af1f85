using AdeBot.Domain.Devices;
using AdeBot.Domain.Tokens;
using AdeBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Inventory.Testing;

/// The tenants, app registration and user every inventory test speaks of, and the way to build a host.
public static class InventoryTestHost
{
    public const string TenantA = "11111111-1111-1111-1111-111111111111";
    public const string TenantB = "33333333-3333-3333-3333-333333333333";
    public const string ClientId = "22222222-2222-2222-2222-222222222222";
    public const string ClientSecret = "client-secret-never-logged";
    public const string User = "5b000000-0000-0000-0000-000000000001";

    /// Graph settings for TenantA with a client secret, plus any extra settings.
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

    /// See <see cref="InventoryTestHost{TNetwork}"/>.
    public static InventoryTestHost<TNetwork> Create<TNetwork>(IDictionary<string, string?> settings, TNetwork network,
        FakeTimeProvider? time = null, Action<IServiceCollection, IConfiguration>? register = null, GraphRecording? replay = null,
        TimeProvider? clock = null)
        where TNetwork : HttpMessageHandler =>
        new(settings, network, time, register, replay, clock);
}

/// The inventory as the host builds it (AddTokenInventory over configuration), with the network edge
/// (sign-in and Graph) replaced by the test's fake handler and the clock by a FakeTimeProvider.
/// `register` adds what the test needs on top, the way the host registers it (the membership check, the
/// access policy). A `replay` recording is written to a file of the host's own and named as Graph:ReplayPath.
public sealed class InventoryTestHost<TNetwork> : IDisposable where TNetwork : HttpMessageHandler
{
    private readonly ServiceProvider _services;
    private readonly TempFolder? _replayFolder;

    /// `clock` replaces the FakeTimeProvider for tests whose timers must fire on their own (the Graph back-off).
    public InventoryTestHost(IDictionary<string, string?> settings, TNetwork network, FakeTimeProvider? time = null,
        Action<IServiceCollection, IConfiguration>? register = null, GraphRecording? replay = null, TimeProvider? clock = null)
    {
        Network = network;
        Time = time ?? new FakeTimeProvider(TestClock.Start);
        Dictionary<string, string?> all = new(settings);
        if (replay is not null)
        {
            _replayFolder = new TempFolder("adebot-replay-");
            var path = Path.Combine(_replayFolder.Path, "replay.json");
            replay.Save(path);
            all["Graph:ReplayPath"] = path;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(clock ?? Time);
        services.AddSingleton(new GraphNetwork(network));
        services.AddTokenInventory(configuration);
        register?.Invoke(services, configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public TNetwork Network { get; }
    public FakeTimeProvider Time { get; }
    public CapturedLogs Logs { get; } = new();

    public ITokenInventory Inventory => Get<ITokenInventory>();

    public IDeviceInventory Devices => Get<IDeviceInventory>();

    public Task<DeviceLookup> LookUpAsync(string serial, string tenantId = InventoryTestHost.TenantA, bool forceRefresh = false) =>
        Devices.LookUpAsync(tenantId, serial, forceRefresh, TestTimeout.Token);

    /// What ValidateOnStart checks when the host starts.
    public GraphOptions ValidatedOptions => Get<IOptions<GraphOptions>>().Value;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public Task<InventoryReading> ReadAsync(string tenantId = InventoryTestHost.TenantA, bool forceRefresh = false) =>
        Inventory.ReadAsync(tenantId, forceRefresh, TestTimeout.Token);

    /// What the host does at start-up: resolve validated options, then start the hosted services.
    public async Task StartAsync()
    {
        foreach (var service in _services.GetServices<IHostedService>()) await service.StartAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        _services.Dispose();
        _replayFolder?.Dispose();
    }
}
