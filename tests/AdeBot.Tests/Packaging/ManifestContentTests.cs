using System.Text.Json;
using System.Text.RegularExpressions;

namespace AdeBot.Tests.Packaging;

/// What the built package's manifest and localization files say: scopes, commands, languages. Their
/// validity against the Teams schemas is checked by Microsoft's own validator in tests/node.
public sealed partial class ManifestContentTests : IAsyncLifetime
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
