using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdeBot.Cli;
using AdeBot.Packaging;

namespace AdeBot.Tests.Packaging;

public sealed class PackageCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Package_holds_the_manifest_icons_and_localization_files_at_the_zip_root()
    {
        var zip = _folder.File("adebot.zip");
        await PackageRun.BuildAsync(zip);

        var entries = PackageRun.ReadEntries(zip);
        Assert.Equal(["color.png", "fi.json", "manifest.json", "outline.png", "uk.json"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.All(entries.Keys, name => Assert.DoesNotContain('/', name));
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.ManifestTemplate, "color.png")), entries["color.png"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.ManifestTemplate, "outline.png")), entries["outline.png"]);
    }

    [Fact]
    public async Task Package_fills_in_the_app_id_and_domain_everywhere_the_template_names_them()
    {
        var zip = _folder.File("adebot.zip");
        await PackageRun.BuildAsync(zip, "--version", "2.3.4");

        var manifest = JsonNode.Parse(PackageRun.ReadEntries(zip)["manifest.json"])!;
        Assert.Equal(PackageRun.AppId, (string?)manifest["id"]);
        Assert.Equal(PackageRun.AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(PackageRun.AppId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal($"api://{PackageRun.Domain}/botid-{PackageRun.AppId}", (string?)manifest["webApplicationInfo"]!["resource"]);
        Assert.Equal([PackageRun.Domain], manifest["validDomains"]!.AsArray().Select(domain => (string?)domain));
        Assert.Equal($"https://{PackageRun.Domain}/", (string?)manifest["developer"]!["websiteUrl"]);
        Assert.Equal($"https://{PackageRun.Domain}/privacy", (string?)manifest["developer"]!["privacyUrl"]);
        Assert.Equal($"https://{PackageRun.Domain}/terms", (string?)manifest["developer"]!["termsOfUseUrl"]);
        Assert.Equal("2.3.4", (string?)manifest["version"]);
    }

    [Fact]
    public async Task Package_leaves_no_placeholder_in_any_file()
    {
        var zip = _folder.File("adebot.zip");
        await PackageRun.BuildAsync(zip);

        var textEntries = PackageRun.ReadEntries(zip).Where(entry => entry.Key.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, textEntries.Count);
        Assert.All(textEntries, entry => Assert.DoesNotContain("{{", Encoding.UTF8.GetString(entry.Value), StringComparison.Ordinal));
        Assert.All(textEntries, entry => JsonDocument.Parse(entry.Value).Dispose());
    }

    [Fact]
    public async Task Version_defaults_to_1_0_0_and_the_domain_is_lower_cased()
    {
        var zip = _folder.File("adebot.zip");
        var run = await PackageRun.RunAsync("--app-id", PackageRun.AppId.ToUpperInvariant(), "--domain", "AdeBot.Contoso.COM", "--out", zip, "--template", RepositoryPaths.ManifestTemplate);

        Assert.Equal(PackageCommand.Succeeded, run.ExitCode);
        var manifest = JsonNode.Parse(PackageRun.ReadEntries(zip)["manifest.json"])!;
        Assert.Equal("1.0.0", (string?)manifest["version"]);
        Assert.Equal(PackageRun.AppId, (string?)manifest["id"]);
        Assert.Equal("adebot.contoso.com", (string?)manifest["validDomains"]![0]);
        Assert.Contains(zip, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task The_same_values_give_a_byte_identical_package()
    {
        await PackageRun.BuildAsync(_folder.File("first.zip"));
        await PackageRun.BuildAsync(_folder.File("second.zip"));

        Assert.Equal(File.ReadAllBytes(_folder.File("first.zip")), File.ReadAllBytes(_folder.File("second.zip")));
    }

    [Fact]
    public async Task A_missing_output_folder_is_created()
    {
        var zip = Path.Combine(_folder.Path, "out", "teams", "adebot.zip");
        await PackageRun.BuildAsync(zip);

        Assert.True(File.Exists(zip));
    }

    [Fact]
    public async Task Help_prints_the_usage_and_succeeds()
    {
        var run = await PackageRun.RunAsync("--help");

        Assert.Equal(PackageCommand.Succeeded, run.ExitCode);
        Assert.Contains("AdeBot package [options]", run.Stdout, StringComparison.Ordinal);
        foreach (var option in new[] { "--app-id <guid> (REQUIRED)", "--domain <host> (REQUIRED)", "--out <file.zip> (REQUIRED)", "--version <x.y.z>", "--template <folder>" })
            Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
        Assert.Empty(run.Stderr);
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        { [], "Option '--app-id' is required." },
        { ["--domain", "adebot.contoso.com", "--out", "x.zip"], "Option '--app-id' is required." },
        { ["--app-id", PackageRun.AppId, "--out", "x.zip"], "Option '--domain' is required." },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com"], "Option '--out' is required." },
        { ["--app-id", "not-a-guid", "--domain", "adebot.contoso.com", "--out", "x.zip"], "--app-id 'not-a-guid' is not a GUID" },
        { ["--app-id", "{6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f}", "--domain", "adebot.contoso.com", "--out", "x.zip"], "is not a GUID" },
        { ["--app-id", Guid.Empty.ToString(), "--domain", "adebot.contoso.com", "--out", "x.zip"], "not the empty GUID" },
        { ["--app-id", PackageRun.AppId, "--domain", "https://adebot.contoso.com", "--out", "x.zip"], "without a scheme" },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com/api/messages", "--out", "x.zip"], "without a path" },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com:8443", "--out", "x.zip"], "must not include a port" },
        { ["--app-id", PackageRun.AppId, "--domain", "*.contoso.com", "--out", "x.zip"], "wildcards are not allowed" },
        { ["--app-id", PackageRun.AppId, "--domain", "10.1.2.3", "--out", "x.zip"], "is an IP address" },
        { ["--app-id", PackageRun.AppId, "--domain", "localhost", "--out", "x.zip"], "is not a fully qualified host name" },
        { ["--app-id", PackageRun.AppId, "--domain", "-adebot.contoso.com", "--out", "x.zip"], "is not a fully qualified host name" },
        { ["--app-id", PackageRun.AppId, "--domain", "adeböt.contoso.com", "--out", "x.zip"], "punycode" },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com", "--out", "x.zip", "--version", "1.0"], "must be MAJOR.MINOR.PATCH" },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com", "--out", "x.zip", "--version", "01.0.0"], "must be MAJOR.MINOR.PATCH" },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com", "--out", "x.zip", "--version", "1.0.0-beta"], "must be MAJOR.MINOR.PATCH" },
        { ["--app-id", "--domain", "adebot.contoso.com", "--out", "x.zip"], "--app-id needs a value; '--domain' is an option." },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com", "--out"], "Required argument missing for option: '--out'." },
        { ["--app-id", PackageRun.AppId, "--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com", "--out", "x.zip"], "Option '--app-id' expects a single argument but 2 were provided." },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com", "--out", "x.zip", "--colour", "red"], "Unrecognized command or argument '--colour'." },
        { ["--app-id", PackageRun.AppId, "adebot.contoso.com", "--out", "x.zip"], "Unrecognized command or argument 'adebot.contoso.com'." },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com", "--out", "x.zip", "--template", "/nonexistent/adebot-template"], "holds no manifest.json" },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com", "--out", "x.zip", "--version"], "Required argument missing for option: '--version'." },
        { ["--app-id", PackageRun.AppId, "--domain", "adebot.contoso.com", "--out", "x.zip", "--template", "--version", "1.0.0"], "--template needs a value; '--version' is an option." },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Bad_or_missing_arguments_exit_with_a_usage_error_and_a_clear_message(string[] args, string expected)
    {
        // Relative --out paths would land in the current folder if the command wrongly succeeded.
        var rooted = args.Select(arg => arg == "x.zip" ? _folder.File("x.zip") : arg).ToArray();

        var run = await PackageRun.RunAsync(rooted);

        Assert.Equal(AdeBotCommandLine.UsageError, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.All(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("AdeBot package: ", line, StringComparison.Ordinal));
        Assert.EndsWith("See 'AdeBot package --help'.", run.Stderr.TrimEnd(), StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder.Path));
    }

    [Fact]
    public async Task An_output_path_that_is_a_folder_is_a_usage_error()
    {
        var run = await PackageRun.RunAsync("--app-id", PackageRun.AppId, "--domain", PackageRun.Domain, "--out", _folder.Path);

        Assert.Equal(AdeBotCommandLine.UsageError, run.ExitCode);
        Assert.Contains("is a folder; give the path of the .zip file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var run = await PackageRun.RunAsync("--app-id", "nope", "--domain", "http://x", "--version", "one");

        Assert.Equal(AdeBotCommandLine.UsageError, run.ExitCode);
        Assert.Contains("is not a GUID", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("without a scheme", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("must be MAJOR.MINOR.PATCH", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Option '--out' is required.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_template_is_found_next_to_the_binary_and_matches_the_repository()
    {
        var found = PackageCommand.FindTemplateFolder(AppContext.BaseDirectory, _folder.Path);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "manifest"), found);
        foreach (var name in new[] { "manifest.json", "fi.json", "uk.json", "color.png", "outline.png" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryPaths.ManifestTemplate, name)), File.ReadAllBytes(Path.Combine(found!, name)));
    }

    [Fact]
    public void Without_a_copy_next_to_the_binary_the_repository_template_is_found_from_inside_the_repository()
    {
        var found = PackageCommand.FindTemplateFolder(_folder.Path, Path.Combine(RepositoryPaths.Root, "src", "AdeBot"));

        Assert.Equal(RepositoryPaths.ManifestTemplate, found);
        Assert.Null(PackageCommand.FindTemplateFolder(_folder.Path, _folder.Path));
    }
}
