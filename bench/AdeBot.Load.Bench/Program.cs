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
//   turns [--users 50] [--rate 100] [--warmup-seconds 20] [--warmup-turns 10000] [--seconds 30] [--question "…"]
//     The health question on the sample tenant. Closed loop: each user asks again as soon as its
//     card arrived. Open loop: questions at a fixed rate. Reports turns/s, latency from the send
//     to the first card (p50/p95/p99), turns lost, the app's CPU per turn (its own process
//     accounting) and peak working set, and GET /healthz throughput on the same process.
//   msp [--tenants 1000] [--instances 3] [--latency-ms 300] [--provider postgresql|sqlite] [--kill-one]
//       [--install-concurrency 32] [--lease-seconds 60] [--check-interval-minutes 60] [--timeout-minutes 30] [--set Key=Value]…
//     An MSP-sized alert check (MspCheck.cs): a throw-away PostgreSQL, T conversations each its own
//     tenant installed across N instances, then one alert check by N instances with every Graph
//     request taking the latency; wall time, inventory reads per tenant, alerts and duplicates, CPU
//     and peak memory per instance, PASS/FAIL against issue 18's targets. --kill-one kills one
//     instance half-way through the check.
//   startup [--runs 5]
//     Process start to /healthz, and the first answer after that.
// Every scenario (named first) takes --app PATH/AdeBot.dll to run another build of the app, such as a ReadyToRun publish.
if (TextOption("--app", "") is { Length: > 0 } app) AppProcess.AppDll = Path.GetFullPath(app);
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "installs";
return scenario switch
{
    "installs" => await InstallsAsync(Option("--conversations", 5_000), Option("--concurrency", 32)),
    "turns" => await TurnsAsync(Option("--users", 50), Option("--rate", 100), Option("--warmup-seconds", 20), Option("--warmup-turns", 10_000), Option("--seconds", 30), TextOption("--question", "are my ADE tokens healthy?")),
    "startup" => await StartupAsync(Option("--runs", 5)),
    "msp" => await MspAsync(),
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
            using var content = new StringContent(BenchActivities.Install(ids[i], BenchActivities.TenantOf(i), connector.ServiceUrl), Encoding.UTF8, "application/json");
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

async Task<int> MspAsync()
{
    var provider = TextOption("--provider", "postgresql").ToLowerInvariant();
    if (provider is not ("postgresql" or "sqlite")) return Usage($"--provider is postgresql or sqlite, not '{provider}'.");
    var instances = Option("--instances", provider == "sqlite" ? 1 : 3);
    // An SQLite file is one process's database: several instances on it would each decide alone.
    if (provider == "sqlite" && instances != 1) return Usage("--provider sqlite runs one instance; several instances need --provider postgresql.");
    Dictionary<string, string> settings = [];
    for (var i = 0; i < args.Length - 1; i++)
    {
        if (args[i] != "--set") continue;
        var pair = args[i + 1].Split('=', 2);
        if (pair.Length != 2 || pair[0].Length == 0) return Usage($"--set takes Key=Value (e.g. Alerts:MaxConcurrentTenants=16), not '{args[i + 1]}'.");
        settings[pair[0]] = pair[1];
    }
    return await new MspCheck(new MspCheckOptions(
        Tenants: Option("--tenants", 1_000),
        Instances: instances,
        LatencyMilliseconds: Option("--latency-ms", 300),
        PostgreSql: provider == "postgresql",
        KillOne: args.Contains("--kill-one"),
        InstallConcurrency: Option("--install-concurrency", 32),
        LeaseSeconds: Option("--lease-seconds", 60),
        CheckIntervalMinutes: Option("--check-interval-minutes", 60),
        TimeoutMinutes: Option("--timeout-minutes", 30),
        Settings: settings)).RunAsync();
}

async Task<int> TurnsAsync(int users, int rate, int warmupSeconds, int warmupTurns, int seconds, string question)
{
    var data = Directory.CreateTempSubdirectory("adebot-bench-turns-").FullName;
    await using var connector = await FakeConnector.StartAsync();
    try
    {
        var (app, _) = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
            ["Storage__DataPath"] = data,
            ["Alerts__Enabled"] = "false",
        });
        await using var _ = app;
        var load = new TurnLoad(app, connector, question);
        load.Attach();
        var timeout = TimeSpan.FromSeconds(20);
        Console.WriteLine($"turns: \"{question}\" on the sample tenant; {users} users closed loop, then {rate}/s open loop; warm-up {warmupSeconds} s and at least {warmupTurns:N0} turns, then {seconds} s each; {Environment.ProcessorCount} cores");

        // At least `minimumTurns` as well as the duration: tiered compilation settles after a number of
        // calls, not of seconds, and a busy machine makes fewer turns a second.
        async Task<(double PerSecond, int Lost, double CpuMs, int Turns)> ClosedLoopAsync(TimeSpan duration, int minimumTurns = 0)
        {
            load.Reset();
            var lost = 0;
            var cpuBefore = app.CpuTime;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, users).Select(async user =>
            {
                while (watch.Elapsed < duration || (load.Latencies.Count < minimumTurns && watch.Elapsed < TimeSpan.FromMinutes(15)))
                {
                    if (!await load.AskAsync(user, timeout)) Interlocked.Increment(ref lost);
                }
            }));
            var turns = load.Latencies.Count;
            return (turns / watch.Elapsed.TotalSeconds, lost, (app.CpuTime - cpuBefore).TotalMilliseconds / Math.Max(1, turns), turns);
        }

        var warmup = Stopwatch.StartNew();
        var warmupRun = await ClosedLoopAsync(TimeSpan.FromSeconds(warmupSeconds), warmupTurns);
        Console.WriteLine($"warm-up: {warmupRun.Turns:N0} turns in {warmup.Elapsed.TotalSeconds:0} s");
        var workingSetAfterWarmup = app.WorkingSetBytes;
        var closed = await ClosedLoopAsync(TimeSpan.FromSeconds(seconds));
        var closedLatency = TurnLoad.Percentiles(load.Latencies);

        load.Reset();
        var openLost = 0;
        var cpuBeforeOpen = app.CpuTime;
        var openWatch = Stopwatch.StartNew();
        List<Task> asks = [];
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        for (var i = 0; openWatch.Elapsed < TimeSpan.FromSeconds(seconds); i++)
        {
            var due = interval * i;
            if (due > openWatch.Elapsed) await Task.Delay(due - openWatch.Elapsed);
            var user = i % users;
            asks.Add(Task.Run(async () => { if (!await load.AskAsync(user, timeout)) Interlocked.Increment(ref openLost); }));
        }
        var sendWindow = openWatch.Elapsed;
        await Task.WhenAll(asks);
        var openTurns = load.Latencies.Count;
        var openCpu = (app.CpuTime - cpuBeforeOpen).TotalMilliseconds / Math.Max(1, openTurns);
        var openLatency = TurnLoad.Percentiles(load.Latencies);

        var healthz = await load.HealthzPerSecondAsync(users, TimeSpan.FromSeconds(Math.Min(seconds, 10)));
        Console.WriteLine();
        Console.WriteLine($"closed loop, {users} users   {closed.PerSecond,7:0} turns/s  {closedLatency}  lost {closed.Lost}  CPU {closed.CpuMs:0.00} ms/turn ({closed.Turns:N0} turns)");
        Console.WriteLine($"open loop, {rate}/s         {openTurns / sendWindow.TotalSeconds,7:0} turns/s  {openLatency}  lost {openLost}  CPU {openCpu:0.00} ms/turn ({openTurns:N0} turns)");
        Console.WriteLine($"GET /healthz, {users} at once {healthz,7:0} req/s  (closed-loop turns are {closed.PerSecond / healthz:P1} of it)");
        Console.WriteLine($"app working set           {workingSetAfterWarmup / 1024 / 1024,7:N0} MiB after the warm-up, {app.WorkingSetBytes / 1024 / 1024:N0} MiB at the end, peak {app.PeakWorkingSetBytes / 1024 / 1024:N0} MiB");
        await app.StopAsync();
        return closed.Lost + openLost == 0 ? 0 : 1;
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }
}

