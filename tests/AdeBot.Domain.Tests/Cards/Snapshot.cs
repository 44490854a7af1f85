using Xunit.Sdk;

namespace AdeBot.Domain.Tests.Cards;

/// Approved-file testing: `Snapshots/{name}.json` (copied to the output) must equal the text
/// exactly. On a difference, or when no approved file exists yet, the received text is written
/// beside it in the source tree as `{name}.received.json` and the test fails. Run with
/// ADEBOT_UPDATE_SNAPSHOTS=1 to accept the received texts as the approved ones.
internal static class Snapshot
{
    private const string UpdateVariable = "ADEBOT_UPDATE_SNAPSHOTS";

    private static string SourceFolder => Path.Combine(RepositoryFiles.CardsTestFolder, "Snapshots");

    public static void Match(string name, string received)
    {
        received = received.ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "Cards", "Snapshots", $"{name}.json");
        var receivedPath = Path.Combine(SourceFolder, $"{name}.received.json");

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(SourceFolder);
            File.WriteAllText(Path.Combine(SourceFolder, $"{name}.json"), received);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == received)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(SourceFolder);
        File.WriteAllText(receivedPath, received);
        throw new XunitException(approved is null
            ? $"No approved snapshot {name}.json. Review {receivedPath} and rename it, or run with {UpdateVariable}=1."
            : $"Snapshot {name}.json differs. Compare it with {receivedPath}; run with {UpdateVariable}=1 to accept.");
    }
}
