using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace AdeBot.Testing.PostgreSql;

/// A throw-away PostgreSQL cluster for the tests of one test process: `initdb` in a temp folder,
/// `pg_ctl start` on a free loopback port, stopped and deleted when the process exits. Each test
/// (or test class) takes its own database from it (`CreateDatabaseAsync`), so tests run in parallel
/// without seeing each other's rows. initdb refuses to run as root, so as root the cluster runs as
/// the `postgres` system user (the Debian package creates it); as any other user, as that user.
/// Without the server binaries every PostgreSQL test fails with how to install them: a provider
/// that is not tested must not look tested.
public sealed class PostgreSqlServer
{
    public const string InstallHint =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or in /usr/lib/postgresql/*/bin. " +
        "Install them with `apt-get install postgresql` (tests/postgres/install-postgres.sh does it; ./test.sh runs it).";

    private const string ServiceUser = "postgres";

    private static readonly Lazy<Task<PostgreSqlServer>> Shared = new(() => Task.Run(StartAsync));

    private readonly string _folder;
    private readonly string _binaries;
    private readonly bool _asServiceUser;

    private PostgreSqlServer(string folder, string binaries, bool asServiceUser, int port)
    {
        _folder = folder;
        _binaries = binaries;
        _asServiceUser = asServiceUser;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// The cluster of this test process, started on first use.
    public static Task<PostgreSqlServer> GetAsync() => Shared.Value;

    /// A connection string to a new, empty database of its own.
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await GetAsync();
        var name = $"adebot_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            await command.ExecuteNonQueryAsync();
        }

        return server.ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Database = database,
        Username = ServiceUser,
    }.ToString();

    private static async Task<PostgreSqlServer> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(InstallHint);
        var asServiceUser = IsRoot();
        var folder = Directory.CreateTempSubdirectory("adebot-pg-").FullName;
        try
        {
            if (asServiceUser) await RunAsync("chown", [ServiceUser, folder]);
            var server = new PostgreSqlServer(folder, binaries, asServiceUser, port: 0);
            // trust on loopback: a cluster that lives for one test run on a random port.
            await server.RunServerToolAsync("initdb", ["-D", server.DataFolder, "-U", ServiceUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
            for (var attempt = 1; ; attempt++)
            {
                var started = new PostgreSqlServer(folder, binaries, asServiceUser, FreeLoopbackPort());
                try
                {
                    await started.RunServerToolAsync("pg_ctl", ["-D", started.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", started.ServerOptions(), "start"]);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => started.Stop();
                    return started;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // The free port was taken between the probe and the start; another one.
                }
            }
        }
        catch
        {
            TryDelete(folder);
            throw;
        }
    }

    private string ServerOptions() =>
        $"-c listen_addresses={IPAddress.Loopback} -p {Port} -k {_folder} " +
        // Durability is not what these tests are about; speed is.
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";

    private void Stop()
    {
        try
        {
            RunServerToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already gone; the folder goes all the same.
        }

        TryDelete(_folder);
    }

    private Task RunServerToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binaries, tool);
        return _asServiceUser ? RunAsync("runuser", ["-u", ServiceUser, "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    /// The folder that holds initdb and pg_ctl: on PATH (a symlink is followed to its folder), else
    /// the newest /usr/lib/postgresql/N/bin.
    private static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "initdb"))
            .Where(File.Exists)
            .Select(file => Path.GetDirectoryName(new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file)!);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var number) ? number : 0)
                .Select(version => Path.Combine(version, "bin"))
            : [];
        return onPath.Concat(installed).FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static bool IsRoot() => OperatingSystem.IsLinux() && geteuid() == 0;

    [DllImport("libc", SetLastError = false)]
    private static extern uint geteuid();

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The OS temp cleaner gets it.
        }
    }
}
