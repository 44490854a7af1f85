using System.Runtime.CompilerServices;

namespace AdeBot.Domain.Tests.Cards;

/// Paths in the checkout. Found from this source file, not the test binary, because builds may put
/// their output anywhere (`--artifacts-path`).
internal static class RepositoryFiles
{
    // Declared first: static initializers run in order, and Root needs it.
    public static string CardsTestFolder { get; } = Path.GetDirectoryName(ThisFile())!;

    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(CardsTestFolder); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AdeBot.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException($"No AdeBot.sln above {CardsTestFolder}.");
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
