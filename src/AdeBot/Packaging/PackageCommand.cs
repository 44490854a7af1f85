namespace AdeBot.Packaging;

/// `AdeBot package --app-id <guid> --domain <host> --out <file.zip> [--version x.y.z] [--template <folder>]`
public static class PackageCommand
{
    public const string Name = "package";
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public const string Usage = """
        Usage: AdeBot package --app-id <guid> --domain <host> --out <file.zip> [--version <x.y.z>] [--template <folder>]

        Builds the Teams app package: manifest.json, the icons and the localization files at the zip root.
          --app-id    the bot's Microsoft App ID (the Azure Bot resource's app id, or the managed identity's client id)
          --domain    the bot's public host name, e.g. adebot.contoso.com (no scheme, path or port)
          --out       the .zip to write; its folder is created when missing
          --version   the app version as MAJOR.MINOR.PATCH (default 1.0.0); raise it whenever you upload a changed package
          --template  the manifest template folder (default: the manifest folder that ships with AdeBot)
        """;

    private static readonly string[] KnownOptions = ["--app-id", "--domain", "--out", "--version", "--template"];

    /// <param name="args">The arguments after the word "package".</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(arg => arg is "--help" or "-h" or "-?"))
        {
            await stdout.WriteLineAsync(Usage);
            return Succeeded;
        }

        var (options, withoutValue, errors) = ParseOptions(args);
        bool Missing(string option) => !options.ContainsKey(option) && !withoutValue.Contains(option);
        Guid appId = default;
        string? domain = null;
        string? outputPath = null;

        if (options.TryGetValue("--app-id", out var appIdText))
        {
            if (!AppPackageValues.TryParseBotAppId(appIdText, out appId, out var error)) errors.Add(error);
        }
        else if (Missing("--app-id"))
        {
            errors.Add("--app-id is required: the Microsoft App ID of the Azure Bot resource.");
        }

        if (options.TryGetValue("--domain", out var domainText))
        {
            if (!AppPackageValues.TryParseBotDomain(domainText, out domain, out var error)) errors.Add(error);
        }
        else if (Missing("--domain"))
        {
            errors.Add("--domain is required: the public host name the bot's messaging endpoint runs on.");
        }

        var version = options.GetValueOrDefault("--version", AppPackageValues.DefaultAppVersion);
        if (!AppPackageValues.TryParseAppVersion(version, out var versionError))
            errors.Add(versionError);

        if (!options.TryGetValue("--out", out var outText) || string.IsNullOrWhiteSpace(outText))
        {
            if (!withoutValue.Contains("--out")) errors.Add("--out is required: the path of the .zip to write.");
        }
        else if (Directory.Exists(outText) || Path.EndsInDirectorySeparator(outText))
            errors.Add($"--out '{outText}' is a folder; give the path of the .zip file to write, e.g. {Path.Combine(outText, "adebot.zip")}.");
        else
            outputPath = Path.GetFullPath(outText);

        var templateFolder = options.TryGetValue("--template", out var templateText)
            ? Path.GetFullPath(templateText)
            : FindTemplateFolder(AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        if (templateFolder is null)
            errors.Add($"The manifest template folder was not found next to AdeBot ({Path.Combine(AppContext.BaseDirectory, "manifest")}) or in the repository; pass --template <folder>.");
        else if (!File.Exists(Path.Combine(templateFolder, AppPackageBuilder.ManifestFileName)))
            errors.Add($"--template '{templateFolder}' holds no {AppPackageBuilder.ManifestFileName}.");

        if (errors.Count > 0)
        {
            foreach (var error in errors) await stderr.WriteLineAsync($"package: {error}");
            await stderr.WriteLineAsync();
            await stderr.WriteLineAsync(Usage);
            return UsageError;
        }

        var values = new AppPackageValues(appId, domain!, version);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(outputPath!)!);
            var entries = await AppPackageBuilder.BuildAsync(templateFolder!, values, outputPath!);
            await stdout.WriteLineAsync($"Wrote the Teams app package {outputPath}");
            await stdout.WriteLineAsync($"  app id {values.BotAppId:D}, domain {values.BotDomain}, version {values.AppVersion}");
            await stdout.WriteLineAsync($"  files: {string.Join(", ", entries)}");
            await stdout.WriteLineAsync("Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center; see docs/deployment.md.");
            return Succeeded;
        }
        catch (Exception exception) when (exception is AppPackageException or IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"package: {exception.Message}");
            return Failed;
        }
    }

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

    private static (Dictionary<string, string> Options, HashSet<string> WithoutValue, List<string> Errors) ParseOptions(string[] args)
    {
        Dictionary<string, string> options = new(StringComparer.Ordinal);
        HashSet<string> withoutValue = new(StringComparer.Ordinal);
        List<string> errors = [];
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = args[i].Split('=', 2) is [var head, var tail] && head.StartsWith("--", StringComparison.Ordinal)
                ? (head, tail)
                : (args[i], (string?)null);

            if (!KnownOptions.Contains(name))
            {
                errors.Add(name.StartsWith('-')
                    ? $"unknown option '{name}'."
                    : $"unexpected argument '{name}'; every value follows its option, e.g. --domain adebot.contoso.com.");
                continue;
            }

            string value;
            if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (i + 1 < args.Length && !KnownOptions.Contains(args[i + 1].Split('=', 2)[0]))
            {
                value = args[++i];
            }
            else
            {
                if (withoutValue.Add(name)) errors.Add($"{name} needs a value.");
                continue;
            }

            if (!options.TryAdd(name, value))
                errors.Add($"{name} is given more than once.");
        }
        return (options, withoutValue, errors);
    }
}
