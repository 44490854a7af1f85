using AdeBot.Access;
using AdeBot.Inventory;
using AdeBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AdeBot.Tests.Access;

/// The inventory and the access policy as the host registers them, with Graph and sign-in behind a
/// FakeDirectoryNetwork. `Mode` picks where answers come from: Graph credentials for TenantA, the
/// built-in sample, or a replay file.
public sealed class AccessHost : IDisposable
{
    public const string TenantA = "11111111-1111-1111-1111-111111111111";
    public const string TenantB = "33333333-3333-3333-3333-333333333333";
    public const string User = "5b000000-0000-0000-0000-000000000001";
    public const string AdminGroup = "9a000000-0000-0000-0000-000000000001";

    private readonly ServiceProvider _services;
    private readonly string? _replayPath;

    public AccessHost(string mode, IDictionary<string, string?>? access = null, FakeDirectoryNetwork? network = null)
    {
        Network = network ?? new FakeDirectoryNetwork();
        Dictionary<string, string?> settings = new(access ?? new Dictionary<string, string?>());
        switch (mode)
        {
            case "graph":
                settings["Graph:TenantId"] = TenantA;
                settings["Graph:ClientId"] = "22222222-2222-2222-2222-222222222222";
                settings["Graph:ClientSecret"] = "client-secret-never-logged";
                break;
            case "replay":
                _replayPath = Path.Combine(Path.GetTempPath(), $"adebot-access-{Guid.NewGuid():N}.json");
                new GraphRecording([]).Save(_replayPath);
                settings["Graph:ReplayPath"] = _replayPath;
                break;
            case "sample":
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "graph, sample or replay");
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(new GraphNetwork(Network));
        services.AddTokenInventory(configuration);
        services.AddAccessPolicy(configuration);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    public FakeTimeProvider Time { get; } = new(TestClock.Start);
    public FakeDirectoryNetwork Network { get; }
    public CapturedLogs Logs { get; } = new();

    public AccessPolicy Policy => _services.GetRequiredService<AccessPolicy>();

    public Task<AccessDecision> CheckAsync(string? tenantId, string? user = User) =>
        Policy.CheckAsync(tenantId, user, TestTimeout.Token);

    /// What the host does at start-up: resolve validated options, then start the hosted services.
    public async Task StartAsync()
    {
        foreach (var service in _services.GetServices<IHostedService>()) await service.StartAsync(CancellationToken.None);
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose()
    {
        _services.Dispose();
        if (_replayPath is not null) File.Delete(_replayPath);
    }
}

