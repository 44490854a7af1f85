using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AdeBot.Testing.PostgreSql;

namespace AdeBot.Load.Bench;

/// What the msp scenario is asked to do; the README names the options.
internal sealed record MspCheckOptions(
    int Tenants,
    int Instances,
    int LatencyMilliseconds,
    bool PostgreSql,
    bool KillOne,
    int InstallConcurrency,
    int LeaseSeconds,
    int CheckIntervalMinutes,
    int TimeoutMinutes,
    IReadOnlyDictionary<string, string> Settings);

/// An MSP-sized alert check: T conversations, each its own tenant, installed across N instances on
/// one database, then one alert check of all of them by the same N instances with every Graph
/// request of the replay taking the given latency. Optionally one instance is killed (SIGKILL)
/// half-way through the check. Everything is measured from outside the app: alerts and welcomes at
/// the fake connector, inventory reads from each instance's own log, CPU and peak memory from the
/// OS's accounting of each process.
internal sealed partial class MspCheck(MspCheckOptions options)
{
    // The target of issue 18, whatever this run's size: the figures are judged against it.
    private static readonly TimeSpan TargetCheckTime = TimeSpan.FromMinutes(10);
    private const long TargetPeakBytes = 300_000_000;

    private readonly ConcurrentDictionary<string, int> _readsByTenant = new(StringComparer.OrdinalIgnoreCase);
    private long _firstCheckStartedAt;

    public async Task<int> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("adebot-bench-msp-").FullName;
        await using var connector = await FakeConnector.StartAsync();
        try
        {
            var replay = Path.Combine(work, "one-token-expiring.json");
            await File.WriteAllTextAsync(replay, Recording(DateTimeOffset.UtcNow));
            Dictionary<string, string> environment = new()
            {
                ["Bot__AllowUnauthenticatedLocalRequests"] = "true",
                ["Graph__ReplayPath"] = replay,
                ["Graph__ReplayLatencyMilliseconds"] = options.LatencyMilliseconds.ToString(CultureInfo.InvariantCulture),
                ["Telemetry__PrometheusEndpoint"] = "true",
                ["Alerts__TenantLeaseSeconds"] = options.LeaseSeconds.ToString(CultureInfo.InvariantCulture),
                ["Alerts__CheckInterval"] = TimeSpan.FromMinutes(options.CheckIntervalMinutes).ToString("c", CultureInfo.InvariantCulture),
                // What is counted comes from the instances' own log lines: each inventory read
                // (event 2001) and the start and end of each check (5002, 5003).
                ["Logging__LogLevel__AdeBot.Inventory.TokenInventory"] = "Debug",
                ["Logging__LogLevel__AdeBot.Alerts"] = "Debug",
            };
            // Where an SQLite run keeps its file; a PostgreSQL run has nothing in it.
            environment["Storage__DataPath"] = Path.Combine(work, "data");
            string database;
            if (options.PostgreSql)
            {
                await EnsurePostgreSqlInstalledAsync();
                // The storage tests' throw-away cluster: a temp folder, a free loopback port, gone when this process exits.
                environment["Storage__Provider"] = "PostgreSQL";
                environment["Storage__ConnectionString"] = await PostgreSqlServer.CreateDatabaseAsync();
                database = $"PostgreSQL, a throw-away cluster on 127.0.0.1:{(await PostgreSqlServer.GetAsync()).Port} (tests/AdeBot.Testing/PostgreSql: fsync off)";
            }
            else
            {
                database = "SQLite (embedded, one instance)";
            }
            foreach (var (key, value) in options.Settings) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

            Console.WriteLine($"msp: {options.Tenants:N0} tenants (one conversation each) on {options.Instances} instance(s), {options.LatencyMilliseconds} ms per Graph request"
                + $"{(options.KillOne ? ", one instance killed half-way through the check" : "")}; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
            Console.WriteLine($"database: {database}");

            var ids = Enumerable.Range(0, options.Tenants).Select(i => $"a:bench-msp-{i:D6}").ToList();
            var install = await InstallAsync(environment, connector, ids);
            var check = await CheckAsync(environment, connector, ids);
            return Report(connector, ids, install, check);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<PhaseResult> InstallAsync(Dictionary<string, string> environment, FakeConnector connector, IReadOnlyList<string> ids)
    {
        Dictionary<string, string> installEnvironment = new(environment) { ["Alerts__Enabled"] = "false" };
        var instances = await StartInstancesAsync(installEnvironment);
        var statuses = new int[ids.Count];
        var watch = Stopwatch.StartNew();
        // Each instance gets every N-th install, as a load balancer in front of them would spread them.
        var clients = instances.Select(i => new HttpClient { BaseAddress = i.App.BaseUri }).ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), new ParallelOptions { MaxDegreeOfParallelism = options.InstallConcurrency }, async (i, ct) =>
        {
            using var content = new StringContent(BenchActivities.Install(ids[i], BenchActivities.TenantOf(i), connector.ServiceUrl), Encoding.UTF8, "application/json");
            using var response = await clients[i % clients.Count].PostAsync("api/messages", content, ct);
            statuses[i] = (int)response.StatusCode;
        });
        var accepted = watch.Elapsed;
        await WaitUntilAsync(() => connector.TotalReplies >= ids.Count, TimeSpan.FromMinutes(options.TimeoutMinutes), "every install welcomed");
        var welcomed = watch.Elapsed;
        // Late duplicates (a second welcome) would arrive now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var client in clients) client.Dispose();
        var figures = await StopAllAsync(instances);
        Console.WriteLine($"installs: {ids.Count:N0} posted in {accepted.TotalSeconds:0.0} s, all welcomed after {welcomed.TotalSeconds:0.0} s");
        return new PhaseResult(figures, statuses, welcomed);
    }

