using System.CommandLine;
using AdeBot.Cli;

namespace AdeBot.Packaging;

/// `AdeBot package --app-id <guid> --domain <host> --out <file.zip> [--version x.y.z] [--template <folder>]`:
/// runs without the bot's services, so it needs no configuration at all.
public sealed class PackageCommand : Command
{
    public const int Succeeded = 0;
    public const int Failed = 1;

    private readonly Option<Guid> _appId = CommandLineOptions.WithValue("--app-id", "guid",
        "The bot's Microsoft App ID (the Azure Bot resource's app id, or the managed identity's client id).",
        text => AppPackageValues.TryParseBotAppId(text, out var appId, out var error) ? new(appId) : ParsedValue<Guid>.Invalid(error));

    private readonly Option<string> _domain = CommandLineOptions.WithValue("--domain", "host",
        "The bot's public host name, e.g. adebot.contoso.com (no scheme, path or port).",
        text => AppPackageValues.TryParseBotDomain(text, out var domain, out var error) ? new(domain) : ParsedValue<string>.Invalid(error));

    private readonly Option<string> _out = CommandLineOptions.WithValue("--out", "file.zip",
        "The .zip to write; its folder is created when missing.", OutputPathOf);

    private readonly Option<string> _version = CommandLineOptions.WithValue("--version", "x.y.z",
        $"The app version as MAJOR.MINOR.PATCH (default: {AppPackageValues.DefaultAppVersion}); raise it whenever you upload a changed package.",
        text => AppPackageValues.TryParseAppVersion(text, out var error) ? new(text) : ParsedValue<string>.Invalid(error));

    private readonly Option<string> _template = CommandLineOptions.WithValue("--template", "folder",
        "The manifest template folder (default: the manifest folder that ships with AdeBot).", TemplateFolderOf);

    public PackageCommand() : base("package", "Builds the Teams app package: manifest.json, the icons and the localization files at the zip root.")
    {
        _appId.Required = true;
        _domain.Required = true;
        _out.Required = true;
        Options.Add(_appId);
        Options.Add(_domain);
        Options.Add(_out);
        Options.Add(_version);
        Options.Add(_template);
        // Every problem is reported at once, so the template's absence is checked here with the options.
        Validators.Add(result =>
        {
            if (result.GetResult(_template) is null && DefaultTemplateFolder() is null)
                result.AddError($"The manifest template folder was not found next to AdeBot ({Path.Combine(AppContext.BaseDirectory, "manifest")}) or in the repository; pass --template <folder>.");
        });
        SetAction((parsed, _) => RunAsync(parsed, parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
    }

    private async Task<int> RunAsync(ParseResult parsed, TextWriter stdout, TextWriter stderr)
    {
        var values = new AppPackageValues(parsed.GetValue(_appId), parsed.GetRequiredValue(_domain), parsed.GetValue(_version) ?? AppPackageValues.DefaultAppVersion);
        var outputPath = parsed.GetRequiredValue(_out);
        var templateFolder = parsed.GetValue(_template) ?? DefaultTemplateFolder()!;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(outputPath)!);
            var entries = await AppPackageBuilder.BuildAsync(templateFolder, values, outputPath);
            await stdout.WriteLineAsync($"Wrote the Teams app package {outputPath}");
            await stdout.WriteLineAsync($"  app id {values.BotAppId:D}, domain {values.BotDomain}, version {values.AppVersion}");
            await stdout.WriteLineAsync($"  files: {string.Join(", ", entries)}");
            await stdout.WriteLineAsync("Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center; see docs/deployment.md.");
            return Succeeded;
        }
        catch (Exception exception) when (exception is AppPackageException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"AdeBot package: {exception.Message}");
            return Failed;
        }
    }

    private static ParsedValue<string> OutputPathOf(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return ParsedValue<string>.Invalid("--out needs the path of the .zip to write.");
        if (Directory.Exists(text) || Path.EndsInDirectorySeparator(text))
            return ParsedValue<string>.Invalid($"--out '{text}' is a folder; give the path of the .zip file to write, e.g. {Path.Combine(text, "adebot.zip")}.");
        return new(Path.GetFullPath(text));
    }

    private static ParsedValue<string> TemplateFolderOf(string text)
    {
        var folder = Path.GetFullPath(text);
        return File.Exists(Path.Combine(folder, AppPackageBuilder.ManifestFileName))
            ? new(folder)
            : ParsedValue<string>.Invalid($"--template '{folder}' holds no {AppPackageBuilder.ManifestFileName}.");
    }

    private static string? DefaultTemplateFolder() => FindTemplateFolder(AppContext.BaseDirectory, Directory.GetCurrentDirectory());

    /// The manifest folder that the host project copies next to the binary, else the repository's own.
    public static string? FindTemplateFolder(string baseDirectory, string currentDirectory)
    {
        var beside = Path.Combine(baseDirectory, "manifest");
        if (File.Exists(Path.Combine(beside, AppPackageBuilder.ManifestFileName))) return beside;

        foreach (var start in new[] { currentDirectory, baseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "manifest");
                if (File.Exists(Path.Combine(folder.FullName, "AdeBot.sln"))
                    && File.Exists(Path.Combine(candidate, AppPackageBuilder.ManifestFileName)))
                    return candidate;
            }
        }
        return null;
    }
}