async Task<int> StartupAsync(int runs)
{
    await using var connector = await FakeConnector.StartAsync();
    // Wall clock and the app's own CPU time: on a shared machine the first moves with the neighbours' load.
    List<(double Healthz, double FirstAnswer, double HealthzCpu, double FirstAnswerCpu)> results = [];
    for (var run = 0; run < runs; run++)
    {
        var data = Directory.CreateTempSubdirectory("adebot-bench-startup-").FullName;
        try
        {
            var (app, toHealthz) = await AppProcess.StartAsync(new Dictionary<string, string>
            {
                ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
                ["Storage__DataPath"] = data,
                ["Alerts__Enabled"] = "false",
            });
            await using var _ = app;
            var healthzCpu = app.CpuTime.TotalMilliseconds;
            var load = new TurnLoad(app, connector, "are my ADE tokens healthy?");
            load.Attach();
            var watch = Stopwatch.StartNew();
            await load.AskAsync(0, TimeSpan.FromSeconds(30));
            var answered = watch.Elapsed.TotalMilliseconds;
            var answerCpu = app.CpuTime.TotalMilliseconds - healthzCpu;
            results.Add((toHealthz.TotalMilliseconds, answered, healthzCpu, answerCpu));
            Console.WriteLine($"run {run + 1}: start to /healthz {toHealthz.TotalMilliseconds,6:0} ms ({healthzCpu:0} ms CPU), then the first answer {answered,6:0} ms ({answerCpu:0} ms CPU)");
            await app.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
    double Median(Func<(double, double, double, double), double> of) => results.Select(of).Order().ElementAt(runs / 2);
    Console.WriteLine($"median: start to /healthz {Median(r => r.Item1):0} ms ({Median(r => r.Item3):0} ms CPU), first answer {Median(r => r.Item2):0} ms after it ({Median(r => r.Item4):0} ms CPU)");
    return 0;
}

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

string TextOption(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static int Usage(string error)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine("Usage: AdeBot.Load.Bench installs [--conversations N] [--concurrency N]");
    Console.Error.WriteLine("       AdeBot.Load.Bench turns [--users N] [--rate N] [--warmup-seconds N] [--warmup-turns N] [--seconds N] [--question TEXT]");
    Console.Error.WriteLine("       AdeBot.Load.Bench startup [--runs N]");
    Console.Error.WriteLine("       AdeBot.Load.Bench msp [--tenants N] [--instances N] [--latency-ms N] [--provider postgresql|sqlite] [--kill-one]");
    Console.Error.WriteLine("                             [--install-concurrency N] [--lease-seconds N] [--check-interval-minutes N] [--timeout-minutes N] [--set Key=Value]...");
    return 64;
}
