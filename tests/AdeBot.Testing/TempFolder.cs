namespace AdeBot.Testing;

/// A throwaway folder for one test's database and files, so no run writes into the repository or
/// the build output. Whoever opened a database in it closes it first (an in-process SQLite pool
/// must be cleared by its owner; this project does not know SQLite).
public sealed class TempFolder(string prefix = "adebot-test-") : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    /// A folder for `Storage:DataPath` beside the test's other files.
    public string DataPath => System.IO.Path.Combine(Path, "data");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process that was killed may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}
