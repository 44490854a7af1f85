using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace AdeBot.Load.Bench;

/// The built AdeBot as a child process, configured through environment variables only, listening
/// on a free loopback port. Its CPU time comes from the OS's own accounting of the process.
internal sealed class AppProcess : IAsyncDisposable
{
    /// The app beside this benchmark unless `--app` names another build of it (a ReadyToRun publish).
    public static string AppDll { get; set; } = Path.Combine(AppContext.BaseDirectory, "AdeBot.dll");

    private readonly Process _process;

    private AppProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public long PeakWorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.PeakWorkingSet64;
        }
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// `onOutput` gets every line the app writes to stdout (its console log), as it is written.
    public static async Task<(AppProcess App, TimeSpan ToHealthz)> StartAsync(IReadOnlyDictionary<string, string> environment, Action<string>? onOutput = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [AppDll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(AppDll)!,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        var watch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onOutput?.Invoke(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [app] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        // For a profiler to attach to (dotnet-trace collect -p <pid>).
        Console.Error.WriteLine($"  [bench] AdeBot started as process {process.Id}");

        using var http = new HttpClient { BaseAddress = app.BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"AdeBot exited with {process.ExitCode} before it answered /healthz.");
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.IsSuccessStatusCode) return (app, watch.Elapsed);
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (watch.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("AdeBot did not answer /healthz within 60 s.");
            await Task.Delay(5);
        }
    }

    /// SIGTERM, as a service manager stops it: the host shuts down gracefully.
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        if (OperatingSystem.IsWindows() || kill(_process.Id, 15) != 0) _process.Kill(entireProcessTree: true);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(guard.Token);
    }

    /// SIGKILL: the process dies where it stands, as in a crash.
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
