using System.IO.Compression;
using AdeBot.Cli;
using AdeBot.Packaging;

namespace AdeBot.Tests.Packaging;

/// One run of `AdeBot package` through the command line, with its output captured.
internal sealed record PackageRun(int ExitCode, string Stdout, string Stderr)
{
    public const string AppId = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f";
    public const string Domain = "adebot.contoso.com";

    public static async Task<PackageRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AdeBotCommandLine.Parse(["package", .. args]).RunWithoutHostAsync(stdout, stderr);
        return new PackageRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// Builds the repository's template with the standard test values into <paramref name="zipPath"/>.
    public static async Task<PackageRun> BuildAsync(string zipPath, params string[] extraArgs)
    {
        var run = await RunAsync(["--app-id", AppId, "--domain", Domain, "--out", zipPath, "--template", RepositoryPaths.ManifestTemplate, .. extraArgs]);
        Assert.True(run.ExitCode == PackageCommand.Succeeded, $"package failed with {run.ExitCode}: {run.Stderr}");
        return run;
    }

    public static Dictionary<string, byte[]> ReadEntries(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return zip.Entries.ToDictionary(entry => entry.FullName, entry =>
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }
}