    private async Task<PhaseResult> CheckAsync(Dictionary<string, string> environment, FakeConnector connector, IReadOnlyList<string> ids)
    {
        Dictionary<string, string> checkEnvironment = new(environment)
        {
            ["Alerts__Enabled"] = "true",
            ["Alerts__FirstCheckDelay"] = "00:00:03",
        };
        _readsByTenant.Clear();
        var instances = await StartInstancesAsync(checkEnvironment);
        var watch = Stopwatch.StartNew();
        var timeout = TimeSpan.FromMinutes(options.TimeoutMinutes);
        List<InstanceFigures> finished = [];
        var killed = false;
        var nextProgress = TimeSpan.FromSeconds(30);
        while (true)
        {
            foreach (var instance in instances) instance.Sample();
            var alerted = connector.ConversationsAlerted;
            if (watch.Elapsed >= nextProgress)
            {
                // On stderr, so a long run shows it is moving while stdout stays the report.
                Console.Error.WriteLine($"  [bench] {watch.Elapsed.TotalSeconds:0} s: {alerted:N0} of {ids.Count:N0} conversations alerted, {_readsByTenant.Count:N0} tenants read");
                nextProgress += TimeSpan.FromSeconds(30);
            }
            if (options.KillOne && !killed && alerted >= ids.Count / 2)
            {
                killed = true;
                var victim = instances[0];
                var victimProcess = victim.App.Id;
                finished.Add(await victim.KillAsync());
                instances.RemoveAt(0);
                Console.WriteLine($"check: killed instance {victim.Number} (process {victimProcess}, SIGKILL) after {alerted:N0} conversations were alerted, {watch.Elapsed.TotalSeconds:0} s in");
                // With one instance nothing else could take its tenants over: it starts again, as a service manager would restart it.
                if (instances.Count == 0) instances.Add(await StartInstanceAsync(victim.Number, checkEnvironment));
            }
            var allAlerted = alerted >= ids.Count;
            if (allAlerted && instances.All(i => i.ChecksFinished > 0)) break;
            if (watch.Elapsed > timeout)
            {
                Console.WriteLine($"check: gave up after {timeout.TotalMinutes:0} minutes with {alerted:N0} of {ids.Count:N0} conversations alerted");
                break;
            }
            await Task.Delay(250);
        }
        var lastAlert = connector.LastProactiveAt;
        // Late duplicates (a second alert from an instance that took a tenant over) would arrive now.
        await Task.Delay(TimeSpan.FromSeconds(5));
        finished.AddRange(await StopAllAsync(instances));
        var started = Interlocked.Read(ref _firstCheckStartedAt);
        var wall = started == 0 || lastAlert == 0 ? (TimeSpan?)null : Stopwatch.GetElapsedTime(started, lastAlert);
        return new PhaseResult(finished, [], wall);
    }

