using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AdeBot.Load.Bench;
using Microsoft.Data.Sqlite;

// Load benchmarks of the built app (local mode, fake Bot Connector on loopback). Scenarios:
//   installs [--conversations 5000] [--concurrency 32]
//     An app setup policy pinning AdeBot for everyone: N installs (each its own tenant and
//     conversation) posted at the given concurrency. Then the app is stopped and started again
//     with alert checks on, and one check runs. Reports accepted, welcomed, subscribed and alerted
//     counts with duplicates, and the install throughput.
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "installs";
return scenario switch
{
    "installs" => await InstallsAsync(Option("--conversations", 5_000), Option("--concurrency", 32)),
    _ => Usage($"Unknown scenario '{scenario}'."),
};

async Task<int> InstallsAsync(int conversations, int concurrency)
{
    var data = Directory.CreateTempSubdirectory("adebot-bench-installs-").FullName;
    await using var connector = await FakeConnector.StartAsync();
    try
    {
        Dictionary<string, string> environment = new()
        {
            ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
            ["Storage__DataPath"] = data,
            ["Alerts__Enabled"] = "false",
        };
        Console.WriteLine($"installs: {conversations:N0} conversations, each its own tenant, {concurrency} requests at a time; {Environment.ProcessorCount} cores");

        var (app, _) = await AppProcess.StartAsync(environment);
        var ids = Enumerable.Range(0, conversations).Select(i => $"a:bench-install-{i:D6}").ToList();
        using var http = new HttpClient { BaseAddress = app.BaseUri };
        var statuses = new int[conversations];
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            using var content = new StringContent(Install(ids[i], TenantOf(i), connector.ServiceUrl), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("api/messages", content, ct);
            statuses[i] = (int)response.StatusCode;
        });
        var accepted = watch.Elapsed;
        await WaitUntilAsync(() => connector.TotalReplies >= conversations, TimeSpan.FromMinutes(10));
        var welcomed = watch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var firstCpu = app.CpuTime;
        var firstPeak = app.PeakWorkingSetBytes;
        await app.StopAsync();
        await app.DisposeAsync();

        // A second start, with alerts on: every subscription made at install gets its alert.
        environment["Alerts__Enabled"] = "true";
        environment["Alerts__FirstCheckDelay"] = "00:00:01";
        environment["Alerts__CheckInterval"] = "01:00:00";
        var (second, _) = await AppProcess.StartAsync(environment);
        var checkWatch = Stopwatch.StartNew();
        await WaitUntilAsync(() => connector.TotalProactive >= conversations, TimeSpan.FromMinutes(10));
        var alerted = checkWatch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await second.StopAsync();
        await second.DisposeAsync();

        SqliteConnection.ClearAllPools();
        int subscribed;
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(data, "adebot.db")};Mode=ReadOnly;Pooling=False"))
        {
            await db.OpenAsync();
            await using var count = db.CreateCommand();
            count.CommandText = "SELECT count(*) FROM conversation WHERE active = 1;";
            subscribed = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        var ok = statuses.Count(s => s == (int)HttpStatusCode.OK);
        var welcomedOnce = ids.Count(id => connector.RepliesTo(id) == 1);
        var welcomedTwice = ids.Count(id => connector.RepliesTo(id) > 1);
        var alertedOnce = ids.Count(id => connector.ProactiveTo(id) == 1);
        var alertedTwice = ids.Count(id => connector.ProactiveTo(id) > 1);
        Console.WriteLine();
        Console.WriteLine($"answered 200       {ok,8:N0} of {conversations:N0} (other statuses: {string.Join(", ", statuses.Where(s => s != 200).GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}"))})");
        Console.WriteLine($"welcomed           {welcomedOnce,8:N0}   duplicates {welcomedTwice:N0}");
        Console.WriteLine($"subscribed         {subscribed,8:N0}");
        Console.WriteLine($"alerted            {alertedOnce,8:N0}   duplicates {alertedTwice:N0}");
        Console.WriteLine($"install throughput {conversations / accepted.TotalSeconds,8:N0} installs/s accepted ({accepted.TotalSeconds:0.0} s), all welcomed after {welcomed.TotalSeconds:0.0} s");
        Console.WriteLine($"alert check        {alerted.TotalSeconds,8:0.0} s from start to the last alert");
        Console.WriteLine($"app (install run)  {firstCpu.TotalSeconds,8:0.0} s CPU, peak working set {firstPeak / 1024 / 1024:N0} MiB");
        return ok == conversations && welcomedOnce == conversations && subscribed == conversations && alertedOnce == conversations ? 0 : 1;
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}

static string TenantOf(int i) => $"{i + 1:x8}-0000-4000-8000-000000000000";

static string Install(string conversationId, string tenantId, string serviceUrl) => new JsonObject
{
    ["type"] = "installationUpdate",
    ["action"] = "add",
    ["id"] = $"install-{conversationId}",
    ["channelId"] = "msteams",
    ["serviceUrl"] = serviceUrl,
    ["locale"] = "en-US",
    ["from"] = new JsonObject { ["id"] = "29:1bench-user", ["aadObjectId"] = "5b000000-0000-0000-0000-0000000000a1" },
    ["recipient"] = new JsonObject { ["id"] = "28:adebot-bench", ["name"] = "AdeBot" },
    ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = tenantId },
    ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
}.ToJsonString();

static async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout)
{
    var watch = Stopwatch.StartNew();
    while (!done())
    {
        if (watch.Elapsed > timeout) throw new TimeoutException($"Gave up after {timeout}.");
        await Task.Delay(20);
    }
}

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static int Usage(string error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("Usage: AdeBot.Load.Bench installs [--conversations N] [--concurrency N]");
    return 64;
}
