using System.Text.Json.Nodes;
using AdeBot.Packaging;

namespace AdeBot.Tests.Packaging;

public sealed class AppPackageBuilderTests : IDisposable
{
    private static readonly AppPackageValues Values = new(Guid.Parse(PackageRun.AppId), PackageRun.Domain, "1.2.3");

    private readonly TemporaryFolder _template = new();
    private readonly TemporaryFolder _output = new();

    public void Dispose()
    {
        _template.Dispose();
        _output.Dispose();
    }

    private void WriteTemplate(string manifest, params (string Name, string Content)[] files)
    {
        File.WriteAllText(_template.File("manifest.json"), manifest);
        foreach (var (name, content) in files) File.WriteAllText(_template.File(name), content);
    }

    private const string MinimalManifest = """
        { "id": "{{BOT_APP_ID}}", "version": "{{APP_VERSION}}", "validDomains": ["{{BOT_DOMAIN}}"],
          "icons": { "color": "c.png", "outline": "o.png" },
          "localizationInfo": { "defaultLanguageTag": "en-us", "additionalLanguages": [ { "languageTag": "fi-fi", "file": "fi.json" } ] } }
        """;

    [Fact]
    public async Task Placeholders_are_filled_in_the_manifest_and_the_localization_files()
    {
        WriteTemplate(MinimalManifest, ("c.png", "colour"), ("o.png", "outline"), ("fi.json", """{ "name.full": "AdeBot @ {{BOT_DOMAIN}}" }"""));

        var files = await AppPackageBuilder.RenderAsync(_template.Path, Values);

        Assert.Equal(["manifest.json", "c.png", "o.png", "fi.json"], files.Select(file => file.Name));
        var manifest = JsonNode.Parse(files[0].Content)!;
        Assert.Equal(PackageRun.AppId, (string?)manifest["id"]);
        Assert.Equal("1.2.3", (string?)manifest["version"]);
        Assert.Equal(PackageRun.Domain, (string?)manifest["validDomains"]![0]);
        Assert.Equal($"AdeBot @ {PackageRun.Domain}", (string?)JsonNode.Parse(files[3].Content)!["name.full"]);
    }

    [Fact]
    public async Task Files_the_manifest_does_not_name_stay_out_of_the_package()
    {
        WriteTemplate(MinimalManifest, ("c.png", "colour"), ("o.png", "outline"), ("fi.json", "{}"), ("notes.txt", "not for Teams"));

        var files = await AppPackageBuilder.RenderAsync(_template.Path, Values);

        Assert.DoesNotContain(files, file => file.Name == "notes.txt");
    }

    [Fact]
    public async Task An_unknown_placeholder_fails_the_build_and_leaves_no_file_behind()
    {
        WriteTemplate(MinimalManifest.Replace("\"en-us\"", "\"{{LANGUAGE}}\"", StringComparison.Ordinal), ("c.png", "c"), ("o.png", "o"), ("fi.json", "{}"));

        var exception = await Assert.ThrowsAsync<AppPackageException>(() => AppPackageBuilder.BuildAsync(_template.Path, Values, _output.File("app.zip")));

        Assert.Contains("manifest.json still contains {{LANGUAGE}}", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_output.Path));
    }

    [Fact]
    public async Task A_placeholder_left_in_a_localization_file_fails_the_build()
    {
        WriteTemplate(MinimalManifest, ("c.png", "c"), ("o.png", "o"), ("fi.json", """{ "name.short": "{{BOT_NAME}}" }"""));

        var exception = await Assert.ThrowsAsync<AppPackageException>(() => AppPackageBuilder.RenderAsync(_template.Path, Values));

        Assert.Contains("fi.json still contains {{BOT_NAME}}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_icon_is_named_in_the_error()
    {
        WriteTemplate(MinimalManifest, ("c.png", "c"), ("fi.json", "{}"));

        var exception = await Assert.ThrowsAsync<AppPackageException>(() => AppPackageBuilder.RenderAsync(_template.Path, Values));

        Assert.Contains("manifest.json names 'o.png'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("icons/c.png")]
    [InlineData("../c.png")]
    [InlineData("manifest.json")]
    public async Task Package_files_must_be_plain_names_at_the_zip_root(string iconPath)
    {
        WriteTemplate(MinimalManifest.Replace("\"c.png\"", $"\"{iconPath}\"", StringComparison.Ordinal), ("o.png", "o"), ("fi.json", "{}"));

        var exception = await Assert.ThrowsAsync<AppPackageException>(() => AppPackageBuilder.RenderAsync(_template.Path, Values));

        Assert.Contains($"names '{iconPath}'; package files must be plain file names at the zip root", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_that_is_not_json_is_reported()
    {
        WriteTemplate("{ \"id\": ");

        var exception = await Assert.ThrowsAsync<AppPackageException>(() => AppPackageBuilder.RenderAsync(_template.Path, Values));

        Assert.StartsWith("manifest.json is not valid JSON", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_build_keeps_an_existing_package_intact()
    {
        var zip = _output.File("app.zip");
        File.WriteAllText(zip, "the previous package");
        WriteTemplate(MinimalManifest, ("c.png", "c"), ("o.png", "o"), ("fi.json", """{ "x": "{{UNKNOWN}}" }"""));

        await Assert.ThrowsAsync<AppPackageException>(() => AppPackageBuilder.BuildAsync(_template.Path, Values, zip));

        Assert.Equal("the previous package", File.ReadAllText(zip));
        Assert.Single(Directory.EnumerateFileSystemEntries(_output.Path));
    }
}