    private int Report(FakeConnector connector, IReadOnlyList<string> ids, PhaseResult install, PhaseResult check)
    {
        var ok = install.Statuses.Count(s => s == (int)HttpStatusCode.OK);
        var welcomedOnce = ids.Count(id => connector.RepliesTo(id) == 1);
        var welcomedTwice = ids.Count(id => connector.RepliesTo(id) > 1);
        var alertedOnce = ids.Count(id => connector.ProactiveTo(id) == 1);
        var alertedTwice = ids.Count(id => connector.ProactiveTo(id) > 1);
        var notAlerted = ids.Count(id => connector.ProactiveTo(id) == 0);
        var tenantsRead = _readsByTenant.Count;
        var maxReads = _readsByTenant.Values.DefaultIfEmpty(0).Max();
        var readTwice = _readsByTenant.Values.Count(n => n > 1);
        var graphRequests = check.Instances.Sum(i => i.GraphRequests);
        var reads = _readsByTenant.Values.Sum();

        Console.WriteLine();
        Console.WriteLine($"installs answered 200   {ok,8:N0} of {ids.Count:N0}{Others(install.Statuses)}");
        Console.WriteLine($"welcomed                {welcomedOnce,8:N0}   duplicates {welcomedTwice:N0}");
        Console.WriteLine($"alert check wall time   {(check.Duration is { } wall ? $"{wall.TotalSeconds,8:0.0} s" : "       ?  (no check start seen in the logs)")}  from the first instance's check start to the last alert");
        Console.WriteLine($"alerted                 {alertedOnce,8:N0}   duplicates {alertedTwice:N0}, never alerted {notAlerted:N0}");
        Console.WriteLine($"inventory reads         {reads,8:N0}   tenants read {tenantsRead:N0}, at most {maxReads} per tenant, {readTwice:N0} read more than once");
        Console.WriteLine($"Graph HTTP requests     {graphRequests,8:N0}   {(double)graphRequests / ids.Count:0.00} per tenant, {(double)graphRequests / Math.Max(1, reads):0.00} per inventory read ({(options.KillOne ? "the killed instance's counted up to its last scrape" : "each instance's /metrics at its end")})");
        Console.WriteLine("instance   phase    CPU s   peak working set   alerts sent   checks finished");
        foreach (var figures in install.Instances.Concat(check.Instances))
        {
            Console.WriteLine($"{figures.Number,8}   {figures.Phase,-7} {figures.Cpu.TotalSeconds,6:0.0}   {figures.PeakBytes / 1_000_000.0,11:N0} MB   {figures.AlertsSent,11:N0}   {figures.ChecksFinished,15}{(figures.Killed ? "   killed" : "")}");
        }

        List<(string Target, bool Pass)> targets =
        [
            ($"alert check under {TargetCheckTime.TotalMinutes:0} minutes", check.Duration is { } d && d < TargetCheckTime && notAlerted == 0),
            ("exactly one alert per conversation", alertedOnce == ids.Count),
            ("at most one inventory read per tenant per check", maxReads <= 1 && tenantsRead == ids.Count),
            ($"under {TargetPeakBytes / 1_000_000} MB per instance", check.Instances.Concat(install.Instances).All(i => i.PeakBytes < TargetPeakBytes)),
            ("exactly one welcome per conversation", welcomedOnce == ids.Count && ok == ids.Count),
        ];
        if (options.KillOne)
        {
            // A second check of a taken-over tenant may read it again; the one-read target is the plain run's.
            targets[2] = ("every tenant read (a taken-over tenant may be read twice)", tenantsRead == ids.Count);
            targets.Add(("one instance killed half-way, still exactly one alert per conversation", alertedOnce == ids.Count && check.Instances.Any(i => i.Killed)));
        }
        Console.WriteLine();
        Console.WriteLine($"targets (issue 18 sets them for 10,000 tenants, 300 ms per Graph request, 3 instances; this run: {ids.Count:N0} tenants, {options.LatencyMilliseconds} ms, {options.Instances} instance(s)"
            + $"{string.Concat(options.Settings.Select(s => $", {s.Key}={s.Value}"))}):");
        foreach (var (target, pass) in targets) Console.WriteLine($"  {(pass ? "PASS" : "FAIL")}  {target}");
        return targets.All(t => t.Pass) ? 0 : 1;
    }

