using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace AdeBot.Load.Bench;

/// A throw-away PostgreSQL cluster for one benchmark run: initdb into a temp folder, started on a
/// free loopback port (its socket in that folder too, so it touches nothing of the machine's own
/// server), stopped and deleted at the end. PostgreSQL refuses to run as root, so under root the
/// server runs as the `postgres` system user that Debian's package creates.
internal sealed class PostgresServer : IAsyncDisposable
{
    private const string User = "adebot";
    private const string Database = "adebot_bench";

    private readonly string _bin;
    private readonly string _folder;
    private readonly string? _runAs;

    private PostgresServer(string bin, string folder, string? runAs, int port)
    {
        _bin = bin;
        _folder = folder;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username={User};Database={Database};Pooling=true";

    public string Version { get; private set; } = "";

    /// `maxConnections`: every instance has a connection pool of its own; the server must take all of them at once.
    public static async Task<PostgresServer> StartAsync(int maxConnections)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or on PATH. "
            + "Install Debian's postgresql package (tests/postgres/ has the script the storage tests use), then run again.");
        var runAs = geteuid() == 0 ? "postgres" : null;
        var folder = Directory.CreateTempSubdirectory("adebot-bench-pg-").FullName;
        if (runAs is not null)
        {
            // The folder must belong to the user the server runs as; its parent (/tmp) is world-writable already.
            await RunAsync("chown", [runAs, folder], null);
        }
        var server = new PostgresServer(bin, folder, runAs, FreePort());
        try
        {
            var data = Path.Combine(folder, "data");
            await server.RunToolAsync("initdb", ["-D", data, "-U", User, "--auth=trust", "--encoding=UTF8", "--no-instructions"]);
            await server.RunToolAsync("pg_ctl",
            [
                "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
                "-o", $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections={maxConnections}", "start",
            ]);
            await server.RunToolAsync("createdb", ["-h", "127.0.0.1", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", User, Database]);
            server.Version = (await server.RunToolAsync("postgres", ["--version"])).Trim();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// One SQL statement through psql; its rows, tab-separated, one a line.
    public async Task<string> QueryAsync(string sql) =>
        await RunAsync(Path.Combine(_bin, "psql"), ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", User, "-d", Database, "-At", "-F", "\t", "-c", sql], null);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(_folder, "data", "postmaster.pid")))
                await RunToolAsync("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"]);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"  [bench] stopping PostgreSQL: {e.Message}");
        }
        Directory.Delete(_folder, recursive: true);
    }

    private Task<string> RunToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_bin, tool);
        return _runAs is null ? RunAsync(path, arguments, _folder) : RunAsync("runuser", ["-u", _runAs, "--", path, .. arguments], _folder);
    }

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, string? workingDirectory)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments.Take(3))}… exited with {process.ExitCode}: {(await error).Trim()}");
        return await output;
    }

    private static string? FindBinaries()
    {
        // The newest installed major version, as Debian lays them out; then whatever PATH has.
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Folder: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), out var major) ? major : 0))
                .Where(v => File.Exists(Path.Combine(v.Folder, "initdb")))
                .OrderByDescending(v => v.Major)
                .Select(v => v.Folder)
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "postgres")));
        return versions.Concat(onPath).FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}
