using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using AdeBot.Domain.Tokens;
using AdeBot.Bench;
using AdeBot.Inventory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

// Shows the inventory's speed and memory on a large tenant: a replay of `--tokens` ADE tokens in pages
// of `--page-size`, read `--reads` times through AddTokenInventory's real pipeline (Graph SDK handlers,
// Kiota parsing, paging), bypassing the snapshot cache each time.
var reads = Option("--reads", 20);
var tokenCount = Option("--tokens", 2_000);
var pageSize = Option("--page-size", 100);

var replayPath = Path.Combine(Path.GetTempPath(), $"adebot-bench-{Environment.ProcessId}.json");
try
{
    BenchRecordings.LargeTenant(tokenCount, pageSize, TimeProvider.System.GetUtcNow()).Save(replayPath);
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Graph:ReplayPath"] = replayPath,
        ["Graph:SnapshotCacheMinutes"] = "0",
    }).Build();
    var services = new ServiceCollection();
    services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    services.AddTokenInventory(configuration);
    await using var provider = services.BuildServiceProvider();
    var inventory = provider.GetRequiredService<ITokenInventory>();

    Console.WriteLine($"Replay: {tokenCount} ADE tokens in pages of {pageSize} ({new FileInfo(replayPath).Length / 1024} KiB), {reads} reads after 3 warm-up reads.");
    for (var i = 0; i < 3; i++) await ReadOnce(inventory, tokenCount);

    List<(double Milliseconds, long Bytes)> results = [];
    for (var i = 1; i <= reads; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await ReadOnce(inventory, tokenCount);
        watch.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        results.Add((watch.Elapsed.TotalMilliseconds, bytes));
        Console.WriteLine($"read {i,3}: {watch.Elapsed.TotalMilliseconds,8:0.0} ms  {bytes / 1024.0 / 1024.0,7:0.00} MiB allocated");
    }

    var times = results.Select(r => r.Milliseconds).Order().ToList();
    Console.WriteLine($"time per read: min {times[0]:0.0} ms, median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms");
    Console.WriteLine($"allocated per read: mean {results.Average(r => r.Bytes) / 1024 / 1024:0.00} MiB; working set {Environment.WorkingSet / 1024 / 1024} MiB");
}
finally
{
    File.Delete(replayPath);
}

static async Task ReadOnce(ITokenInventory inventory, int expected)
{
    var reading = await inventory.ReadAsync(SampleTenant.TenantId, forceRefresh: true, CancellationToken.None);
    if (reading.Snapshot?.AdeTokens.Count != expected)
        throw new InvalidOperationException($"Expected {expected} tokens, read {reading.Snapshot?.AdeTokens.Count} ({reading.Failure}).");
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) && value > 0 ? value : fallback;
}
