namespace AdeBot.Tests.Acceptance;

/// An HttpClient for calling the app under test on loopback: never through a proxy, never for long.
internal static class LoopbackHttp
{
    public static HttpClient Create() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
}
