using AdeBot.Access;
using AdeBot.Inventory;
using AdeBot.Inventory.Testing;
using AdeBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace AdeBot.Tests.Access;

/// The shared inventory test host with the access policy registered as the host registers it, and Graph
/// and sign-in behind a FakeDirectoryNetwork. `mode` picks where answers come from: Graph credentials for
/// TenantA, the built-in sample, or a replay file.
internal static class AccessSetup
{
    public const string AdminGroup = "9a000000-0000-0000-0000-000000000001";

    /// `environment` is the host's environment name; none registered counts as not Development.
    public static InventoryTestHost<FakeDirectoryNetwork> Create(string mode, IDictionary<string, string?>? access = null, FakeDirectoryNetwork? network = null,
        string? environment = null)
    {
        Dictionary<string, string?> settings = new(access ?? new Dictionary<string, string?>());
        switch (mode)
        {
            case "graph":
                foreach (var (key, value) in InventoryTestHost.OneTenant()) settings[key] = value;
                break;
            case "sample":
            case "replay":
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "graph, sample or replay");
        }
        return InventoryTestHost.Create(settings, network ?? new FakeDirectoryNetwork(),
            register: (services, configuration) =>
            {
                services.AddAccessPolicy(configuration);
                if (environment is not null) services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
            },
            replay: mode == "replay" ? new GraphRecording([]) : null);
    }

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    public static AccessPolicy Policy(this InventoryTestHost<FakeDirectoryNetwork> host) => host.Get<AccessPolicy>();

    public static Task<AccessDecision> CheckAsync(this InventoryTestHost<FakeDirectoryNetwork> host, string? tenantId, string? user = InventoryTestHost.User) =>
        host.Policy().CheckAsync(tenantId, user, TestTimeout.Token);
}