    private async Task<List<Instance>> StartInstancesAsync(IReadOnlyDictionary<string, string> environment) =>
        [.. await Task.WhenAll(Enumerable.Range(1, options.Instances).Select(n => StartInstanceAsync(n, environment)))];

    private async Task<Instance> StartInstanceAsync(int number, IReadOnlyDictionary<string, string> environment)
    {
        // The log is followed from the first line: a check may start before /healthz answers on a busy machine.
        var instance = new Instance(number, environment["Alerts__Enabled"] == "true" ? "check" : "install", this);
        (instance.App, _) = await AppProcess.StartAsync(environment, instance.OnLogLine);
        return instance;
    }

    private static async Task<List<InstanceFigures>> StopAllAsync(IEnumerable<Instance> instances) =>
        [.. await Task.WhenAll(instances.Select(i => i.StopAsync()))];

    private void OnRead(string tenantId) => _readsByTenant.AddOrUpdate(tenantId, 1, (_, n) => n + 1);

    private void OnCheckStarted() => Interlocked.CompareExchange(ref _firstCheckStartedAt, Stopwatch.GetTimestamp(), 0);

    [GeneratedRegex(@"Read tenant (\S+) from ")]
    private static partial Regex ReadLine();

    /// One running instance: the numbers it is judged by, from its log and its process.
    private sealed class Instance(int number, string phase, MspCheck owner)
    {
        private AppProcess? _app;
        private long _peakBytes;
        private TimeSpan _cpu;
        private int _alertsSent;
        private int _checksFinished;

        public int Number => number;

        public AppProcess App
        {
            get => _app ?? throw new InvalidOperationException("The instance has not started yet.");
            set => _app = value;
        }

        public int ChecksFinished => Volatile.Read(ref _checksFinished);

        public void OnLogLine(string line)
        {
            if (line.Contains("Alert check started:", StringComparison.Ordinal)) owner.OnCheckStarted();
            else if (line.Contains("Alert check finished:", StringComparison.Ordinal)) Interlocked.Increment(ref _checksFinished);
            else if (line.Contains("Alert with ", StringComparison.Ordinal) && line.Contains(" sent to ", StringComparison.Ordinal)) Interlocked.Increment(ref _alertsSent);
            else if (ReadLine().Match(line) is { Success: true } read) owner.OnRead(read.Groups[1].Value);
        }

        /// The peak is the kernel's own high-water mark, so sampling only keeps it from being lost at exit.
        public void Sample()
        {
            if (App.HasExited) return;
            try
            {
                _peakBytes = Math.Max(_peakBytes, App.PeakWorkingSetBytes);
                _cpu = App.CpuTime;
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the read.
            }
        }

        public async Task<InstanceFigures> StopAsync()
        {
            Sample();
            var graphRequests = await GraphRequestsAsync();
            await App.StopAsync();
            await App.DisposeAsync();
            return Figures(graphRequests, killed: false);
        }

        public async Task<InstanceFigures> KillAsync()
        {
            Sample();
            var graphRequests = await GraphRequestsAsync();
            await App.KillAsync();
            await App.DisposeAsync();
            return Figures(graphRequests, killed: true);
        }

        private InstanceFigures Figures(long graphRequests, bool killed) =>
            new(number, phase, _cpu, _peakBytes, Volatile.Read(ref _alertsSent), ChecksFinished, graphRequests, killed);

