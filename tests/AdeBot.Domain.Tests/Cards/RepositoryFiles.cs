using System.Runtime.CompilerServices;

namespace AdeBot.Domain.Tests.Cards;

/// Paths in the checkout. Found from this source file, not the test binary, because builds may put
/// their output anywhere (`--artifacts-path`).
internal static class RepositoryFiles
{
    public static string CardsTestFolder { get; } = Path.GetDirectoryName(ThisFile())!;

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
