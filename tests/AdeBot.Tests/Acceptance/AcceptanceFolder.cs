namespace AdeBot.Tests.Acceptance;

/// A throwaway folder for one test's database and recordings, so no run writes into the
/// repository or the build output.
internal sealed class AcceptanceFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("adebot-accept-").FullName;

    public string DataPath => System.IO.Path.Combine(Path, "data");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child that was killed may still hold the database for a moment; the OS temp cleaner gets it.
        }
    }
}

/// An HttpClient for calling the app under test on loopback: never through a proxy, never for long.
internal static class LoopbackHttp
{
    public static HttpClient Create() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