        /// The app's own count of Graph HTTP requests (the replay is counted like Graph), from /metrics.
        private async Task<long> GraphRequestsAsync()
        {
            try
            {
                using var http = new HttpClient { BaseAddress = App.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
                var text = await http.GetStringAsync("metrics");
                return text.Split('\n')
                    .Where(l => l.StartsWith("adebot_graph_requests_total", StringComparison.Ordinal))
                    .Sum(l => (long)double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or FormatException)
            {
                Console.Error.WriteLine($"  [bench] instance {number}: /metrics unreadable ({e.GetType().Name})");
                return 0;
            }
        }
    }

    private sealed record InstanceFigures(int Number, string Phase, TimeSpan Cpu, long PeakBytes, int AlertsSent, int ChecksFinished, long GraphRequests, bool Killed);

    private sealed record PhaseResult(IReadOnlyList<InstanceFigures> Instances, int[] Statuses, TimeSpan? Duration);

    /// One ADE token that expires in five days (an alert for every conversation at the first check),
    /// a healthy APNs certificate and no VPP tokens: three Graph requests per tenant read.
    private static string Recording(DateTimeOffset now)
    {
        static string At(DateTimeOffset t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var responses = new JsonArray
        {
            new JsonObject
            {
                ["method"] = "GET", ["url"] = "/beta/deviceManagement/depOnboardingSettings", ["status"] = 200,
                ["body"] = new JsonObject
                {
                    ["value"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["id"] = "0b8f6c1e-0b0b-4a52-9d7e-5a3b1e00be4c", ["tokenName"] = "Contoso ABM – benchmark",
                            ["appleIdentifier"] = "it-apple@contoso.example", ["tokenType"] = "dep",
                            ["tokenExpirationDateTime"] = At(now.AddDays(5).AddHours(2)),
                            ["lastSuccessfulSyncDateTime"] = At(now.AddHours(-3)), ["lastSyncTriggeredDateTime"] = At(now.AddHours(-3)),
                            ["lastSyncErrorCode"] = 0, ["syncedDeviceCount"] = 120,
                        },
                    },
                },
            },
            new JsonObject
            {
                ["method"] = "GET", ["url"] = "/v1.0/deviceManagement/applePushNotificationCertificate", ["status"] = 200,
                ["body"] = new JsonObject
                {
                    ["id"] = "5a3b1e00-a9b5-4c3e-8f00-0000000be4c0", ["appleIdentifier"] = "mdm-push@contoso.example",
                    ["topicIdentifier"] = "com.apple.mgmt.External.5a3b1e00-0000-4000-8000-0000000be4c0",
                    ["expirationDateTime"] = At(now.AddDays(200)), ["lastModifiedDateTime"] = At(now.AddDays(-165)),
                },
            },
            new JsonObject
            {
                ["method"] = "GET", ["url"] = "/v1.0/deviceAppManagement/vppTokens", ["status"] = 200,
                ["body"] = new JsonObject { ["value"] = new JsonArray() },
            },
        };
        return new JsonObject { ["responses"] = responses }.ToJsonString();
    }

    /// The script the test command runs too: it installs Debian's postgresql package unless initdb is already there.
    private static async Task EnsurePostgreSqlInstalledAsync()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "tests", "postgres", "install-postgres.sh"))) folder = folder.Parent;
        if (folder is null) return; // Run from outside the repository: the cluster says what is missing.
        using var install = Process.Start(new ProcessStartInfo("bash", [Path.Combine(folder.FullName, "tests", "postgres", "install-postgres.sh")]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("bash did not start.");
        await install.WaitForExitAsync();
        if (install.ExitCode != 0) throw new InvalidOperationException($"tests/postgres/install-postgres.sh exited with {install.ExitCode}. {PostgreSqlServer.InstallHint}");
    }

    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (watch.Elapsed > timeout) throw new TimeoutException($"Gave up waiting for {what} after {timeout}.");
            await Task.Delay(50);
        }
    }

    private static string Others(int[] statuses)
    {
        var others = statuses.Where(s => s != 200).GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}").ToList();
        return others.Count == 0 ? "" : $" (other statuses: {string.Join(", ", others)})";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
