using System.Collections.Concurrent;
using System.Net;
using System.Text;
using AdeBot.Inventory;

namespace AdeBot.Tests.Alerts;

/// The network under the inventory for many Graph tenants: Entra ID sign-in (each tenant gets its
/// own access token, so the real Azure.Identity credentials run) and Graph answered from the sample
/// tenant's recording. It can hold every tenant's first ADE read until the test releases it, counting how many
/// tenants are read at once, and throttle a tenant's first read with a 429.
internal sealed class FakeTenantsNetwork : HttpMessageHandler
{
    private const string LoginHost = "login.microsoftonline.com";
    private const string AdePath = "/beta/deviceManagement/depOnboardingSettings";
    private const string AccessTokenPrefix = "access-for-";

    private readonly RecordedAnswers _answers;
    private readonly SemaphoreSlim _release = new(0);
    private readonly ConcurrentDictionary<string, int> _throttleOnce = new(StringComparer.OrdinalIgnoreCase);
    private int _inFlight;
    private int _held;
    private int _mostAtOnce;

    public FakeTenantsNetwork(DateTimeOffset now) => _answers = new RecordedAnswers(SampleTenant.Recording(now));

    /// When true, each ADE read waits for Release.
    public bool HoldAdeReads { get; init; }

    public int InFlight => Volatile.Read(ref _inFlight);

    /// ADE reads that reached the hold so far, released or not.
    public int Held => Volatile.Read(ref _held);

    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    /// Tenant ids, one per Graph request (sign-in excluded).
    public ConcurrentQueue<string> GraphRequests { get; } = new();

    public static IEnumerable<KeyValuePair<string, string?>> Settings(IReadOnlyList<string> tenantIds)
    {
        yield return new("Graph:ClientId", "22222222-2222-2222-2222-222222222222");
        yield return new("Graph:ClientSecret", "client-secret-never-logged");
        for (var i = 0; i < tenantIds.Count; i++) yield return new($"Graph:Tenants:{i}:TenantId", tenantIds[i]);
    }

    public void ThrottleFirstRead(string tenantId, int retryAfterSeconds) => _throttleOnce[tenantId] = retryAfterSeconds;

    public void Release() => _release.Release();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.Host == LoginHost) return SignIn(uri);

        var tenant = request.Headers.Authorization?.Parameter?.Replace(AccessTokenPrefix, "", StringComparison.Ordinal) ?? "";
        GraphRequests.Enqueue(tenant);
        // The first page only: the sample's ADE tokens come in more than one.
        if (uri.AbsolutePath.Equals(AdePath, StringComparison.OrdinalIgnoreCase) && !uri.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase))
        {
            if (_throttleOnce.TryRemove(tenant, out var retryAfter))
                return Json("""{"error":{"code":"TooManyRequests","message":"faked"}}""", HttpStatusCode.TooManyRequests,
                    ("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (HoldAdeReads)
            {
                Interlocked.Increment(ref _held);
                var now = Interlocked.Increment(ref _inFlight);
                for (var most = MostAtOnce; now > most && Interlocked.CompareExchange(ref _mostAtOnce, now, most) != most; most = MostAtOnce) { }
                try
                {
                    await _release.WaitAsync(cancellationToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            }
        }
        var answer = _answers.Find(request.Method, uri);
        return answer?.ToResponse(request) ?? Json("""{"error":{"code":"ResourceNotFound","message":"not recorded"}}""", HttpStatusCode.NotFound);
    }

    private static HttpResponseMessage SignIn(Uri uri)
    {
        var tenant = uri.Segments.Length > 1 ? uri.Segments[1].TrimEnd('/') : "";
        if (uri.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            return Json($$"""
                {"tenant_discovery_endpoint":"https://{{LoginHost}}/{{tenant}}/v2.0/.well-known/openid-configuration","api-version":"1.1",
                 "metadata":[{"preferred_network":"{{LoginHost}}","preferred_cache":"login.windows.net","aliases":["{{LoginHost}}","login.windows.net"]}]}
                """);
        }
        return Json($$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"{{AccessTokenPrefix}}{{tenant}}"}""");
    }

    private static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }
}
