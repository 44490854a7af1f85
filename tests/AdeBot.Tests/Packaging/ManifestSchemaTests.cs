using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AdeBot.Tests.Packaging;

/// The built package against the Teams v1.23 schemas in ../shared/schemas. tests/node repeats this
/// with Microsoft's own validator; here the essentials are checked with the schema's own rules.
public sealed partial class ManifestSchemaTests : IAsyncLifetime
{
    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    private readonly TemporaryFolder _folder = new();
    private Dictionary<string, byte[]> _package = [];

    public async Task InitializeAsync()
    {
        var zip = _folder.File("adebot.zip");
        await PackageRun.BuildAsync(zip);
        _package = PackageRun.ReadEntries(zip);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private JsonElement PackageJson(string name) => JsonDocument.Parse(_package[name]).RootElement;

    private static JsonSchemaSubset ManifestSchema() => JsonSchemaSubset.Load(Path.Combine(RepositoryPaths.ManifestSchemas, "MicrosoftTeams.schema.json"));

    private static JsonSchemaSubset LocalizationSchema() => JsonSchemaSubset.Load(Path.Combine(RepositoryPaths.ManifestSchemas, "MicrosoftTeams.Localization.schema.json"));

    [SharedSchemaFact]
    public void The_manifest_validates_against_the_teams_schema()
    {
        Assert.Empty(ManifestSchema().Validate(PackageJson("manifest.json")));
    }

    [SharedSchemaFact]
    public void The_manifest_uses_the_schema_version_of_the_shared_schema()
    {
        var schema = ManifestSchema().Root;
        var manifest = PackageJson("manifest.json");

        var version = schema.GetProperty("properties").GetProperty("manifestVersion").GetProperty("const").GetString();
        Assert.Equal("1.23", version);
        Assert.Equal(version, manifest.GetProperty("manifestVersion").GetString());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", manifest.GetProperty("$schema").GetString());
        Assert.All(schema.GetProperty("required").EnumerateArray(), required => Assert.True(manifest.TryGetProperty(required.GetString()!, out _), $"'{required}' is missing"));
    }

    [SharedSchemaTheory]
    [InlineData("fi.json")]
    [InlineData("uk.json")]
    public void The_localization_files_validate_against_the_localization_schema(string file)
    {
        var localization = PackageJson(file);

        Assert.Empty(LocalizationSchema().Validate(localization));
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.23/MicrosoftTeams.Localization.schema.json", localization.GetProperty("$schema").GetString());
    }

    public static TheoryData<string, Action<JsonNode>, string> BrokenManifests => new()
    {
        { "a short name over 30 characters", manifest => manifest["name"]!["short"] = new string('A', 31), "name.short: 31 characters, at most 30 allowed" },
        { "no developer", manifest => manifest.AsObject().Remove("developer"), "the required property 'developer' is missing" },
        { "another manifest version", manifest => manifest["manifestVersion"] = "1.22", "manifestVersion: must be \"1.23\"" },
        { "a bot id that is no GUID", manifest => manifest["bots"]![0]!["botId"] = "adebot", "bots[0].botId: 'adebot' does not match" },
        { "an unknown top-level property", manifest => manifest["colour"] = "teal", "the property 'colour' is not allowed" },
        { "an unknown bot scope", manifest => manifest["bots"]![0]!["scopes"]!.AsArray().Add("meetings"), "bots[0].scopes[3]: \"meetings\" is not one of" },
        { "eleven commands in a list", manifest => manifest["bots"]![0]!["commandLists"]![0]!["commands"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => new JsonObject { ["title"] = $"c{i}", ["description"] = "d" })]), "commands: 11 items, at most 10 allowed" },
        { "a developer URL over http", manifest => manifest["developer"]!["privacyUrl"] = "ftp://adebot.contoso.com/privacy", "developer.privacyUrl: 'ftp://adebot.contoso.com/privacy' does not match" },
    };

    [SharedSchemaTheory]
    [MemberData(nameof(BrokenManifests))]
    public void The_schema_check_catches_a_broken_manifest(string what, Action<JsonNode> breakIt, string expected)
    {
        var manifest = JsonNode.Parse(_package["manifest.json"])!;
        breakIt(manifest);

        var errors = ManifestSchema().Validate(JsonSerializer.SerializeToElement(manifest));

        Assert.True(errors.Any(error => error.Contains(expected, StringComparison.Ordinal)), $"{what}: expected an error with \"{expected}\", got: {string.Join(" | ", errors)}");
    }

    [SharedSchemaFact]
    public void The_schema_check_catches_a_broken_localization_file()
    {
        var localization = JsonNode.Parse(_package["fi.json"])!.AsObject();
        localization.Remove("description.short");
        localization["bots[0].commandLists[0].commands[0].titel"] = "typo";
        localization["name.short"] = "null";

        var errors = LocalizationSchema().Validate(JsonSerializer.SerializeToElement(localization));

        Assert.Contains(errors, error => error.Contains("the required property 'description.short' is missing", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.Contains("the property 'bots[0].commandLists[0].commands[0].titel' is not allowed", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("name.short: 'null' does not match", StringComparison.Ordinal));
    }

    [Fact]
    public void The_bot_answers_in_personal_team_and_group_chat_with_one_command_list_per_scope()
    {
        var bot = PackageJson("manifest.json").GetProperty("bots").EnumerateArray().Single();

        Assert.Equal(BotScopes, bot.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
        var lists = bot.GetProperty("commandLists").EnumerateArray().ToList();
        Assert.Equal(BotScopes, lists.Select(list => list.GetProperty("scopes").EnumerateArray().Single().GetString()));
        Assert.All(lists, list => Assert.Equal(
            ["are my ADE tokens healthy?", "what expires soon", "details", "what does error 3 mean", "subscribe", "unsubscribe", "help", "only critical alerts"],
            list.GetProperty("commands").EnumerateArray().Select(command => command.GetProperty("title").GetString())));
    }

    [Theory]
    [InlineData("fi.json")]
    [InlineData("uk.json")]
    public void Every_localization_file_translates_the_names_descriptions_and_every_command(string file)
    {
        var manifest = PackageJson("manifest.json");
        var localization = PackageJson(file);
        var keys = localization.EnumerateObject().Select(property => property.Name).Where(name => name != "$schema").ToHashSet();

        HashSet<string> expected = ["name.short", "name.full", "description.short", "description.full"];
        var lists = manifest.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray().ToList();
        for (var list = 0; list < lists.Count; list++)
        {
            for (var command = 0; command < lists[list].GetProperty("commands").GetArrayLength(); command++)
            {
                expected.Add($"bots[0].commandLists[{list}].commands[{command}].title");
                expected.Add($"bots[0].commandLists[{list}].commands[{command}].description");
            }
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        Assert.All(keys, key => Assert.False(string.IsNullOrWhiteSpace(localization.GetProperty(key).GetString()), $"{file}: {key} is empty"));
        Assert.DoesNotContain(keys, key => key.EndsWith("description", StringComparison.Ordinal)
            && localization.GetProperty(key).GetString() == CommandText(manifest, key));
    }

    [Fact]
    public void The_manifest_names_each_localization_file_once_with_its_language()
    {
        var localization = PackageJson("manifest.json").GetProperty("localizationInfo");

        Assert.Equal("en-us", localization.GetProperty("defaultLanguageTag").GetString());
        Assert.Equal(
            [("fi-fi", "fi.json"), ("uk-ua", "uk.json")],
            localization.GetProperty("additionalLanguages").EnumerateArray().Select(language => (language.GetProperty("languageTag").GetString(), language.GetProperty("file").GetString())));
    }

    private static string? CommandText(JsonElement manifest, string key)
    {
        var match = CommandKey().Match(key);
        return manifest.GetProperty("bots")[0].GetProperty("commandLists")[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]
            .GetProperty("commands")[int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)]
            .GetProperty(match.Groups[3].Value).GetString();
    }

    [GeneratedRegex(@"^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$")]
    private static partial Regex CommandKey();
}
