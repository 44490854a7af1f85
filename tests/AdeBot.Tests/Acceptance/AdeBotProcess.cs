using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace AdeBot.Tests.Acceptance;

/// The built AdeBot, run as an admin runs it: `dotnet AdeBot.dll [command]` in a child process,
/// configured only through environment variables. Every wait is bounded and the process is
/// killed on dispose, so a test can fail but never hang or leave a bot running.
internal sealed partial class AdeBotProcess : IAsyncDisposable
{
    /// The build the tests run: the test project references src/AdeBot, so its AdeBot.dll lies
    /// beside the test assembly together with the appsettings.json it ships with.
    public static string AppDll { get; } = typeof(Program).Assembly.Location;

    public static string BinaryFolder { get; } = Path.GetDirectoryName(AppDll)!;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    // Sections an inherited variable could configure without the test saying so.
    private static readonly string[] ConfigurationPrefixes =
        ["Bot__", "Graph__", "Storage__", "Alerts__", "Access__", "Health__", "Logging__", "ASPNETCORE_", "DOTNET_ENVIRONMENT", "AZURE_"];

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AdeBotProcess(Process process) => _process = process;

    /// Everything the app wrote so far, stdout and stderr interleaved as they arrived.
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public Uri? BaseUri { get; private set; }

    public bool HasExited => _exited.Task.IsCompleted;

    public int ExitCode => _process.ExitCode;

    /// Starts the web service (no command, only host settings in <paramref name="hostArguments"/>)
    /// and waits until Kestrel listens. ASPNETCORE_URLS asks for port 0 unless the caller says
    /// otherwise (in the environment, or with `--urls` among the arguments), and the port is read
    /// from the app's own start-up log, so no port is ever guessed.
    public static async Task<AdeBotProcess> StartServiceAsync(
        IReadOnlyDictionary<string, string> environment, string? workingDirectory = null, string[]? hostArguments = null)
    {
        var settings = new Dictionary<string, string>(environment);
        if (hostArguments?.Contains("--urls") != true) settings.TryAdd("ASPNETCORE_URLS", "http://127.0.0.1:0");
        var app = Start(hostArguments ?? [], settings, workingDirectory);
        try
        {
            await app.WaitForOutputAsync(output => ListeningOn().IsMatch(output), StartTimeout);
            app.BaseUri = new Uri(ListeningOn().Match(app.Output).Groups["url"].Value.TrimEnd('/') + "/");
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// Starts the app and expects it to stop on its own (a refused configuration, a CLI command).
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(
        string[] arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        await using var app = Start(arguments, environment, workingDirectory);
        await app.WaitForExitAsync(StartTimeout);
        return (app.ExitCode, app.Output);
    }

    /// Same, with stdout and stderr apart: CLI commands print their answer on stdout only.
    public static async Task<CommandResult> RunCommandAsync(string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var stdout = new StringBuilder();
        await using var app = Start(arguments, environment, workingDirectory: null, stdout);
        await app.WaitForExitAsync(StartTimeout);
        lock (stdout) return new CommandResult(app.ExitCode, stdout.ToString(), app.Output);
    }

    private static AdeBotProcess Start(string[] arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory, StringBuilder? stdoutOnly = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory ?? BinaryFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(AppDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        foreach (var inherited in start.Environment.Keys.Where(k => ConfigurationPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(inherited);
        }
        // The child may reach loopback only: Azure.Identity and the connector client honour these,
        // so a stray sign-in or reply fails on this machine instead of calling Microsoft.
        start.Environment["HTTPS_PROXY"] = "http://127.0.0.1:9";
        start.Environment["HTTP_PROXY"] = "http://127.0.0.1:9";
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost,::1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AdeBotProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            app.Append(e.Data);
            if (stdoutOnly is not null) lock (stdoutOnly) stdoutOnly.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) app.Append(e.Data);
        };
        process.Exited += (_, _) => app._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Append(string line)
    {
        lock (_output) _output.AppendLine(line);
    }

    /// Waits until the output satisfies <paramref name="condition"/>; fails with the output so far
    /// when the app exits first or the time runs out (a guard against hanging, not a timing assertion).
    public async Task WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        using var guard = new CancellationTokenSource(timeout);
        while (!condition(Output))
        {
            if (HasExited)
            {
                // The last lines may still be on their way through the pipes.
                await Task.Delay(200, CancellationToken.None);
                if (condition(Output)) return;
                throw new InvalidOperationException($"AdeBot exited (code {ExitCode}) before the expected output appeared. Output:\n{Output}");
            }
            try
            {
                await Task.Delay(100, guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The expected output did not appear within {timeout.TotalSeconds:0} s. Output:\n{Output}");
            }
        }
    }

    public int CountInOutput(string text) => Occurrences(Output, text);

    public static int Occurrences(string output, string text) => output.Split(text, StringSplitOptions.None).Length - 1;

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _exited.Task.WaitAsync(timeout);
            // Exited fires before the redirected streams are drained; this waits for them.
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"AdeBot did not exit within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }
    }

    /// Stops the service the way a service manager or `docker stop` does (SIGTERM, graceful host
    /// shutdown), killing it only if it does not stop in time.
    public async Task StopAsync()
    {
        if (HasExited) return;
        if (OperatingSystem.IsWindows() || SendSigterm(_process.Id) != 0)
        {
            _process.Kill(entireProcessTree: true);
        }
        try
        {
            await WaitForExitAsync(StopTimeout);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            await _exited.Task.WaitAsync(StopTimeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!HasExited) _process.Kill(entireProcessTree: true);
            await _exited.Task.WaitAsync(StopTimeout);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            // Already gone, or the OS is slow to report it; nothing more a test can do.
        }
        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private const int Sigterm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private static int SendSigterm(int pid) => SendSignal(pid, Sigterm);

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningOn();
}

internal sealed record CommandResult(int ExitCode, string Stdout, string AllOutput);
