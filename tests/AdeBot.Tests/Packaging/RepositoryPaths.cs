using System.Runtime.CompilerServices;

namespace AdeBot.Tests.Packaging;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string ManifestTemplate => Path.Combine(Root, "manifest");

    private static string FindRoot()
    {
        // The source path is known at compile time; the binaries may live in an artifacts folder far away.
        foreach (var start in new[] { Path.GetDirectoryName(SourceFile())!, AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "AdeBot.sln"))) return folder.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (the folder holding AdeBot.sln) was not found.");
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}

internal sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("adebot-package-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
